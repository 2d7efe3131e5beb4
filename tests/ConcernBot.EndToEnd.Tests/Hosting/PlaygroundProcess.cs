using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using ConcernBot.Testing;

namespace ConcernBot.EndToEnd.Tests.Hosting;

/// <summary>
/// The real Microsoft 365 Agents Playground (tools/playground), started with node on a free port and pointed at the bot.
/// One process, stopped with its whole tree on dispose; its own temporary working folder.
/// </summary>
internal sealed class PlaygroundProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly string _workingFolder;
    private readonly StringBuilder _output = new();

    private PlaygroundProcess(Process process, string workingFolder, int port)
    {
        _process = process;
        _workingFolder = workingFolder;
        Port = port;
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>What the Playground printed so far, for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <param name="configFile">The Playground's people and team (a .m365agentsplayground.yml); its own defaults when null.</param>
    public static async Task<PlaygroundProcess> StartAsync(Uri botEndpoint, string? configFile = null)
    {
        var cli = Path.Combine(RepositoryRoot.Find(), "tools", "playground", "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
        {
            throw new InvalidOperationException(
                "The Microsoft 365 Agents Playground is not installed: run `npm ci --prefix tools/playground` (or ./test.sh) at the repository root.");
        }

        var port = FreePort.Next();
        var workingFolder = Directory.CreateTempSubdirectory("concernbot-e2e-playground-").FullName;
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = workingFolder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { cli, "-e", botEndpoint.ToString(), "-c", "msteams", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--disable-telemetry" })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";
        if (configFile is not null)
        {
            start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configFile;
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Node.js is needed to run the Agents Playground and was not found ({e.Message}): install Node 20.", e);
        }

        var playground = new PlaygroundProcess(process, workingFolder, port);
        process.OutputDataReceived += (_, line) => playground.Append(line.Data);
        process.ErrorDataReceived += (_, line) => playground.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await playground.WaitUntilAnsweringAsync();
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }

        return playground;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The Agents Playground stopped (exit {_process.ExitCode}):\n{Output}");
            }

            try
            {
                if (await http.GetStringAsync(new Uri(Address, "_debug/ping")) == "pong")
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (System.Net.Sockets.SocketException)
            {
                // Accepting connections but not yet answering.
            }
            catch (TaskCanceledException)
            {
                // Slow to answer while starting.
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"The Agents Playground did not answer on port {Port} within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }
        }
        finally
        {
            _process.Dispose();
            try
            {
                Directory.Delete(_workingFolder, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS to clean from the temp folder.
            }
        }
    }
}
