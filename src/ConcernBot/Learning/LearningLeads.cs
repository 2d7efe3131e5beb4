namespace ConcernBot.Learning;

/// <summary>
/// Which services a person leads, read from the leads' settings (Leads:Designated / Deputies, and the same under
/// Leads:Services:&lt;id&gt;), by Entra object id ("ObjectId", or "AadObjectId"). The default service is null.
/// </summary>
public sealed class LearningLeads(IConfiguration configuration)
{
    private static readonly string[] Roles = ["Designated", "Deputies"];

    public IReadOnlySet<string?> ServicesLedBy(string? aadObjectId)
    {
        var services = new HashSet<string?>();
        if (string.IsNullOrWhiteSpace(aadObjectId))
        {
            return services;
        }

        var root = configuration.GetSection("Leads");
        if (Names(root, aadObjectId))
        {
            services.Add(null);
        }

        foreach (var service in root.GetSection("Services").GetChildren())
        {
            if (Names(service, aadObjectId))
            {
                services.Add(service.Key);
            }
        }

        return services;
    }

    private static bool Names(IConfigurationSection service, string aadObjectId) =>
        Roles.SelectMany(role => service.GetSection(role).GetChildren())
            .Any(person => string.Equals(person["ObjectId"] ?? person["AadObjectId"], aadObjectId, StringComparison.OrdinalIgnoreCase));
}
