using ConcernBot.Workspace;
using ConcernBot.Telemetry;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;
using ConcernBot.Guidance;
using ConcernBot.Intake;
using ConcernBot.Leads;
using ConcernBot.Learning;
using ConcernBot.Storage;
using ConcernBot.Welcome;

namespace ConcernBot;

public static class ConcernBotServiceCollectionExtensions
{
    /// <summary>Registers the product: the turn router and every feature's handlers. Wiring only.</summary>
    public static IServiceCollection AddConcernBot(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddConcernStorage(configuration);
        services.AddEvidence(configuration);
        services.AddSingleton<IBot, ConcernBotApp>();
        services.AddSingleton<IReporterChat, Connectors.ReporterChat>();
        services.AddAnonymity();
        services.Decorate<IConversationStore>((_, store) => new TurnConversationCache(store));
        services.AddSingleton<WelcomeCards>();
        services.Configure<Language.LanguageOptions>(configuration.GetSection("Language"));
        services.AddSingleton<Language.LanguagePreference>();
        services.AddSingleton<ITurnHandler, Language.LanguageHandler>();
        // The leads' handlers first: each takes only its own turns (team events, channel commands, leads.* card actions,
        // a reporter's answer to a lead's question, `status SG-...`), so the conversation's catch-alls never hide them.
        services.AddLeads(configuration);
        services.AddWorkspace(configuration);
        services.AddLearning(configuration);
        services.AddGuidance(configuration);
        services.AddIntake(configuration);
        services.AddSingleton<ITurnHandler, WelcomeHandler>();
        services.AddOperatorTelemetry(configuration);
        services.Configure<SpeakUp.SpeakUpOptions>(configuration.GetSection("SpeakUp"));
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true; // used only for the public page's static files (SpeakUpPage)
            options.MimeTypes = [.. Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes, "text/javascript"];
        });
        services.Configure<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        return services;
    }
}
