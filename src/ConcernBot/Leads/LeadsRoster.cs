using ConcernBot.Channels.Teams.Connector;

namespace ConcernBot.Leads;

/// <summary>Finding a person in a roster read with <see cref="ITeamsLeads.ReadRosterAsync"/>.</summary>
public static class LeadsRoster
{
    /// <summary>The person's Teams user id: from the roster, else from settings.</summary>
    public static string? UserIdOf(LeadPerson person, IReadOnlyDictionary<string, TeamsMember> roster) =>
        roster.TryGetValue(person.ObjectId, out var member) && !string.IsNullOrEmpty(member.Id) ? member.Id : person.UserId;
}
