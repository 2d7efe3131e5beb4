using ConcernBot.Conversation;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage;
using Microsoft.AspNetCore.DataProtection;

namespace ConcernBot.Leads;

public static class LeadsServiceCollectionExtensions
{
    /// <summary>
    /// The safeguarding leads' workflow: team setup, channel commands, the card and its actions, routing and escalation.
    /// Needs the stores (IConcernStore, IAuditLog, ISettingsStore, ITeamStore) and the outbox dispatcher registered.
    /// </summary>
    public static IServiceCollection AddLeads(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LeadsOptions>(configuration.GetSection(LeadsOptions.Section));
        services.AddDataProtection();
        services.AddSingleton<LeadsPeopleReader>();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<LeadsOptions>>(sp => sp.GetRequiredService<LeadsPeopleReader>());
        services.AddHostedService<LeadsStartupCheck>();
        services.AddSingleton<LeadsDirectory>();
        services.AddSingleton<LeadsClocks>();
        services.AddSingleton<LeadsCards>();
        services.AddSingleton<LeadsActions>();
        services.AddSingleton<LeadsCaseWork>();
        services.AddSingleton<LeadsChannels>();
        services.AddSingleton<LeadsReach>();
        services.AddSingleton<LeadsMentions>();
        services.AddSingleton<ITeamsLeads, Connectors.TeamsLeads>();
        services.AddSingleton<EscalationRoutes>();
        services.AddSingleton<EscalationDrill>();
        services.AddSingleton<LeadsOrganisations>();
        services.AddSingleton<EscalationScanner>();
        services.AddSingleton<ReporterAnswers>();
        services.AddSingleton<ReporterMessages>();
        services.AddSingleton<ReporterDelivery>();

        services.AddSingleton<ITurnHandler, TeamSetupHandler>();
        services.AddSingleton<ITurnHandler, LeadsChannelCommands>();
        services.AddSingleton<ITurnHandler, LeadsCardHandler>();
        services.AddSingleton<ITurnHandler, ReporterAnswerTurnHandler>();
        services.AddSingleton<ITurnHandler, ReporterNextStepsHandler>();

        services.AddSingleton<IOutboxHandler, ConcernRouter>();
        services.AddSingleton<IOutboxHandler, LeadsReminderHandler>();
        services.AddSingleton<IOutboxHandler, LeadsEscalationHandler>();
        services.AddSingleton<IOutboxHandler, ReporterAnswerHandler>();
        services.AddSingleton<IOutboxHandler, ReporterNotifyHandler>();
        services.AddSingleton<IOutboxHandler, ReporterQuestionHandler>();
        services.AddHostedService<EscalationService>();
        return services;
    }
}
