using ConcernBot.Evidence;

// In the root namespace (like Microsoft's Add* extensions), so AddConcernBot calls it without a using.
namespace ConcernBot;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>Evidence: its limits (`Evidence`), the sealer on the Data Protection key ring, the locker and the reception.
    /// The store itself is chosen by `Storage:Evidence` (AddConcernStorage).</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EvidenceOptions>(configuration.GetSection(EvidenceOptions.SectionName));
        services.AddSingleton<EvidenceSealer>();
        services.AddSingleton<EvidenceLocker>();
        services.AddSingleton<EvidenceReception>();
        return services;
    }
}
