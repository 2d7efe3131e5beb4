using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// The leads' card: user-specific views (refresh) and the lead actions. Only an authorised lead for the concern gets the
/// detail or may act; anyone else gets the need-to-know card or a clear refusal, and the attempt is audited.
/// </summary>
internal sealed partial class LeadsCardHandler(
    IConcernStore store,
    IAuditLog audit,
    LeadsDirectory directory,
    LeadsCards cards,
    LeadsCaseWork work,
    Learning.LearningPatterns patterns,
    TimeProvider time,
    ILogger<LeadsCardHandler> logger) : ITurnHandler
{
    public const string ReporterIdentityPurpose = LeadsCaseWork.ReporterIdentityPurpose;

    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        if (action is null || !action.IsInvoke || !action.Verb.StartsWith(LeadsVerbs.Prefix, StringComparison.Ordinal))
        {
            return TurnOutcome.NotHandled;
        }

        var concernId = action.GetString("concernId");
        var read = concernId is null ? null : await store.GetAsync(concernId, cancellationToken);
        if (read is null)
        {
            return TurnOutcome.Invoke(InvokeResponse.Message(Words.ConcernNotFound));
        }

        var from = turn.Activity.From;
        var lead = directory.FindAuthorised(read.Value, from?.AadObjectId);
        if (lead is null)
        {
            return TurnOutcome.Invoke(await RefuseAsync(read.Value, action.Verb, from?.Name, cancellationToken));
        }

        var response = action.Verb switch
        {
            LeadsVerbs.View => await ViewAsync(read.Value, lead, null, cancellationToken),
            LeadsVerbs.History => await HistoryAsync(read.Value, lead, cancellationToken),
            _ => await ActAsync(read, lead, action, cancellationToken),
        };
        return TurnOutcome.Invoke(response);
    }

    private async Task<InvokeResponse> RefuseAsync(Concern concern, string verb, string? name, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(concern.Id, new AuditEntry
        {
            Actor = LeadsText.Format(Words.ActorNotALead, string.IsNullOrWhiteSpace(name) ? Words.SomeoneUnknown : name),
            At = time.GetUtcNow(),
            Action = LeadsAudit.Refused,
            Detail = "verb=" + verb,
        }, cancellationToken);
        var known = LeadsVerbs.Known(verb);
        LogRefused(logger, known);

        // Someone in the channel opening the card sees what everyone sees; an action is refused plainly.
        return verb == LeadsVerbs.View
            ? InvokeResponse.Card(cards.NeedToKnow(concern))
            : InvokeResponse.Message(Words.NotAuthorised);
    }

    private async Task<InvokeResponse> ViewAsync(Concern concern, LeadPerson lead, string? notice, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(concern.Id, new AuditEntry { Actor = lead.Name, At = time.GetUtcNow(), Action = LeadsAudit.DetailViewed }, cancellationToken);
        return InvokeResponse.Card(await DetailCardAsync(concern, lead, notice, cancellationToken));
    }

    private async Task<InvokeResponse> HistoryAsync(Concern concern, LeadPerson lead, CancellationToken cancellationToken)
    {
        await audit.AppendAsync(concern.Id, new AuditEntry { Actor = lead.Name, At = time.GetUtcNow(), Action = LeadsAudit.HistoryViewed }, cancellationToken);
        var entries = await audit.ReadAsync(concern.Id, cancellationToken);
        return InvokeResponse.Card(cards.History(concern, entries));
    }

    private async Task<InvokeResponse> ActAsync(Versioned<Concern> read, LeadPerson lead, UserAction action, CancellationToken cancellationToken)
    {
        var outcome = await work.ActAsync(read, lead, action, cancellationToken);
        return InvokeResponse.Card(await DetailCardAsync(outcome.Concern, lead, outcome.Notice, cancellationToken));
    }

    private async Task<System.Text.Json.JsonElement> DetailCardAsync(Concern concern, LeadPerson lead, string? notice, CancellationToken cancellationToken) =>
        cards.Detail(concern, new LeadsDetailView(work.ReporterName(concern, lead), directory.AuthorisedLeads(concern), notice, await patterns.FindAsync(concern, cancellationToken)));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a card action ({Verb}) from someone who is not a lead for the concern")]
    private static partial void LogRefused(ILogger logger, string verb);
}
