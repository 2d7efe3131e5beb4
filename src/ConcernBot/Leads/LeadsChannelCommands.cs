using System.Text.RegularExpressions;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Microsoft.Extensions.Options;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// Commands typed in a channel with an @mention: `alerts here [service]` (admins) chooses the leads' channel;
/// `open concerns` (leads, in the leads' channel) lists what is open, oldest deadline first; `test escalation` (admins, in
/// the leads' channel) is a fire drill of the escalation chain (<see cref="EscalationDrill"/>).
/// </summary>
internal sealed partial class LeadsChannelCommands(
    LeadsDirectory directory,
    LeadsChannels channels,
    IConcernStore store,
    ITeamStore teams,
    LeadsCards cards,
    EscalationDrill drill,
    IOptions<LeadsOptions> options,
    TimeProvider time,
    ILogger<LeadsChannelCommands> logger) : ITurnHandler
{
    private const int MaxListed = 25;

    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (action is not null || !activity.IsType(ActivityTypes.Message) || !IsChannel(activity))
        {
            return TurnOutcome.NotHandled;
        }

        var text = MessageText.Normalise(activity.Text);
        if (AlertsHere().Match(text) is { Success: true } alerts)
        {
            await AlertsHereAsync(turn, alerts.Groups["service"].Success ? alerts.Groups["service"].Value : null, cancellationToken);
            return TurnOutcome.Done;
        }

        if (TestEscalation().IsMatch(text))
        {
            await TestEscalationAsync(turn, cancellationToken);
            return TurnOutcome.Done;
        }

        if (OpenConcerns().IsMatch(text))
        {
            await OpenConcernsAsync(turn, cancellationToken);
            return TurnOutcome.Done;
        }

        return TurnOutcome.NotHandled;
    }

    private async Task AlertsHereAsync(ITurnContext turn, string? serviceId, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        if (!directory.IsAdmin(activity.From?.AadObjectId))
        {
            LogRefusedAlertsHere(logger);
            await turn.SendTextAsync(Words.AlertsHereRefused, cancellationToken);
            return;
        }

        if (serviceId is not null && !options.Value.Services.ContainsKey(serviceId))
        {
            await turn.SendTextAsync(LeadsText.Format(Words.AlertsHereUnknownService, serviceId), cancellationToken);
            return;
        }

        var data = activity.GetTeamsChannelData();
        var channelId = TeamsConversationIds.ChannelOf(activity);
        await channels.ChooseAsync(serviceId, new LeadsChannel(activity.ServiceUrl!, channelId, data.Team?.Id), cancellationToken);
        await MarkTeamAsync(turn.Facts.OrganisationId, data.Team?.Id, channelId, cancellationToken);
        var who = directory.ForService(serviceId).Name;
        await turn.SendTextAsync(who is null ? Words.AlertsHereDone : LeadsText.Format(Words.AlertsHereDoneFor, who), cancellationToken);
    }

    private async Task MarkTeamAsync(string? organisationId, string? teamId, string channelId, CancellationToken cancellationToken)
    {
        if (organisationId is null || teamId is null || await teams.GetAsync(organisationId, teamId, cancellationToken) is not { } team)
        {
            return;
        }

        try
        {
            await teams.SaveAsync(team.Value with { LeadsChannelId = channelId, UpdatedAt = time.GetUtcNow() }, team.ETag, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // The team record is a convenience copy; the choice itself is already saved.
        }
    }

    private async Task OpenConcernsAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var oid = activity.From?.AadObjectId;
        if (!directory.IsLeadAnywhere(oid) || !await IsLeadsChannelAsync(activity, cancellationToken))
        {
            await turn.SendTextAsync(Words.OpenConcernsRefused, cancellationToken);
            return;
        }

        var organisationId = turn.Facts.OrganisationId ?? "";
        var open = new List<Concern>();
        foreach (var status in new[] { ConcernStatus.Received, ConcernStatus.Acknowledged, ConcernStatus.InProgress })
        {
            await foreach (var concern in store.ListByStatusAsync(organisationId, status, cancellationToken))
            {
                // Only what this lead may handle, and never a concern about a lead: the list is posted where any lead may read it.
                if (directory.FindAuthorised(concern, oid) is not null && !LeadsDirectory.IsAboutALead(concern))
                {
                    open.Add(concern);
                }
            }
        }

        if (open.Count == 0)
        {
            await turn.SendTextAsync(Words.OpenConcernsNone, cancellationToken);
            return;
        }

        var ordered = open.OrderBy(c => c.NextDeadline ?? DateTimeOffset.MaxValue).ThenBy(c => c.ReceivedAt).Take(MaxListed).ToList();
        await turn.SendCardAsync(cards.OpenConcerns(ordered, time.GetUtcNow()), cancellationToken);
    }

    private async Task TestEscalationAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var tenantId = turn.Facts.OrganisationId;
        if (!directory.IsAdmin(activity.From?.AadObjectId) || string.IsNullOrEmpty(tenantId))
        {
            await turn.SendTextAsync(Words.DrillRefused, cancellationToken);
            return;
        }

        var services = await ServicesHereAsync(activity, cancellationToken);
        if (services.Count == 0)
        {
            await turn.SendTextAsync(Words.DrillNotALeadsChannel, cancellationToken);
            return;
        }

        foreach (var (serviceId, channel) in services)
        {
            await turn.SendTextAsync(await drill.RunAsync(serviceId, channel, tenantId, activity.From?.Name ?? Words.ALead, cancellationToken), cancellationToken);
        }
    }

    private async Task<bool> IsLeadsChannelAsync(Activity activity, CancellationToken cancellationToken) =>
        (await ServicesHereAsync(activity, cancellationToken)).Count > 0;

    /// <summary>The services whose leads' channel this is (the default service is null).</summary>
    private async Task<List<(string? ServiceId, LeadsChannel Channel)>> ServicesHereAsync(Activity activity, CancellationToken cancellationToken)
    {
        var here = TeamsConversationIds.ChannelOf(activity);
        var found = new List<(string?, LeadsChannel)>();
        foreach (var serviceId in new string?[] { null }.Concat(options.Value.Services.Keys))
        {
            if (await channels.FindAsync(serviceId, cancellationToken) is { } channel && string.Equals(channel.ChannelId, here, StringComparison.OrdinalIgnoreCase))
            {
                found.Add((serviceId, channel));
            }
        }

        return found;
    }

    private static bool IsChannel(Activity activity) =>
        string.Equals(activity.Conversation?.ConversationType, "channel", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^alerts here(?:\s+(?:for\s+)?(?<service>[\w-]{1,64}))?[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex AlertsHere();

    [GeneratedRegex(@"^(test escalation|escalation test|test the escalation chain)[.!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex TestEscalation();

    [GeneratedRegex(@"^(open concerns|list open concerns|what is open)[.?!]?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex OpenConcerns();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused `alerts here` from someone who is not an admin")]
    private static partial void LogRefusedAlertsHere(ILogger logger);
}
