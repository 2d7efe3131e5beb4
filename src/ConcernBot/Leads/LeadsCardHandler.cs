using System.Security.Cryptography;
using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Microsoft.AspNetCore.DataProtection;
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
    LeadsActions actions,
    ITeamsLeads messenger,
    LeadsClocks clocks,
    IDataProtectionProvider dataProtection,
    Learning.LearningPatterns patterns,
    TimeProvider time,
    ILogger<LeadsCardHandler> logger) : ITurnHandler
{
    public const string ReporterIdentityPurpose = "ConcernBot.ReporterIdentity";

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
        var change = actions.Apply(action.Verb, read.Value, lead, action, time.GetUtcNow());
        if (!change.Changed)
        {
            return InvokeResponse.Card(await DetailCardAsync(read.Value, lead, change.Notice, cancellationToken));
        }

        try
        {
            await store.UpdateAsync(change.Updated!, read.ETag, change.Entry!, change.Outbox, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else acted first: nothing is overwritten. Show the fresh card and say what changed.
            var fresh = await store.GetAsync(read.Value.Id, cancellationToken) ?? read;
            var last = fresh.Value.Leads.LastActivity;
            var notice = last is null
                ? Words.ChangedMeanwhileUnknown
                : LeadsText.Format(Words.ChangedMeanwhile, last.Actor, LeadsText.AuditAction(last.Action), clocks.Show(last.At));
            var known = LeadsVerbs.Known(action.Verb);
            LogConflict(logger, known);
            return InvokeResponse.Card(await DetailCardAsync(fresh.Value, lead, notice, cancellationToken));
        }

        await UpdateEverywhereAsync(change.Updated!, cancellationToken);
        return InvokeResponse.Card(await DetailCardAsync(change.Updated!, lead, change.Notice, cancellationToken));
    }

    private async Task UpdateEverywhereAsync(Concern concern, CancellationToken cancellationToken)
    {
        try
        {
            await messenger.UpdateAsync(concern.Leads.Posts, cards.NeedToKnow(concern), cancellationToken);
        }
        catch (ConnectorException ex)
        {
            // The change is saved; the shared card catches up at the next action or refresh.
            LogUpdateFailed(logger, ex.StatusCode);
        }
    }

    private async Task<System.Text.Json.JsonElement> DetailCardAsync(Concern concern, LeadPerson lead, string? notice, CancellationToken cancellationToken) =>
        cards.Detail(concern, new LeadsDetailView(ReporterName(concern, lead), directory.AuthorisedLeads(concern), notice, await patterns.FindAsync(concern, cancellationToken)));

    private string? ReporterName(Concern concern, LeadPerson lead)
    {
        var reporter = concern.Reporter;
        if (reporter.Choice == IdentityChoice.Named)
        {
            return reporter.DisplayName;
        }

        if (reporter.Choice != IdentityChoice.Confidential || reporter.ProtectedIdentity is null || !directory.MaySeeConfidentialIdentity(concern, lead.ObjectId))
        {
            return null;
        }

        try
        {
            return DisplayNameOf(dataProtection.CreateProtector(ReporterIdentityPurpose).Unprotect(reporter.ProtectedIdentity));
        }
        catch (CryptographicException)
        {
            LogIdentityUnreadable(logger);
            return Words.ReporterIdentityUnreadable;
        }
    }

    /// <summary>The intake protects a small JSON document (DisplayName, AadObjectId, UserId, TenantId); plain text is a name.</summary>
    private static string? DisplayNameOf(string unprotected)
    {
        if (!unprotected.TrimStart().StartsWith('{'))
        {
            return unprotected;
        }

        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(unprotected);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (string.Equals(property.Name, "DisplayName", StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind == System.Text.Json.JsonValueKind.String)
                {
                    return property.Value.GetString();
                }
            }

            return Words.ReporterIdentityUnreadable;
        }
        catch (System.Text.Json.JsonException)
        {
            return Words.ReporterIdentityUnreadable;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused a card action ({Verb}) from someone who is not a lead for the concern")]
    private static partial void LogRefused(ILogger logger, string verb);

    [LoggerMessage(Level = LogLevel.Information, Message = "Two leads acted at once ({Verb}); the later one was shown the fresh card")]
    private static partial void LogConflict(ILogger logger, string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the leads' card in place failed with {StatusCode}")]
    private static partial void LogUpdateFailed(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "A confidential reporter's identity could not be decrypted (key ring?)")]
    private static partial void LogIdentityUnreadable(ILogger logger);
}
