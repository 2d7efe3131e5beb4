using ConcernBot.Conversation;

namespace ConcernBot.Guidance;

public static class GuidanceServiceCollectionExtensions
{
    /// <summary>"Learn about safeguarding" (settings: Learn:PolicyLinks, and the leads from Leads:Designated).</summary>
    public static IServiceCollection AddGuidance(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<GuidanceOptions>(configuration.GetSection("Learn"));
        services.AddSingleton<GuidanceCards>();
        services.AddSingleton<ITurnHandler, GuidanceHandler>();
        return services;
    }
}
