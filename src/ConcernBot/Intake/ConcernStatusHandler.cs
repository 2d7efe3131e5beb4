using System.Text.RegularExpressions;
using ConcernBot.Anonymity;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Leads;
using ConcernBot.Storage;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake;

/// <summary>
/// "status SG-7K3-Q9P": a named or confidential reporter sees where their own concern stands. Anyone else, or a reference
/// that does not exist, gets the same answer, so a reference cannot be probed. (Anonymous reporters check with their
/// reference and secret: the anonymity work.)
/// </summary>
internal sealed partial class ConcernStatusHandler(IConcernStore concerns, ReporterContacts contacts, LeadsReach reach) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (action is not null || !activity.IsType(ActivityTypes.Message) || !turn.Facts.IsPrivate
            || StatusPattern().Match(MessageText.Normalise(activity.Text)) is not { Success: true } match)
        {
            return TurnOutcome.NotHandled;
        }

        var reference = match.Groups["reference"].Value.ToUpperInvariant();
        var found = await concerns.FindByReferenceAsync(reference, cancellationToken);
        var mine = found?.Value is { ReporterReference: { } owner } concern
            && concern.OrganisationId == IntakeSubmission.OrganisationOf(turn.Facts)
            && owner == await contacts.ReporterReferenceAsync(concern.OrganisationId, turn.Facts.PersonKey, cancellationToken);
        await turn.SendTextAsync(mine ? await DescribeAsync(found!.Value, cancellationToken) : Words.Format(IntakeText.StatusNotFound, reference), cancellationToken);
        return TurnOutcome.Done;
    }

    private async Task<string> DescribeAsync(Concern concern, CancellationToken cancellationToken) => Words.Format(
        concern.Status switch
        {
            ConcernStatus.Received => await reach.OfAsync(concern, cancellationToken) switch
            {
                LeadsReachStage.WaitingForChannel => IntakeText.StatusWaitingForChannel,
                LeadsReachStage.OnItsWay => IntakeText.StatusOnItsWay,
                _ => IntakeText.StatusReceived,
            },
            ConcernStatus.Acknowledged => IntakeText.StatusAcknowledged,
            ConcernStatus.InProgress => IntakeText.StatusInProgress,
            _ => IntakeText.StatusClosed,
        },
        concern.Reference,
        concern.ReceivedAt.UtcDateTime.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture));

    [GeneratedRegex(@"^(?:check\s+)?status(?:\s+of)?\s+(?<reference>SG-[A-Z0-9]{3}-[A-Z0-9]{3})[.!?]*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex StatusPattern();
}
