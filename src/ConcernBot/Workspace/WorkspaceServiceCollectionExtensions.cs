namespace ConcernBot.Workspace;

public static class WorkspaceServiceCollectionExtensions
{
    /// <summary>The leads' workspace (a Teams tab): sign-in, who may see what, the case list and case page.</summary>
    public static IServiceCollection AddWorkspace(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<WorkspaceOptions>(configuration.GetSection(WorkspaceOptions.Section));
        services.AddSingleton<WorkspaceSignIn>();
        services.AddSingleton<WorkspaceCases>();
        services.AddSingleton<CaseClocks>();
        services.AddSingleton<CaseFiles>();
        services.AddSingleton<DashboardFigures>();
        return services;
    }
}
