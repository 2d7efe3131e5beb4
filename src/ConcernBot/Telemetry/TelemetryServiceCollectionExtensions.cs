using Azure.Monitor.OpenTelemetry.AspNetCore;
using ConcernBot.Storage;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace ConcernBot.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces, metrics and logs for operators (OpenTelemetry), exported to Application Insights when
    /// APPLICATIONINSIGHTS_CONNECTION_STRING is set (the Bicep sets it). Logs reach the exporter through the redacting
    /// logger factory like every other provider; spans go through <see cref="TelemetryRedaction"/> first. Live Metrics
    /// is off: it sends its own copy of requests and exceptions, around the redaction.
    /// </summary>
    public static IServiceCollection AddOperatorTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<OutboxAgeGauge>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxAgeGauge>());
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("ConcernBot"))
            .WithTracing(tracing => tracing.AddProcessor(new TelemetryRedaction()))
            .WithMetrics(metrics => metrics.AddMeter(OperatorMetrics.MeterName, StorageMetrics.MeterName))
            .WithLogging();

        var connectionString = configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            telemetry.UseAzureMonitor(options =>
            {
                options.ConnectionString = connectionString;
                options.EnableLiveMetrics = false;

                // A concern is rare and each failure matters: keep every trace (the distro's default keeps 5 a second).
                options.SamplingRatio = 1.0F;
                options.TracesPerSecond = null;
            });
        }

        return services;
    }
}
