using System.Text.Json;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Concerns;

namespace ConcernBot.Leads;

/// <summary>What came of trying to reach one person: reached or not, by which route, and the 1:1 post when a card went.</summary>
public sealed record PersonReach(bool Reached, string Route, LeadsCardPost? Post);

/// <summary>
/// Reaches a lead, deputy or escalation contact in a 1:1 chat by the best route there is, trying the next when one fails:
/// their user id in the leads' channel roster, the Teams user id in the settings, then their Entra object id (Teams opens a
/// 1:1 by object id when the app is installed for them: an admin's app setup policy, or Graph's teamsAppInstallation).
/// </summary>
public sealed partial class EscalationRoutes(ITeamsLeads messenger, ILogger<EscalationRoutes> logger)
{
    public const string Roster = "channel roster";
    public const string SettingsUserId = "Teams user id";
    public const string ObjectId = "Entra object id";
    public const string None = "no route";

    /// <summary>The routes a person may be reached by, for the start-up log (kinds, never ids).</summary>
    public static string KindOf(LeadPerson person) =>
        (person.HasObjectId, person.UserId is not null) switch
        {
            (true, true) => $"the {Roster} when they are in the leads' channel, else the {SettingsUserId} in the settings, else their {ObjectId}",
            (true, false) => $"the {Roster} when they are in the leads' channel, else a 1:1 by their {ObjectId} (the app must be installed for them)",
            (false, true) => $"the {SettingsUserId} in the settings only",
            _ => $"{None}: set ObjectId",
        };

    public static IEnumerable<(string Route, string MemberId)> Candidates(LeadPerson person, IReadOnlyDictionary<string, TeamsMember> roster)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (person.HasObjectId && roster.TryGetValue(person.ObjectId, out var member) && member.Id is { Length: > 0 } rosterId && seen.Add(rosterId))
        {
            yield return (Roster, rosterId);
        }

        if (person.UserId is { Length: > 0 } userId && seen.Add(userId))
        {
            yield return (SettingsUserId, userId);
        }

        if (person.HasObjectId && seen.Add(person.ObjectId))
        {
            yield return (ObjectId, person.ObjectId);
        }
    }

    public async Task<PersonReach> ReachAsync(string serviceUrl, string tenantId, LeadPerson person, IReadOnlyDictionary<string, TeamsMember> roster, string? text, JsonElement? card, CancellationToken cancellationToken)
    {
        var tried = new List<string>();
        foreach (var (route, memberId) in Candidates(person, roster))
        {
            try
            {
                var post = await messenger.SendPrivateAsync(serviceUrl, tenantId, memberId, text, card, cancellationToken);
                return new PersonReach(true, route, post);
            }
            catch (ConnectorException e)
            {
                // 403 (the app is not installed for them, or they are blocked), 404 (no such user): try the next route.
                LogRouteFailed(logger, route, e.StatusCode);
                tried.Add(route);
            }
        }

        return new PersonReach(false, tried.Count == 0 ? None : string.Join(", ", tried), null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A 1:1 chat by {Via} could not be opened or sent to ({Status})")]
    private static partial void LogRouteFailed(ILogger logger, string via, int status);
}
