using Microsoft.Extensions.Options;

namespace ConcernBot.Leads;

/// <summary>Runs the escalation scan every <see cref="LeadsOptions.ScanInterval"/> on the host's <see cref="TimeProvider"/>.</summary>
internal sealed partial class EscalationService(
    EscalationScanner scanner,
    IOptions<LeadsOptions> options,
    TimeProvider time,
    ILogger<EscalationService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await scanner.ScanAsync(time.GetUtcNow(), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed pass (store briefly unavailable) must not stop escalation for good
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogScanFailed(logger, ex.GetType().Name);
            }

            try
            {
                await Task.Delay(options.Value.ScanInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "An escalation scan failed with {ExceptionType}; trying again at the next interval")]
    private static partial void LogScanFailed(ILogger logger, string exceptionType);
}
