using ConcernBot.Concerns;

namespace ConcernBot.Leads;

/// <summary>The concern's authorised leads who are in its leads' channel, as @mentions for a reply in the thread.</summary>
internal sealed class LeadsMentions(LeadsDirectory directory, LeadsChannels channels, ITeamsLeads roster)
{
    /// <param name="only">Narrows the leads mentioned (e.g. only those who asked a question); all authorised leads when null.</param>
    public async Task<IReadOnlyList<(string UserId, string Name)>> ForAsync(Concern concern, Func<LeadPerson, bool>? only, CancellationToken cancellationToken)
    {
        if (await channels.FindAsync(concern.ServiceId, cancellationToken) is not { } channel)
        {
            return [];
        }

        var members = await roster.ReadRosterAsync(channel.ServiceUrl, channel.ChannelId, cancellationToken);
        return [.. directory.AuthorisedLeads(concern)
            .Where(l => only?.Invoke(l) ?? true)
            .Select(l => (Id: LeadsRoster.UserIdOf(l, members), l.Name))
            .Where(m => m.Id is not null)
            .Select(m => (m.Id!, m.Name))];
    }

    /// <summary>The mentions as they stand in the message text: "&lt;at&gt;Asha&lt;/at&gt;, &lt;at&gt;Ben&lt;/at&gt;".</summary>
    public static string Names(IReadOnlyList<(string UserId, string Name)> mentions) =>
        string.Join(", ", mentions.Select(m => $"<at>{m.Name}</at>"));
}
