using ConcernBot.Storage;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// `test escalation` (admins, in a leads' channel): a fire drill. Every person in the service's chain gets a clearly marked
/// test message by the route escalation would use, and the channel is told who got it; no concern is made. The drill is
/// recorded in the audit, under its own stream.
/// </summary>
internal sealed class EscalationDrill(LeadsDirectory directory, ITeamsLeads roster, EscalationRoutes routes, IAuditLog audit, TimeProvider time)
{
    public static string AuditStream(string? serviceId) => "escalation-drill:" + (serviceId ?? "default");

    public async Task<string> RunAsync(string? serviceId, LeadsChannel channel, string tenantId, string actor, CancellationToken cancellationToken)
    {
        var service = directory.ForService(serviceId);
        var members = await roster.ReadRosterAsync(channel.ServiceUrl, channel.ChannelId, cancellationToken);
        var people = LeadsChain.Of(service).ToList();

        var lines = new List<string>();
        var reached = 0;
        foreach (var (role, person) in people.Select(m => (m.Title, m.Person)))
        {
            var reach = await routes.ReachAsync(channel.ServiceUrl, tenantId, person, members, LeadsText.Format(Words.DrillMessage, role), null, cancellationToken);
            reached += reach.Reached ? 1 : 0;
            lines.Add(LeadsText.Format(reach.Reached ? Words.DrillReached : Words.DrillNotReached, person.Name, role, reach.Route));
        }

        if (service.Deputies.Count == 0)
        {
            lines.Add(Words.EscalationNoDeputies);
        }

        if (service.EscalationContact is null)
        {
            lines.Add(Words.DrillNoContact);
        }

        await audit.AppendAsync(AuditStream(serviceId), new AuditEntry
        {
            Actor = actor,
            At = time.GetUtcNow(),
            Action = LeadsAudit.EscalationDrill,
            Detail = $"people={people.Count}; reached={reached}; not reached={people.Count - reached}",
        }, cancellationToken);
        return LeadsText.Format(Words.DrillReport, string.Join("\n", lines.Select(l => "- " + l)));
    }
}
