using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Intake;

/// <summary>help, back, change, pause (and resume after a restart), cancel and start again, by button and by typing.</summary>
public sealed class NavigationTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task Help_says_why_the_question_is_asked_without_sending_the_card_again()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);

        var typed = await chat.SayAsync("why?");
        var pressed = await chat.PressAsync(I.ButtonHelp);

        Assert.True(typed.Says(I.RoleWhy));
        Assert.Null(typed.LastCard);
        Assert.True(pressed.Says(I.RoleWhy));
        Assert.Null(pressed.LastCard);
        Assert.True((await chat.PressAsync(I.RoleStaff)).Says(I.AtRiskQuestion));
    }

    [Fact]
    public async Task Back_returns_to_the_previous_question_with_the_answer_kept()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);
        await chat.PressAsync(I.AtRiskAdult);
        await chat.PressAsync(I.ButtonContinue, new { answer = "Mrs Patel" });

        var back = await chat.SayAsync("back");

        Assert.True(back.Says(I.AtRiskWhoQuestion));
        Assert.Equal("Mrs Patel", (string?)back.LastCard!.Inputs().Single(i => (string?)i["id"] == "answer")["value"]);
        Assert.True((await chat.PressAsync(I.ButtonBack)).Says(I.AtRiskQuestion));
        await chat.PressAsync(I.ButtonBack);
        await chat.PressAsync(I.ButtonBack);
        Assert.True((await chat.PressAsync(I.ButtonBack)).Says(I.BackAtStart));
    }

    [Fact]
    public async Task Change_on_the_review_goes_to_that_section_and_comes_back_to_the_review()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);

        var change = await chat.PressAsync(ConcernBot.Conversation.Words.Format(I.ReviewChange, I.Section_happened));
        Assert.True(change.Says(I.HappenedQuestion));
        Assert.Equal("StaffMember", (string?)change.LastCard!.Inputs().Single(i => (string?)i["id"] == "about")["value"]);
        await chat.PressAsync(I.ButtonContinue, new { happened = "Corrected: it was 5pm, not 4pm.", about = "StaffMember" });
        var review = await chat.PressAsync(I.ButtonContinue, new { when = "Tuesday", where = "The dining room", ongoing = "Yes" });

        Assert.True(review.Says(I.ReviewTitle));
        Assert.True(review.Says("Corrected: it was 5pm, not 4pm."));
        await chat.PressAsync(I.ReviewSubmit);
        var concern = Assert.Single((await _data.ConcernsAsync()));
        Assert.Equal("Corrected: it was 5pm, not 4pm.", concern.Account.WhatHappened);
        Assert.Equal("The dining room", concern.Account.Where);
        Assert.Equal(Concerns.Answer.Yes, concern.Account.StillHappening);
        Assert.Equal([Concerns.HarmKind.Physical], concern.HarmKinds);
    }

    [Fact]
    public async Task A_paused_draft_survives_a_restart_and_is_offered_back()
    {
        var user = TeamsUser.Make("Dev Malhotra");
        using (var first = TestHost.Intake(_data))
        {
            var chat = first.Chat(user);
            await chat.SayAsync("raise a concern");
            await chat.PressAsync(I.DangerNo);
            await chat.PressAsync(I.RoleStaff);
            await chat.PressAsync(I.AtRiskAdult);
            var paused = await chat.SayAsync("later");
            Assert.True(paused.Says("7 days"));
        }

        using var second = TestHost.Intake(_data);
        var again = second.Chat(user);
        var offer = await again.SayAsync("hi");
        Assert.True(offer.Says(I.ResumeTitle));
        Assert.True((await again.PressAsync(I.ResumeCarryOn)).Says(I.AtRiskWhoQuestion));
        await again.PressAsync(I.ButtonContinue, new { answer = "Mr Green" });
        Assert.True(again.Last.Says(I.HappenedQuestion));
    }

    [Fact]
    public async Task Cancel_asks_first_then_deletes_the_draft_and_sends_nothing()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);

        var confirm = await chat.SayAsync("cancel");
        Assert.True(confirm.Says(I.ConfirmCancelQuestion));
        Assert.True((await chat.PressAsync(I.ConfirmNo)).Says(I.AtRiskQuestion));
        await chat.PressAsync(I.ButtonCancel);
        var done = await chat.SayAsync("yes");

        Assert.True(done.Says(I.Cancelled));
        Assert.Empty((await _data.ConcernsAsync()));
        var state = (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value;
        Assert.Null(state.Data);
        Assert.Null(state.Flow);
        Assert.Null(state.ReferenceJson);
        Assert.True((await chat.PressAsync(I.AtRiskAdult)).Says(I.StaleEnded));
    }

    [Fact]
    public async Task Start_again_clears_the_answers_after_confirming()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerYes);
        await chat.PressAsync(I.UrgentContinue);

        Assert.True((await chat.SayAsync("start again")).Says(I.ConfirmRestartQuestion));
        var fresh = await chat.PressAsync(I.ConfirmRestartYes);

        Assert.True(fresh.Says(I.DangerQuestion));
        var state = (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value;
        var draft = ConcernBot.Intake.IntakeDraft.From(state.Data)!;
        Assert.False(draft.Urgent);
        Assert.Null(draft.ImmediateDanger);
        Assert.Empty(draft.History);
        Assert.Equal("danger", state.Step);
    }

    [Fact]
    public async Task Raise_a_concern_with_a_draft_waiting_offers_to_carry_on_or_start_again()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);

        var offer = await chat.SendValueAsync(new System.Text.Json.Nodes.JsonObject { ["verb"] = "intake.start" });
        Assert.True(offer.Says(I.ResumeTitle));
        Assert.True((await chat.PressAsync(I.ResumeStartAgain)).Says(I.DangerQuestion));
    }

    public void Dispose() => _data.Dispose();
}
