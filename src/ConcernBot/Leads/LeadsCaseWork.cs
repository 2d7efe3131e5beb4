using System.Security.Cryptography;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Microsoft.AspNetCore.DataProtection;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>What a lead's action came to: the concern as it now stands, the line to show, and whether it was saved.</summary>
/// <param name="ChangedMeanwhile">Someone else acted first: nothing was overwritten, <paramref name="Concern"/> is the fresh one.</param>
public sealed record LeadsActOutcome(Concern Concern, string Notice, bool Saved, bool ChangedMeanwhile, string? ETag);

/// <summary>
/// A lead's work on one concern, wherever they do it (the channel card or the workspace tab): an action saved with the
/// concern's ETag (the "while you were looking" answer when someone acted first), then the shared card updated in place;
/// and the reporter's name as this lead may see it.
/// </summary>
public sealed partial class LeadsCaseWork(
    IConcernStore store,
    LeadsActions actions,
    ITeamsLeads messenger,
    LeadsCards cards,
    LeadsClocks clocks,
    LeadsDirectory directory,
    IDataProtectionProvider dataProtection,
    TimeProvider time,
    ILogger<LeadsCaseWork> logger)
{
    public const string ReporterIdentityPurpose = "ConcernBot.ReporterIdentity";

    public async Task<LeadsActOutcome> ActAsync(Versioned<Concern> read, LeadPerson lead, UserAction action, CancellationToken cancellationToken)
    {
        var change = actions.Apply(action.Verb, read.Value, lead, action, time.GetUtcNow());
        if (!change.Changed)
        {
            return new LeadsActOutcome(read.Value, change.Notice, Saved: false, ChangedMeanwhile: false, read.ETag);
        }

        string etag;
        try
        {
            etag = await store.UpdateAsync(change.Updated!, read.ETag, change.Entry!, change.Outbox, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Someone else acted first: nothing is overwritten. Show the fresh concern and say what changed.
            var fresh = await store.GetAsync(read.Value.Id, cancellationToken) ?? read;
            var last = fresh.Value.Leads.LastActivity;
            var notice = last is null
                ? Words.ChangedMeanwhileUnknown
                : LeadsText.Format(Words.ChangedMeanwhile, last.Actor, LeadsText.AuditAction(last.Action), clocks.Show(last.At));
            var known = LeadsVerbs.Known(action.Verb);
            LogConflict(logger, known);
            return new LeadsActOutcome(fresh.Value, notice, Saved: false, ChangedMeanwhile: true, fresh.ETag);
        }

        await UpdateEverywhereAsync(change.Updated!, cancellationToken);
        return new LeadsActOutcome(change.Updated!, change.Notice, Saved: true, ChangedMeanwhile: false, etag);
    }

    /// <summary>The shared card in the leads' channel (and any 1:1 copies) shows the concern as it now stands.</summary>
    public async Task UpdateEverywhereAsync(Concern concern, CancellationToken cancellationToken)
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

    /// <summary>The reporter's name when this lead may see it: a named reporter's; a confidential one's for designated leads only.</summary>
    public string? ReporterName(Concern concern, LeadPerson lead)
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Two leads acted at once ({Verb}); the later one was shown the fresh card")]
    private static partial void LogConflict(ILogger logger, string verb);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Updating the leads' card in place failed with {StatusCode}")]
    private static partial void LogUpdateFailed(ILogger logger, int statusCode);

    [LoggerMessage(Level = LogLevel.Error, Message = "A confidential reporter's identity could not be decrypted (key ring?)")]
    private static partial void LogIdentityUnreadable(ILogger logger);
}
