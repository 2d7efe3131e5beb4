using ConcernBot.Conversation;

namespace ConcernBot.Learn;

public static class LearnServiceCollectionExtensions
{
    /// <summary>"Learn about safeguarding" (settings: Learn:PolicyLinks, and the leads from Leads:Designated).</summary>
    public static IServiceCollection AddLearn(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LearnOptions>(configuration.GetSection("Learn"));
        services.AddSingleton<LearnCards>();
        services.AddSingleton<ITurnHandler, LearnHandler>();
        return services;
    }
}
