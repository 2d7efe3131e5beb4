using System.Text.Json.Nodes;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;
using S = ConcernBot.Resources.Strings;

namespace ConcernBot.Tests.Intake;

/// <summary>Wrong, empty, oversized, stale and replayed input: asked again kindly, never a crash, never a second concern.</summary>
public sealed class WrongInputTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task Typed_text_where_buttons_were_offered_is_matched_or_asked_again_at_each_choice_step()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        Assert.True((await chat.SayAsync("purple")).Says(I.RetryNotAChoice));
        Assert.True((await chat.SayAsync("NO")).Says(I.RoleQuestion));
        Assert.True((await chat.SayAsync("9")).Says(I.RetryNotAChoice));
        Assert.True((await chat.SayAsync("i work or volunteer here")).Says(I.AtRiskQuestion));
        Assert.True((await chat.SayAsync("a child or young person (under 18)")).Says(I.AtRiskWhoQuestion));
        await chat.SayAsync("I'd rather not say");
        Assert.True((await chat.SayAsync("i dont know")).Says(I.HappenedQuestion));
    }

    [Fact]
    public async Task An_answer_over_the_limit_is_refused_kindly_and_the_question_asked_again()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);
        await chat.PressAsync(ConcernBot.Conversation.Words.Format(I.ReviewChange, I.Section_happened));

        var tooLong = await chat.SayAsync(new string('a', 4500));

        Assert.True(tooLong.Says("4,000"));
        Assert.True(tooLong.Says("4,500"));
        Assert.True(tooLong.Says(I.HappenedQuestion));
        Assert.True((await chat.SayAsync(new string('b', 4000))).Says(I.ReviewTitle));
        await chat.PressAsync(ConcernBot.Conversation.Words.Format(I.ReviewChange, I.Section_happened));
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { happened = new string('b', 4000), about = "StaffMember" })).Says(I.WhenQuestion));
        Assert.True((await chat.SayAsync(new string('c', 501))).Says("500"));
    }

    [Fact]
    public async Task Empty_text_and_an_empty_card_submit_are_asked_again()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);
        await chat.PressAsync(I.AtRiskAdult);

        Assert.True((await chat.SayAsync("   ")).Says(I.RetryEmptyText));
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { answer = "" })).Says(I.RetryEmptyText));
        Assert.True((await chat.PressAsync(I.ButtonContinue, new { answer = "Mr Ahmed" })).Says(I.HappenedQuestion));
    }

    [Fact]
    public async Task Unknown_verbs_and_buttons_from_old_cards_change_nothing()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);

        var unknown = await chat.SendValueAsync(new JsonObject { ["verb"] = "intake.nonsense" });
        Assert.True(unknown.Says(I.StaleCard));
        Assert.True(unknown.Says(I.AtRiskQuestion));
        var foreign = await chat.SendValueAsync(new JsonObject { ["verb"] = "somethingelse.entirely" });
        Assert.True(foreign.Says(S.UnknownAction));
        var never = await chat.SendValueAsync(new JsonObject { ["verb"] = "intake.answer", ["step"] = "evidence", ["answer"] = "Nothing yet" });
        Assert.True(never.Says(I.StaleCard));
        Assert.True(never.Says(I.AtRiskQuestion));

        // A button from the danger card, answered before: the question opens again, and the old "yes" is not taken as the answer.
        var stale = await chat.SendValueAsync(new JsonObject { ["verb"] = "intake.answer", ["step"] = "danger", ["choice"] = "Yes" });
        Assert.True(stale.Says(I.StaleReopened));
        Assert.True(stale.Says(I.DangerQuestion));
        var state = (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value;
        Assert.Equal("danger", state.Step);
        var draft = ConcernBot.Intake.IntakeDraft.From(state.Data)!;
        Assert.False(draft.Urgent);
        Assert.False(draft.ImmediateDanger);
    }

    [Fact]
    public async Task A_replayed_activity_is_ignored_and_a_replayed_submit_answers_as_the_first_and_stores_nothing_new()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        var replay = await chat.ReplayLastAsync();
        Assert.Equal(0, replay.Count);
        Assert.Equal("role", (await _data.Conversations.GetAsync(chat.User.ConversationId))!.Value.Step);

        chat = host.Chat(TeamsUser.Make("Second Person"));
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);
        var first = await chat.PressAsync(I.ReviewSubmit);
        var reference = Assert.Single(await _data.ConcernsAsync()).Reference;
        Assert.True(first.Says(I.ReceiptTitle));

        var replayed = await chat.ReplayLastAsync();
        var again = await chat.PressAsync(I.ReviewSubmit);
        var typed = await chat.SayAsync("submit");

        var expected = I.AlreadyReceived.Replace("{0}", reference, StringComparison.Ordinal);
        foreach (var answer in new[] { replayed, again, typed })
        {
            Assert.Equal(expected, Assert.Single(answer.All).Words);
            Assert.DoesNotContain("sent or deleted", answer.Words, StringComparison.Ordinal);
        }

        Assert.Single(await _data.ConcernsAsync());
        var outbox = await _data.OutboxAsync();
        Assert.Single(outbox, m => m.Kind == "reporter.receipt");
        Assert.Single(outbox, m => m.Kind == "concern.submitted");
        Assert.Equal(1, chat.Transcript.Count(r => r.Words.Contains(I.ReceiptTitle, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_reference_already_taken_is_drawn_again_and_the_receipt_shows_the_new_one()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed);
        var taken = ConcernBot.Intake.IntakeDraft.From((await _data.StateAsync(chat.User.ConversationId))!.Data)!.Reference;
        await _data.SeedAsync(new Concerns.Concern
        {
            Id = "concern-seeded",
            Reference = taken,
            OrganisationId = IntakeData.Organisation,
            ReceivedAt = DateTimeOffset.UtcNow.AddDays(-1),
            Reporter = Concerns.ReporterIdentity.Anonymous(null),
            PersonAtRisk = new Concerns.PersonAtRisk(),
            Account = new Concerns.IncidentAccount { WhatHappened = "Seeded" },
        });

        var receipt = await chat.PressAsync(I.ReviewSubmit);

        var mine = Assert.Single(await _data.ConcernsAsync(), c => c.Id != "concern-seeded");
        Assert.NotEqual(taken, mine.Reference);
        Assert.True(receipt.Says(mine.Reference));
        Assert.False(receipt.Says(taken));
    }

    public void Dispose() => _data.Dispose();
}
