using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ConcernBot.Anonymity.Logging;

/// <summary>
/// The logger factory every part of the host uses, wrapping the real one so that every logger (and so every provider:
/// console, Application Insights, a test's capture) receives only redacted values.
/// </summary>
internal sealed class RedactingLoggerFactory(ILoggerFactory inner) : ILoggerFactory
{
    public ILogger CreateLogger(string categoryName) => new RedactingLogger(inner.CreateLogger(categoryName), categoryName);

    public void AddProvider(ILoggerProvider provider) => inner.AddProvider(provider);

    public void Dispose() => inner.Dispose();
}

public static class LogRedactionServiceCollectionExtensions
{
    /// <summary>
    /// Replaces the host's logger factory with one that redacts names, ids, message text and exception messages before
    /// any provider sees them. Providers registered before or after this call are all covered: the real factory is built
    /// from every registered <see cref="ILoggerProvider"/> when it is first needed.
    /// </summary>
    public static IServiceCollection AddLogRedaction(this IServiceCollection services)
    {
        services.AddLogging();
        services.Replace(ServiceDescriptor.Singleton<ILoggerFactory>(sp => new RedactingLoggerFactory(new LoggerFactory(
            sp.GetServices<ILoggerProvider>(),
            sp.GetRequiredService<IOptionsMonitor<LoggerFilterOptions>>(),
            sp.GetService<IOptions<LoggerFactoryOptions>>(),
            sp.GetService<IExternalScopeProvider>()))));
        return services;
    }
}
