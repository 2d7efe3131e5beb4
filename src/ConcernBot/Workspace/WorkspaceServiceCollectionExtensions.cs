namespace ConcernBot.Workspace;

public static class WorkspaceServiceCollectionExtensions
{
    /// <summary>The leads' workspace (a Teams tab): sign-in, who may see what, the case list and case page.</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkspaceOptions>(configuration.GetSection(WorkspaceOptions.Section));

        // On App Service the tab is served from the web app's own host name (WEBSITE_HOSTNAME, set by App Service):
        // the SSO audience is api://<that host>/<app id> unless TabSignIn:Domain or :ApplicationIdUri says otherwise.
        services.PostConfigure<Channels.Teams.Authentication.TabSignInOptions>(tab =>
        {
            if (string.IsNullOrWhiteSpace(tab.Domain) && configuration["WEBSITE_HOSTNAME"] is { Length: > 0 } host)
            {
                tab.Domain = host;
            }
        });
        services.AddSingleton<WorkspaceSignIn>();
        services.AddSingleton<WorkspaceCases>();
        services.AddSingleton<CaseClocks>();
        services.AddSingleton<CaseFiles>();
        services.AddSingleton<DashboardFigures>();
        return services;
    }
}
