using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ConcernBot.Tests.Storage;

/// <summary>
/// Real Azurite (the Table service only, in memory) on a free loopback port for the test class, stopped at the end.
/// Missing Node or Azurite fails the tests with what to install.
/// </summary>
public class AzuriteFixture : IAsyncLifetime
{
    private const string InstallHint = "run `npm ci --prefix tools/azurite` (needs Node 20)";
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly StringBuilder output = new();
    private Process? process;

    public string ConnectionString { get; private set; } = string.Empty;

    private int port;

    /// <summary>Where Azurite keeps its tables; null keeps them in memory (lost when it stops).</summary>
    protected virtual string? Location => null;

    /// <summary>Which of Azurite's services runs: "table" (the default) or "blob".</summary>
    protected virtual string Service => "table";

    public async Task InitializeAsync()
    {
        // A free port can be taken by another test's server before Azurite binds it: then another port is tried.
        for (var attempt = 1; ; attempt++)
        {
            port = FreePort();
            try
            {
                await LaunchAsync();
                break;
            }
            catch (InvalidOperationException ex) when (attempt < 3 && ex.Message.Contains("EADDRINUSE", StringComparison.Ordinal))
            {
                await StopAsync();
            }
        }

        var endpoint = Service == "blob" ? "BlobEndpoint" : "TableEndpoint";
        ConnectionString = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};{endpoint}=http://127.0.0.1:{port}/devstoreaccount1;";
    }

    /// <summary>
    /// Stops Azurite (a storage outage) as a service stops, letting it write its tables out first;
    /// <see cref="StartAgainAsync"/> brings it back on the same port.
    /// </summary>
    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            if (Location is not null && !OperatingSystem.IsWindows())
            {
                using var term = Process.Start("kill", ["-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync();
                using var graceful = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                try
                {
                    await process.WaitForExitAsync(graceful.Token);
                }
                catch (OperationCanceledException)
                {
                    // Still running: killed below.
                }
            }

            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process?.Dispose();
        process = null;
    }

    public Task StartAgainAsync() => LaunchAsync();

    private async Task LaunchAsync()
    {
        var main = Path.Combine(RepoRoot.Find(), "tools", "azurite", "node_modules", "azurite", "dist", "src", Service, "main.js");
        if (!File.Exists(main))
        {
            throw new InvalidOperationException($"Azurite is not installed ({main} is missing): {InstallHint}.");
        }

        var node = FindNode() ?? throw new InvalidOperationException($"Node is not on the PATH: install Node 20, then {InstallHint}.");
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] persistence = Location is { } location ? ["--location", location] : ["--inMemoryPersistence"];
        string[] arguments = [main, $"--{Service}Host", "127.0.0.1", $"--{Service}Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. persistence, "--skipApiVersionCheck", "--loose", "--disableTelemetry", "--silent"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException($"Azurite did not start: {InstallHint}.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await AnswersAsync(port))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"Azurite did not answer on 127.0.0.1:{port} ({InstallHint}). Its output: {Output()}");
            }

            await Task.Delay(100);
        }
    }

    public virtual Task DisposeAsync() => StopAsync();

    private void Append(string? line)
    {
        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }

    private static async Task<bool> AnswersAsync(int port)
    {
        using var client = new TcpClient();
        try
        {
            await client.ConnectAsync(IPAddress.Loopback, port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string? FindNode()
    {
        var paths = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return paths.Select(p => Path.Combine(p, OperatingSystem.IsWindows() ? "node.exe" : "node")).FirstOrDefault(File.Exists);
    }
}

/// <summary>Azurite's Blob service (in memory), for the evidence store.</summary>
public sealed class BlobAzuriteFixture : AzuriteFixture
{
    protected override string Service => "blob";
}

/// <summary>Azurite keeping its tables in a folder, so it can be stopped and started again without losing them.</summary>
public sealed class PersistentAzuriteFixture : AzuriteFixture
{
    private readonly string folder = Directory.CreateTempSubdirectory("concernbot-azurite-").FullName;

    protected override string? Location => folder;

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}
