using ConcernBot.Anonymity;
using ConcernBot.Anonymity.Logging;
using ConcernBot.Conversation;
using ConcernBot.Storage.Outbox;

// In the root namespace (like Microsoft's Add* extensions), so AddConcernBot calls it without a using.
namespace ConcernBot;

public static class AnonymityServiceCollectionExtensions
{
    /// <summary>
    /// Log redaction, the client-details scrubber (call before any other turn handler is registered), the sealed reply
    /// routes, the reporter's secret word, the relay's turn handler and its outbox handlers. Data Protection itself is
    /// registered by <see cref="DataProtectionServiceCollectionExtensions.AddConcernDataProtection"/>.
    /// </summary>
    public static IServiceCollection AddAnonymity(this IServiceCollection services)
    {
        services.AddLogRedaction();
        services.AddSingleton<ITurnHandler, ClientDetailsScrubber>();
        services.AddSingleton<ReplyRoutes>();
        services.AddSingleton<ReporterSecrets>();
        services.AddSingleton<ChatLinks>();
        services.AddSingleton<ReporterContacts>();
        services.AddSingleton<ReporterRelay>();
        services.AddSingleton<ITurnHandler, ReporterRelayHandler>();
        services.AddSingleton<IOutboxHandler, ReporterQuestionHandler>();
        services.AddSingleton<IOutboxHandler, ReporterNotifyHandler>();
        return services;
    }
}
