using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>
/// The words and buttons every question shares are made once per language; what a person answered never is. Two people
/// at the same question each see only their own answer, and the shared buttons work for both.
/// </summary>
public sealed class SharedCardPartsTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task Two_people_at_the_same_question_each_see_only_their_own_answer()
    {
        using var host = TestHost.Intake(_data);
        var ada = host.Chat();
        var bea = host.Chat(TeamsUser.Make("Bea Thornbury"));
        foreach (var chat in new[] { ada, bea })
        {
            await chat.SayAsync("raise a concern");
            await chat.PressAsync(I.DangerNo);
            await chat.PressAsync(I.RoleStaff);
            await chat.PressAsync(I.AtRiskAdult);
        }

        await ada.PressAsync(I.ButtonContinue, new { answer = "Mrs Patel" });
        await bea.PressAsync(I.ButtonContinue, new { answer = "Mr Okafor" });
        var adaBack = await ada.PressAsync(I.ButtonBack);
        var beaBack = await bea.SayAsync("back");

        Assert.Equal("Mrs Patel", AnswerShown(adaBack));
        Assert.Equal("Mr Okafor", AnswerShown(beaBack));
        Assert.DoesNotContain("Mr Okafor", adaBack.LastCard!.Card!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Mrs Patel", beaBack.LastCard!.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    private static string? AnswerShown(BotReplies replies) =>
        (string?)replies.LastCard!.Inputs().Single(i => (string?)i["id"] == "answer")["value"];

    public void Dispose() => _data.Dispose();
}
