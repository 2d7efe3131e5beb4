using ConcernBot.Conversation;
using ConcernBot.Storage.Outbox;

namespace ConcernBot.Learning;

public static class LearningServiceCollectionExtensions
{
    /// <summary>Learning from concerns: the report and export commands for the leads, and the pattern rule (settings: Learning:Patterns).</summary>
    public static IServiceCollection AddLearning(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(configuration.GetSection("Learning:Patterns").Get<PatternOptions>() ?? new PatternOptions());
        services.AddSingleton<LearningLeads>();
        services.AddSingleton<LearningConcerns>();
        services.AddSingleton<LearningCards>();
        services.AddSingleton<LearningPatterns>();
        services.AddSingleton<ITurnHandler, LearningChannelCommands>();
        services.AddSingleton<ITurnHandler, FollowUpAnswerHandler>();
        services.AddSingleton<IOutboxHandler, FollowUpHandler>();
        return services;
    }
}
