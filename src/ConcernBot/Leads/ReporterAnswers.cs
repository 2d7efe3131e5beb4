using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// The way back in for the reporter's answer to a lead's question (called by the relay or the named reporter's chat).
/// The answer is kept on the concern, for the leads' own view only; the thread is told there is an answer, not what it says.
/// </summary>
public sealed class ReporterAnswers(IConcernStore store, LeadsClocks clocks, TimeProvider time)
{
    public const string AnsweredAction = "leads.reporter.answered";
    public const int MaxAnswerLength = 4000;

    /// <summary>Records the answer to question <paramref name="questionNumber"/> (1-based); false if there is no such question.</summary>
    public async Task<bool> RecordAsync(string concernId, int questionNumber, string answer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(answer);
        answer = answer.Trim();
        if (answer.Length is 0 or > MaxAnswerLength)
        {
            return false;
        }

        for (var attempt = 0; ; attempt++)
        {
            var read = await store.GetAsync(concernId, cancellationToken);
            if (read is null || questionNumber < 1 || questionNumber > read.Value.Leads.Questions.Count)
            {
                return false;
            }

            var concern = read.Value;
            var now = concern.Reporter.Choice == IdentityChoice.Anonymous ? Anonymity.AnonymousTiming.RoundToMinute(time.GetUtcNow()) : time.GetUtcNow();
            var who = concern.Reporter.Choice == IdentityChoice.Anonymous ? Words.ReporterAnonymous : Words.TheReporter;
            var questions = concern.Leads.Questions.ToList();
            questions[questionNumber - 1] = questions[questionNumber - 1] with { Answer = answer, AnsweredAt = now };
            var updated = concern with { Leads = concern.Leads with { Questions = questions, LastActivity = new LeadActivity(who, AnsweredAction, now) } };
            updated = updated with { NextDeadline = clocks.NextDeadline(updated) };
            var entry = new AuditEntry { Actor = who, At = now, Action = AnsweredAction, Detail = "question=" + questionNumber };
            var outbox = LeadsOutbox.Create(LeadsOutbox.Answer, concern.Id, new StagePayload(concern.Id, questionNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)), now);
            try
            {
                await store.UpdateAsync(updated, read.ETag, entry, [outbox], cancellationToken);
                return true;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // A lead acted at the same moment: read again and add the answer to the fresh record.
            }
        }
    }
}

/// <summary>Tells the leads' thread that the reporter answered, and refreshes the shared card in place.</summary>
internal sealed class ReporterAnswerHandler(
    IConcernStore store,
    LeadsMentions leads,
    ITeamsLeads messenger,
    LeadsCards cards) : IOutboxHandler
{
    public string Kind => LeadsOutbox.Answer;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var payload = LeadsOutbox.Read(message, LeadsJsonContext.Default.StagePayload);
        if (payload?.ConcernId is null || await store.GetAsync(payload.ConcernId, cancellationToken) is not { } read)
        {
            return;
        }

        var concern = read.Value;
        var askers = concern.Leads.Questions.Select(q => q.AskedBy).ToHashSet(StringComparer.Ordinal);
        var mentions = await leads.ForAsync(concern, l => askers.Contains(l.Name), cancellationToken);
        var names = LeadsMentions.Names(mentions);
        var text = LeadsText.Format(concern.Reporter.Choice == IdentityChoice.Anonymous ? Words.AnswerArrivedAnonymous : Words.AnswerArrived, names, concern.Reference).Trim();
        await messenger.UpdateAsync(concern.Leads.Posts, cards.NeedToKnow(concern), cancellationToken);
        foreach (var post in concern.Leads.Posts)
        {
            await messenger.ReplyAsync(post, text, post.InChannel ? mentions : [], cancellationToken);
        }
    }
}
