using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// When the bot is added to a team, stores the team and its channels; keeps the channel list current when channels change;
/// forgets the team when the bot is removed.
/// </summary>
internal sealed partial class TeamSetupHandler(ITeamStore teams, ITeamsLeads leads, TimeProvider time, ILogger<TeamSetupHandler> logger) : ITurnHandler
{
    public async Task<TurnOutcome> HandleAsync(ITurnContext turn, UserAction? action, CancellationToken cancellationToken)
    {
        var activity = turn.Activity;
        var data = activity.GetTeamsChannelData();
        if (data.Team?.Id is not { Length: > 0 } teamId || string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return TurnOutcome.NotHandled;
        }

        var organisationId = turn.Facts.OrganisationId ?? "";
        if (IsInstall(activity))
        {
            if (await CaptureAsync(organisationId, teamId, data.Team, activity.ServiceUrl, cancellationToken))
            {
                // conversationUpdate and installationUpdate both arrive at install: say hello once.
                LogInstalled(logger);
                await turn.SendTextAsync(Words.InstalledInTeam, cancellationToken);
            }

            return TurnOutcome.Done;
        }

        if (IsRemoval(activity, data))
        {
            await teams.DeleteAsync(organisationId, teamId, cancellationToken);
            return TurnOutcome.Done;
        }

        if (activity.IsType(ActivityTypes.ConversationUpdate)
            && (data.IsEvent("channelCreated") || data.IsEvent("channelDeleted") || data.IsEvent("channelRenamed") || data.IsEvent("channelRestored") || data.IsEvent("teamRenamed")))
        {
            await CaptureAsync(organisationId, teamId, data.Team, activity.ServiceUrl, cancellationToken);
            return TurnOutcome.Done;
        }

        return TurnOutcome.NotHandled;
    }

    private static bool IsInstall(Activity activity) =>
        (activity.IsType(ActivityTypes.ConversationUpdate) && activity.BotWasAdded())
        || (activity.IsType(ActivityTypes.InstallationUpdate) && (Is(activity.Action, "add") || Is(activity.Action, "add-upgrade")));

    private static bool IsRemoval(Activity activity, TeamsChannelData data) =>
        (activity.IsType(ActivityTypes.ConversationUpdate)
            && (data.IsEvent("teamDeleted") || (activity.Recipient?.Id is { } bot && activity.MembersRemoved?.Any(m => m.Id == bot) == true)))
        || (activity.IsType(ActivityTypes.InstallationUpdate) && Is(activity.Action, "remove"));

    private static bool Is(string? value, string expected) => string.Equals(value, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>Stores the team and its channels; true when the team was new.</summary>
    private async Task<bool> CaptureAsync(string organisationId, string teamId, TeamInfo team, string serviceUrl, CancellationToken cancellationToken)
    {
        var channels = await leads.ListChannelsAsync(serviceUrl, teamId, cancellationToken);
        var list = channels.Where(c => !string.IsNullOrEmpty(c.Id)).Select(c => new TeamChannel(c.Id!, c.Name)).ToList();
        if (!list.Any(c => c.Id == teamId))
        {
            // The General channel's id is the team id; it is always there.
            list.Insert(0, new TeamChannel(teamId, null));
        }

        var now = time.GetUtcNow();
        for (var attempt = 0; ; attempt++)
        {
            var existing = await teams.GetAsync(organisationId, teamId, cancellationToken);
            var record = (existing?.Value ?? new TeamRecord { OrganisationId = organisationId, TeamId = teamId, ServiceUrl = serviceUrl, InstalledAt = now }) with
            {
                Name = team.Name ?? existing?.Value.Name,
                AadGroupId = team.AadGroupId ?? existing?.Value.AadGroupId,
                ServiceUrl = serviceUrl,
                Channels = list,
                UpdatedAt = now,
            };
            try
            {
                await teams.SaveAsync(record, existing?.ETag, cancellationToken);
                return existing is null;
            }
            catch (ConcurrencyConflictException) when (attempt < 3)
            {
                // conversationUpdate and installationUpdate arrive together at install: read again and save the same facts.
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The bot was added to a team; its channels are stored")]
    private static partial void LogInstalled(ILogger logger);
}
