using ConcernBot.Concerns;
using ConcernBot.Intake;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;
using W = ConcernBot.Conversation.Words;

namespace ConcernBot.Tests.Intake;

/// <summary>Everyday typed answers at the questions with buttons, through the real host: understood, or asked about kindly.</summary>
public sealed class TypedEverydayAnswerTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task Everyday_answers_move_the_staff_path_on_and_are_stored_as_the_buttons_would_store_them()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");

        Assert.True((await chat.SayAsync("no, nobody is in danger right now")).Says(I.RoleQuestion));
        Assert.True((await chat.SayAsync("I'm a support worker here")).Says(I.AtRiskQuestion));
        Assert.True((await chat.SayAsync("one of our residents")).Says(I.AtRiskWhoQuestion));
        await chat.SayAsync("Mr Jones, room 12");
        Assert.True((await chat.SayAsync(Walkthrough.Account)).Says(I.AboutQuestion));
        Assert.True((await chat.SayAsync("yes, one of the night carers")).Says(I.WhenWhereQuestion));
        await chat.SayAsync("yesterday");
        Assert.True((await chat.SayAsync("the lounge")).Says(I.OngoingQuestion));
        Assert.True((await chat.SayAsync("no it's stopped")).Says(I.HarmQuestion));
        Assert.True((await chat.SayAsync("physical and financial")).Says(I.PersonKnowsQuestion));
        Assert.True((await chat.SayAsync("yes she knows I'm telling you")).Says(I.OutcomesAskedQuestion));
        Assert.True((await chat.SayAsync("yes, they said what they want")).Says(I.PersonWantsQuestion));

        var draft = IntakeDraft.From((await _data.StateAsync(chat.User.ConversationId))!.Data)!;
        Assert.False(draft.ImmediateDanger);
        Assert.Equal(ReporterRole.StaffOrVolunteer, draft.Role);
        Assert.Equal(PersonAtRiskKind.AdultAtRisk, draft.AtRisk);
        Assert.Equal(Answer.No, draft.StillHappening);
        Assert.Equal([HarmKind.Physical, HarmKind.FinancialOrMaterial], draft.HarmKinds);
        Assert.Equal(SubjectKind.StaffMember, draft.Subject);
        Assert.Equal(Answer.Yes, draft.PersonKnows);
        Assert.Equal(DesiredOutcomesRecorded.AskedAndExpressed, draft.OutcomesAsked);
    }

    [Fact]
    public async Task Two_answers_alike_are_asked_about_with_just_those_two_buttons_and_pressing_one_answers_the_question()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await ToOutcomesAskedAsync(chat);

        var which = await chat.SayAsync("yes");

        Assert.True(which.Says(W.Format(I.DidYouMeanEither, I.OutcomesAskedExpressed, I.OutcomesAskedNone)));
        Assert.Equal([I.OutcomesAskedExpressed, I.OutcomesAskedNone], which.LastCard!.Buttons);
        Assert.False(which.Says(I.RetryNotAChoice));
        Assert.True((await chat.PressAsync(I.OutcomesAskedNone)).Says(I.ReporterWantsQuestion));
        var draft = IntakeDraft.From((await _data.StateAsync(chat.User.ConversationId))!.Data)!;
        Assert.Equal(DesiredOutcomesRecorded.AskedNoneExpressed, draft.OutcomesAsked);
        Assert.Null(draft.Clarifying);
    }

    [Fact]
    public async Task A_typed_reply_to_did_you_mean_is_read_against_the_two_offered()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await ToOutcomesAskedAsync(chat);
        await chat.SayAsync("yes");

        Assert.True((await chat.SayAsync("2")).Says(I.ReporterWantsQuestion));
        Assert.Equal(DesiredOutcomesRecorded.AskedNoneExpressed, IntakeDraft.From((await _data.StateAsync(chat.User.ConversationId))!.Data)!.OutcomesAsked);
    }

    [Fact]
    public async Task A_misspelt_answer_to_the_danger_question_is_confirmed_not_taken()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");

        var confirm = await chat.SayAsync("yse");

        Assert.True(confirm.Says(W.Format(I.DidYouMeanOne, I.DangerYes)));
        Assert.Equal([I.DangerYes, I.DidYouMeanShowAll], confirm.LastCard!.Buttons);
        Assert.Equal(StepNames.Danger, (await _data.StateAsync(chat.User.ConversationId))!.Step);
        var all = await chat.PressAsync(I.DidYouMeanShowAll);
        Assert.True(all.Says(I.DangerQuestion));
        Assert.Contains(I.DangerNo, all.LastCard!.Buttons);

        await chat.SayAsync("yse");
        Assert.True((await chat.SayAsync("yes")).Says(I.UrgentQuestion));
        Assert.True(IntakeDraft.From((await _data.StateAsync(chat.User.ConversationId))!.Data)!.ImmediateDanger);
    }

    [Fact]
    public async Task A_no_to_a_single_guess_shows_every_answer_again()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.SayAsync("yse");

        var again = await chat.SayAsync("no");

        Assert.True(again.Says(I.DangerQuestion));
        var state = (await _data.StateAsync(chat.User.ConversationId))!;
        Assert.Equal(StepNames.Danger, state.Step);
        Assert.Null(IntakeDraft.From(state.Data)!.ImmediateDanger);
    }

    private static async Task ToOutcomesAskedAsync(TeamsChat chat)
    {
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);
        await chat.PressAsync(I.AtRiskAdult);
        await chat.PressAsync(I.ButtonContinue, new { answer = "Mr Jones" });
        await chat.PressAsync(I.ButtonContinue, new { happened = Walkthrough.Account, about = "NotAboutStaff" });
        await chat.PressAsync(I.ButtonContinue, new { when = "yesterday", where = "the lounge", ongoing = "No" });
        await chat.PressAsync(I.ButtonContinue, new { choices = "Physical" });
        Assert.True((await chat.SayAsync("yes")).Says(I.OutcomesAskedQuestion));
    }

    public void Dispose() => _data.Dispose();
}
