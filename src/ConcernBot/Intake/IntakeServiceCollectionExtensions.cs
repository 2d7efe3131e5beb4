using ConcernBot.Conversation;
using ConcernBot.Intake.Cards;

namespace ConcernBot.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// The guided concern conversation: its turn handler (register it before the welcome handler, so a paused draft is
    /// offered back when the person says hello), and the draft expiry service.
    /// Data Protection (for confidential identities) is AddConcernDataProtection's, in Program.
    /// </summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IntakeOptions>(configuration.GetSection("Intake"));
        services.AddSingleton<IntakeSettings>();
        services.AddSingleton<IntakeFlow>();
        services.AddSingleton<IntakeCards>();
        services.AddSingleton<IntakeConversation>();
        services.AddSingleton<IntakeSubmission>();
        services.AddSingleton<ReporterReceipt>();
        services.AddSingleton<Storage.Outbox.IOutboxHandler, ReceiptDelivery>();
        services.AddSingleton<ReporterIdentityProtector>();
        services.AddSingleton<DraftExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<DraftExpiryService>());
        services.AddSingleton<ITurnHandler, ConcernStatusHandler>();
        services.AddSingleton<ITurnHandler, ReceiptSecretHandler>();
        services.AddSingleton<ITurnHandler, IntakeHandler>();

        return services;
    }
}
