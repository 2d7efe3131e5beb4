using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using ConcernBot.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ConcernBot.Tests.Telemetry;

/// <summary>
/// Application Insights' ingestion endpoint on loopback: keeps every batch the Azure Monitor exporter sends (gunzipped),
/// so a test reads exactly what would have left for Azure. Answers as the service does when it accepts a batch.
/// </summary>
internal sealed class LoopbackIngestion : IAsyncDisposable
{
    private WebApplication _app = null!;

    public ConcurrentQueue<string> Batches { get; } = new();

    public string ConnectionString { get; private set; } = "";

    public static async Task<LoopbackIngestion> StartAsync()
    {
        var ingestion = new LoopbackIngestion();
        (ingestion._app, var address) = await LoopbackServer.StartAsync(ingestion.TrackAsync);
        ingestion.ConnectionString = $"InstrumentationKey=00000000-0000-0000-0000-0000000000a1;IngestionEndpoint={address}/;LiveEndpoint={address}/";
        return ingestion;
    }

    private async Task TrackAsync(HttpContext http)
    {
        using var body = new MemoryStream();
        var source = http.Request.Headers.ContentEncoding.ToString().Contains("gzip", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(http.Request.Body, CompressionMode.Decompress)
            : http.Request.Body;
        await using (source)
        {
            await source.CopyToAsync(body);
        }

        var text = Encoding.UTF8.GetString(body.ToArray());
        Batches.Enqueue(text);
        var items = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length;
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync($"{{\"itemsReceived\":{items},\"itemsAccepted\":{items},\"errors\":[]}}");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
