namespace ConcernBot.Storage;

/// <summary>
/// Creates the schema (SQLite) or the tables (Azure) when the host starts. If the store cannot be reached yet the host
/// still starts: every store creates what it needs on its first use.
/// </summary>
internal sealed partial class StorageInitializer(IStorageSchema schema, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await schema.EnsureCreatedAsync(cancellationToken);
        }
#pragma warning disable CA1031 // Startup goes on; the stores retry on first use and the failure is logged.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            LogCreateFailed(logger, exception);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Creating the storage schema failed; it is tried again on first use")]
    private static partial void LogCreateFailed(ILogger logger, Exception exception);
}
