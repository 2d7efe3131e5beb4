using ConcernBot.Teams.Connector;

namespace ConcernBot.Leads;

/// <summary>Reads a conversation's members (paged), keyed by Entra object id.</summary>
public sealed class LeadsRoster(IConnectorClient connector)
{
    private const int PageSize = 500;

    public async Task<IReadOnlyDictionary<string, TeamsMember>> ReadAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken)
    {
        var members = new Dictionary<string, TeamsMember>(StringComparer.OrdinalIgnoreCase);
        await foreach (var member in connector.GetAllMembersAsync(serviceUrl, conversationId, PageSize, cancellationToken))
        {
            if (ObjectIdOf(member) is { Length: > 0 } objectId)
            {
                members[objectId] = member;
            }
        }

        return members;
    }

    /// <summary>Teams sends <c>objectId</c>; the Agents Playground sends <c>aadObjectId</c>: either is the Entra object id.</summary>
    private static string? ObjectIdOf(TeamsMember member) =>
        member.AadObjectId
        ?? (member.ExtensionData?.TryGetValue("aadObjectId", out var value) == true && value.ValueKind == System.Text.Json.JsonValueKind.String ? value.GetString() : null);

    /// <summary>The person's Teams user id: from the roster, else from settings.</summary>
    public static string? UserIdOf(LeadPerson person, IReadOnlyDictionary<string, TeamsMember> roster) =>
        roster.TryGetValue(person.ObjectId, out var member) && !string.IsNullOrEmpty(member.Id) ? member.Id : person.UserId;
}
