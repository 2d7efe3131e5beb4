using ConcernBot.Concerns;
using ConcernBot.Storage;

namespace ConcernBot.Learning;

/// <summary>Reads the concerns a report or pattern may draw on: one organisation, the services given, never beyond them.</summary>
public sealed class LearningConcerns(IConcernStore store)
{
    /// <param name="organisationId">The organisation.</param>
    /// <param name="services">The services whose concerns count (null for the default service); null for every service.</param>
    /// <param name="since">Only concerns received or closed on or after this time.</param>
    public async Task<IReadOnlyList<Concern>> ListAsync(string organisationId, IReadOnlySet<string?>? services, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var found = new List<Concern>();
        foreach (var status in Enum.GetValues<ConcernStatus>())
        {
            await foreach (var concern in store.ListByStatusAsync(organisationId, status, cancellationToken))
            {
                if (string.Equals(concern.OrganisationId, organisationId, StringComparison.Ordinal)
                    && (services is null || services.Contains(concern.ServiceId))
                    && (concern.ReceivedAt >= since || (concern.ClosedAt ?? concern.Leads.Outcome?.ClosedAt) >= since))
                {
                    found.Add(concern);
                }
            }
        }

        return found;
    }
}
