using ConcernBot.Anonymity;
using ConcernBot.Anonymity.Logging;
using ConcernBot.Conversation;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;

// In the root namespace (like Microsoft's Add* extensions), so AddConcernBot calls it without a using.
namespace ConcernBot;

public static class AnonymityServiceCollectionExtensions
{
    /// <summary>
    /// Log redaction, the sealed conversation store, the client-details scrubber and the relay's turn handler (placed first
    /// among the turn handlers), the sealed reply routes, the reporter's secret word and the relay's outbox handlers.
    /// Call after AddConcernStorage. Data Protection itself is
    /// registered by <see cref="DataProtectionServiceCollectionExtensions.AddConcernDataProtection"/>.
    /// </summary>
    public static IServiceCollection AddAnonymity(this IServiceCollection services)
    {
        services.AddLogRedaction();
        SealConversationStore(services);
        // First of all turn handlers whenever this is called: nothing sees the client details, and the relay's explicit
        // commands ("stop contact", "status SG-… WORD", answers on its cards) come before any flow's.
        services.AddSingleton<ITurnMiddleware, ClientDetailsScrubber>();
        services.AddSingleton<ITurnHandler, ReporterRelayHandler>();
        services.AddSingleton<ReplyRoutes>();
        services.AddSingleton<ReporterSecrets>();
        services.AddSingleton<ChatLinks>();
        services.AddSingleton<ReporterContacts>();
        services.AddSingleton<ReporterRelay>();
        // "reporter.question" and "reporter.notify" are delivered by the leads' ReporterDelivery, which hands a concern
        // with a reply route to the relay. What the reporter sends back goes to the leads' thread:
        services.AddSingleton<IOutboxHandler, ReporterInformationHandler>();
        services.AddSingleton<IOutboxHandler, ContactEndedHandler>();
        return services;
    }

    /// <summary>Wraps the registered conversation store (AddConcernStorage first) in <see cref="SealedConversationStore"/>.</summary>
    private static void SealConversationStore(IServiceCollection services) =>
        services.Decorate<IConversationStore>((sp, registered) => new SealedConversationStore(
            registered,
            sp.GetRequiredService<ChatLinks>(),
            sp.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()));
}
