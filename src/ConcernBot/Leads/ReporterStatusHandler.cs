using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using ConcernBot.Teams.Activities;
using ConcernBot.Teams.Turns;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// In the 1:1 chat: `status SG-...` tells the named reporter who raised it where it stands (anyone else hears a neutral
/// "can't find that reference for you"); "I'm not happy" or "nothing has happened" offers the next step.
/// </summary>
internal sealed partial class ReporterStatusHandler(IConcernStore store, IConversationStore conversations, LeadsClocks clocks, ReporterMessages messages) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (action is not null || !activity.IsType(ActivityTypes.Message) || !IsPersonal(activity))
        {
            return TurnOutcome.NotHandled;
        }

        var text = MessageText.Normalise(activity.Text);
        if (StatusPattern().Match(text) is { Success: true } match)
        {
            await turn.SendTextAsync(await StatusAsync(match.Groups["reference"].Value.ToUpperInvariant(), activity.From?.AadObjectId, cancellationToken), cancellationToken);
            return TurnOutcome.Done;
        }

        if (UnhappyPattern().IsMatch(text) && !await InAFlowAsync(activity, cancellationToken))
        {
            await turn.SendTextAsync(messages.NextSteps(), cancellationToken);
            return TurnOutcome.Done;
        }

        return TurnOutcome.NotHandled;
    }

    private async Task<string> StatusAsync(string reference, string? aadObjectId, CancellationToken cancellationToken)
    {
        var found = await store.FindByReferenceAsync(reference, cancellationToken);
        if (found is null || aadObjectId is null || !RaisedBy(found.Value, aadObjectId))
        {
            return Words.StatusNotFound;
        }

        var concern = found.Value;
        var status = concern.Status switch
        {
            ConcernStatus.Received => LeadsText.Format(Words.StatusForReporterReceived, concern.Reference, clocks.Show(concern.ReceivedAt)),
            ConcernStatus.Closed => LeadsText.Format(Words.StatusForReporterClosed, concern.Reference, clocks.Show(concern.ClosedAt ?? concern.ReceivedAt))
                + (concern.Leads.Outcome?.ReporterMessage is { } said ? "\n\n" + LeadsText.Format(Words.StatusForReporterClosedMessage, said) : ""),
            _ => LeadsText.Format(Words.StatusForReporterInHand, concern.Reference, clocks.Show(concern.AcknowledgedAt ?? concern.ReceivedAt)),
        };
        return concern.Status == ConcernStatus.Received && concern.Leads.EscalationsFired.Contains(EscalationStep.AckReminder)
            ? status + "\n\n" + messages.NextSteps(concern.ServiceId)
            : status;
    }

    /// <summary>
    /// The named reporter (by object id), or a named or confidential reporter by the intake's opaque reporter reference.
    /// An anonymous reporter checks with their reference and secret (the anonymity relay).
    /// </summary>
    private static bool RaisedBy(Concern concern, string aadObjectId) =>
        concern.Reporter.Choice != IdentityChoice.Anonymous
        && ((concern.Reporter.Choice == IdentityChoice.Named && string.Equals(concern.Reporter.AadObjectId, aadObjectId, StringComparison.OrdinalIgnoreCase))
            || (concern.ReporterReference is { } reference && string.Equals(reference, ReporterReferenceFor(concern.OrganisationId, aadObjectId), StringComparison.Ordinal)));

    /// <summary>The intake's reporter reference (IntakeSubmission.ReporterReferenceFor): keep the two the same.</summary>
    private static string ReporterReferenceFor(string organisationId, string aadObjectId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"ConcernBot.Reporter|{organisationId}|{aadObjectId}")));

    /// <summary>In the middle of raising a concern, "nothing has happened" is an answer, not a complaint.</summary>
    private async Task<bool> InAFlowAsync(Activity activity, CancellationToken cancellationToken) =>
        activity.Conversation?.Id is { } id && (await conversations.GetAsync(id, cancellationToken))?.Value.Flow is not null;

    private static bool IsPersonal(Activity activity) =>
        activity.Conversation?.ConversationType is null or "personal" && activity.Conversation?.IsGroup != true;

    [GeneratedRegex(@"^status\s+(?<reference>SG-[A-Z0-9]{3}-[A-Z0-9]{3})[.?!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex StatusPattern();

    [GeneratedRegex(@"^(i'?m not happy|i am not happy|not happy|unhappy|i'?m unhappy|nothing has happened|no one has done anything|nobody has done anything|no action|what can i do next|next steps?)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex UnhappyPattern();
}
