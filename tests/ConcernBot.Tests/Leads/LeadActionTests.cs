using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Storage;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Leads;

public sealed class LeadActionTests
{
    /// <summary>The shared card after an action: updated in place, still need-to-know only.</summary>
    private static string UpdatedCard(TestHost host, LeadsCardPost post)
    {
        var update = host.Connector.Of("update")[^1];
        Assert.Equal(post.ActivityId, update.ActivityId);
        Assert.Equal(post.ConversationId, update.ConversationId);
        foreach (var word in SampleConcerns.DetailWords)
        {
            Assert.DoesNotContain(word, update.CardJson, StringComparison.OrdinalIgnoreCase);
        }

        return LeadsFlow.Readable(update.CardJson);
    }

    [Fact]
    public async Task Acknowledge_updates_the_card_for_everyone_tells_the_reporter_and_is_audited()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;
        host.Clock.Advance(TimeSpan.FromMinutes(3));

        var answer = await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Acknowledge, concern.Id);

        Assert.Contains("you acknowledged this concern", LeadsFlow.Readable(LeadsFlow.CardOf(answer)), StringComparison.Ordinal);
        var shared = UpdatedCard(host, post);
        Assert.Contains("Acknowledged (since Tue 24 Nov 2026, 10:03)", shared, StringComparison.Ordinal);
        Assert.Contains("Done: Asha Designated, Tue 24 Nov 2026, 10:03", shared, StringComparison.Ordinal);
        var stored = await SampleConcerns.CurrentAsync(host, concern);
        Assert.Equal(ConcernStatus.Acknowledged, stored.Status);
        Assert.Contains(host.Stores.OutboxMessages(), m => m.Kind == "reporter.notify" && m.Payload.Contains("\"acknowledged\"", StringComparison.Ordinal));
        Assert.Contains(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.Acknowledged && e.Actor == People.Asha.Name);
    }

    [Fact]
    public async Task Assign_to_me_and_to_another_lead()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;

        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Assign, concern.Id, new { assignee = "me" });
        Assert.Contains("Assigned to\nAsha Designated", UpdatedCard(host, post), StringComparison.Ordinal);

        var answer = await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Assign, concern.Id, new { assignee = People.Dee.ObjectId });
        Assert.Contains("Assigned to Dee Deputy.", LeadsFlow.Readable(LeadsFlow.CardOf(answer)), StringComparison.Ordinal);
        Assert.Contains("Assigned to\nDee Deputy", UpdatedCard(host, post), StringComparison.Ordinal);
        Assert.Equal(People.Dee.ObjectId, (await SampleConcerns.CurrentAsync(host, concern)).AssignedLeadId);

        var notALead = await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Assign, concern.Id, new { assignee = People.Nick.ObjectId });
        Assert.Contains("isn't a lead who can handle this concern", LeadsFlow.Readable(LeadsFlow.CardOf(notALead)), StringComparison.Ordinal);
        Assert.Equal(2, (await host.Stores.ReadAsync(concern.Id)).Count(e => e.Action == LeadsAudit.Assigned));
    }

    [Fact]
    public async Task Ask_the_reporter_records_the_question_and_puts_it_in_the_outbox()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;

        var empty = await LeadsFlow.ActAsync(host, People.Ben, post, LeadsVerbs.Ask, concern.Id, new { question = "  " });
        Assert.Contains("Please fill in", LeadsFlow.Readable(LeadsFlow.CardOf(empty)), StringComparison.Ordinal);

        var answer = await LeadsFlow.ActAsync(host, People.Ben, post, LeadsVerbs.Ask, concern.Id, new { question = "Which evening was it?" });

        var card = LeadsFlow.Readable(LeadsFlow.CardOf(answer));
        Assert.Contains("Your question was sent to the reporter", card, StringComparison.Ordinal);
        Assert.Contains("Which evening was it?", card, StringComparison.Ordinal);
        var message = Assert.Single(host.Stores.OutboxMessages(), m => m.Kind == "reporter.question");
        Assert.Contains("Which evening was it?", message.Payload, StringComparison.Ordinal);
        Assert.Equal(concern.Id, message.ConcernId);
        Assert.DoesNotContain("Which evening", host.Connector.Of("update")[^1].CardJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_a_decision_with_its_reasons_and_the_information_sharing_decision()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;

        var incomplete = await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Decide, concern.Id, new { decision = "Police" });
        Assert.Contains("give the reason for each", LeadsFlow.Readable(LeadsFlow.CardOf(incomplete)), StringComparison.Ordinal);

        var answer = await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Decide, concern.Id, new
        {
            decision = nameof(DecisionKind.LocalAuthorityCareActS42),
            decisionReason = "Financial abuse of an adult with care and support needs",
            sharing = nameof(SharingDecision.SharedWithConsent),
            sharingReason = "She agreed when asked",
        });

        var card = LeadsFlow.Readable(LeadsFlow.CardOf(answer));
        Assert.Contains("Referral to the local authority (Care Act s42)", card, StringComparison.Ordinal);
        Assert.Contains("Shared with agreement. Reason: She agreed when asked", card, StringComparison.Ordinal);
        Assert.Contains("In progress", UpdatedCard(host, post), StringComparison.Ordinal);
        var entry = Assert.Single(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.DecisionRecorded);
        Assert.Contains("Financial abuse", entry.Reason, StringComparison.Ordinal);
        Assert.Contains("sharing=SharedWithConsent", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_a_note_is_seen_by_leads_only()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;

        var answer = await LeadsFlow.ActAsync(host, People.Dee, post, LeadsVerbs.Note, concern.Id, new { note = "Spoke to the home manager" });

        Assert.Contains("Dee Deputy**, Tue 24 Nov 2026, 10:00: Spoke to the home manager", LeadsFlow.Readable(LeadsFlow.CardOf(answer)), StringComparison.Ordinal);
        Assert.DoesNotContain("home manager", host.Connector.Of("update")[^1].CardJson, StringComparison.Ordinal);
        Assert.Contains(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.NoteAdded && e.Actor == People.Dee.Name);
    }

    [Fact]
    public async Task Many_notes_keep_the_card_small_and_all_stay_in_the_history()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;

        string card = "";
        for (var i = 1; i <= 14; i++)
        {
            card = LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Note, concern.Id, new { note = $"Note number {i:00}: " + new string('x', 1900) }));
        }

        var readable = LeadsFlow.Readable(card);
        Assert.Contains("4 earlier notes are in the history.", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("Note number 04", readable, StringComparison.Ordinal);
        Assert.Contains("Note number 14", readable, StringComparison.Ordinal);
        Assert.True(card.Length < 40_000, $"the card is {card.Length} characters");
        Assert.Equal(14, (await host.Stores.ReadAsync(concern.Id)).Count(e => e.Action == LeadsAudit.NoteAdded));
    }

    [Fact]
    public async Task Close_with_outcome_tells_the_reporter_and_stops_the_clocks()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;

        var answer = await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Close, concern.Id, new
        {
            outcomeDesired = nameof(OutcomesAchieved.Partially),
            outcomeRisk = nameof(RiskOutcome.Reduced),
            reporterMessage = "We acted on what you told us. Thank you.",
        });

        var card = LeadsFlow.Readable(LeadsFlow.CardOf(answer));
        Assert.Contains("Partially achieved", card, StringComparison.Ordinal);
        Assert.Contains("Risk reduced", card, StringComparison.Ordinal);
        Assert.DoesNotContain("Close the concern", card, StringComparison.Ordinal);
        Assert.Contains("Closed", UpdatedCard(host, post), StringComparison.Ordinal);
        var stored = await SampleConcerns.CurrentAsync(host, concern);
        Assert.Equal(ConcernStatus.Closed, stored.Status);
        Assert.Null(stored.NextDeadline);
        var notify = Assert.Single(host.Stores.OutboxMessages(), m => m.Kind == "reporter.notify" && m.Payload.Contains("\"closed\"", StringComparison.Ordinal));
        Assert.Contains("We acted on what you told us", notify.Payload, StringComparison.Ordinal);

        var again = await LeadsFlow.ActAsync(host, People.Ben, post, LeadsVerbs.Note, concern.Id, new { note = "late" });
        Assert.Contains("closed this concern", LeadsFlow.Readable(LeadsFlow.CardOf(again)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(LeadsVerbs.Acknowledge)]
    [InlineData(LeadsVerbs.Assign)]
    [InlineData(LeadsVerbs.Ask)]
    [InlineData(LeadsVerbs.Decide)]
    [InlineData(LeadsVerbs.Note)]
    [InlineData(LeadsVerbs.Close)]
    public async Task Anyone_who_is_not_a_lead_is_refused_plainly_and_the_attempt_is_audited(string verb)
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;

        var answer = await LeadsFlow.ActAsync(host, People.Nick, post, verb, concern.Id, new { note = "x", question = "x", assignee = "me" });

        Assert.Contains("only the safeguarding leads handling this concern can do that", LeadsFlow.MessageOf(answer), StringComparison.Ordinal);
        Assert.Empty(host.Connector.Of("update"));
        var stored = await SampleConcerns.CurrentAsync(host, concern);
        Assert.Equal(ConcernStatus.Received, stored.Status);
        Assert.Empty(stored.Leads.Notes);
        var refused = Assert.Single(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.Refused);
        Assert.Equal("verb=" + verb, refused.Detail);
    }

    [Fact]
    public async Task Two_leads_acknowledging_at_once_never_overwrite_each_other_and_the_second_sees_what_changed()
    {
        GatedConcernStore? gated = null;
        var (host, concern, post) = await LeadsFlow.RoutedAsync(inner => gated = new GatedConcernStore(inner));
        await using var _ = host;
        gated!.HoldUpdates(2);

        var asha = LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Acknowledge, concern.Id);
        var ben = LeadsFlow.ActAsync(host, People.Ben, post, LeadsVerbs.Acknowledge, concern.Id);
        var answers = await Task.WhenAll(asha, ben);

        var cards = answers.Select(a => LeadsFlow.Readable(LeadsFlow.CardOf(a))).ToList();
        var won = Assert.Single(cards, c => c.Contains("you acknowledged this concern", StringComparison.Ordinal));
        var lost = Assert.Single(cards, c => c != won);
        var winner = (await SampleConcerns.CurrentAsync(host, concern)).Leads.AcknowledgedBy!;
        Assert.Contains($"While you were looking, {winner} acknowledged it at", lost, StringComparison.Ordinal);
        Assert.Contains("Your change was not saved", lost, StringComparison.Ordinal);
        Assert.Single(await host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.Acknowledged);
        Assert.Single(host.Stores.OutboxMessages(), m => m.Kind == "reporter.notify" && m.Payload.Contains("\"acknowledged\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_lead_acting_on_an_old_card_is_told_who_acted_first()
    {
        var (host, concern, post) = await LeadsFlow.RoutedAsync();
        await using var _ = host;
        await LeadsFlow.ActAsync(host, People.Asha, post, LeadsVerbs.Acknowledge, concern.Id);

        var late = await LeadsFlow.ActAsync(host, People.Ben, post, LeadsVerbs.Acknowledge, concern.Id);

        Assert.Contains("Asha Designated already acknowledged this at Tue 24 Nov 2026, 10:00", LeadsFlow.Readable(LeadsFlow.CardOf(late)), StringComparison.Ordinal);
    }
}
