using ConcernBot.Storage;
using Microsoft.Extensions.Options;

namespace ConcernBot.Leads;

/// <summary>The organisations whose deadlines are watched: from settings, and every one a concern was routed for.</summary>
public sealed class LeadsOrganisations(ISettingsStore settings, IOptions<LeadsOptions> options)
{
    private const string Prefix = "leads/organisations/";

    public async Task RememberAsync(string organisationId, CancellationToken cancellationToken)
    {
        if (await settings.GetAsync(Prefix + organisationId, cancellationToken) is not null)
        {
            return;
        }

        try
        {
            await settings.SaveAsync(Prefix + organisationId, organisationId, null, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another instance remembered it first: the same value.
        }
    }

    public async Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var all = new HashSet<string>(options.Value.OrganisationIds, StringComparer.OrdinalIgnoreCase);
        await foreach (var (_, value) in settings.ListAsync(Prefix, cancellationToken))
        {
            all.Add(value.Value);
        }

        return [.. all];
    }
}
