using ConcernBot.Conversation;
using ConcernBot.Intake.Cards;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Intake;

public static class IntakeServiceCollectionExtensions
{
    /// <summary>
    /// The guided concern conversation: its turn handler (register it before the welcome handler, so a paused draft is
    /// offered back when the person says hello), the draft expiry service, and Data Protection for confidential identities.
    /// </summary>
    public static IServiceCollection AddIntake(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IntakeOptions>(configuration.GetSection("Intake"));
        services.AddSingleton<IntakeSettings>();
        services.AddSingleton<IntakeFlow>();
        services.AddSingleton<IntakeCards>();
        services.AddSingleton<IntakeConversation>();
        services.AddSingleton<IntakeSubmission>();
        services.AddSingleton<ReporterIdentityProtector>();
        services.AddSingleton<DraftExpiryService>();
        services.AddHostedService(sp => sp.GetRequiredService<DraftExpiryService>());
        services.AddSingleton<ITurnHandler, ConcernStatusHandler>();
        services.AddSingleton<ITurnHandler, IntakeHandler>();

        // Development default: beside the SQLite file (.data/); Azure sets DataProtection:KeyFolder (and, with the anonymity
        // work, the key ring's protection in Key Vault).
        var keyFolder = Path.GetFullPath(configuration["DataProtection:KeyFolder"] is { Length: > 0 } folder ? folder : Path.Combine(".data", "keys"));
        services.AddDataProtection()
            .SetApplicationName("ConcernBot")
            .PersistKeysToFileSystem(new DirectoryInfo(keyFolder));
        return services;
    }
}
