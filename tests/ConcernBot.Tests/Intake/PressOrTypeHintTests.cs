using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>
/// "You can press a button or type your answer" is said where it helps (issue 21): on the first question of a concern and
/// when a question is asked again after a miss; not on every card. On the first question the intro has just listed the
/// commands, so the hint there is only "press a button, or type your answer".
/// </summary>
public sealed class PressOrTypeHintTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task The_hint_comes_with_the_first_question_and_after_a_miss_only()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();

        var first = await chat.SayAsync("raise a concern");
        Assert.True(first.Says(I.DangerQuestion) && first.Says(I.OpeningHowLong) && first.Says(I.HintSimple) && !first.Says(I.HintTyping), first.Words);
        var role = await chat.PressAsync(I.DangerNo);
        Assert.True(role.Says(I.RoleQuestion) && !role.Says(I.HintTyping), role.Words);

        var missed = await chat.SayAsync("purple");
        Assert.True(missed.Says(I.RetryNotAChoice) && missed.Says(I.RoleQuestion) && missed.Says(I.HintTyping), missed.Words);

        var next = await chat.PressAsync(I.RoleStaff);
        Assert.True(next.Says(I.AtRiskQuestion) && !next.Says(I.HintTyping), next.Words);
    }

    [Fact]
    public async Task On_the_simple_path_the_short_hint_comes_after_a_miss_and_on_a_card_of_questions_together_too()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat(TeamsUser.Make("Rowan Birchley"));
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);

        var who = await chat.PressAsync(I.RolePersonUsingService);
        Assert.True(who.Says(I.SimpleWhoQuestion) && !who.Says(I.HintSimple), who.Words);
        Assert.True((await chat.SayAsync("purple")).Says(I.HintSimple));
        await chat.PressAsync(I.SimpleWhoMe);

        var together = await chat.PressAsync(I.ButtonContinue, new { answer = "A night carer shouted at me." });
        Assert.True(together.Says(I.SimpleWhenWhereQuestion) && !together.Says(I.TogetherTypingSimple), together.Words);
        var again = await chat.SayAsync("purple");
        Assert.True(again.Says(I.SimpleWhenWhereQuestion) && again.Says(I.TogetherTypingSimple), again.Words);
    }

    public void Dispose() => _data.Dispose();
}
