using System.Text.Json;
using System.Text.RegularExpressions;
using ConcernBot.EndToEnd.Tests.Hosting;
using ConcernBot.Testing;
using LeadsWords = ConcernBot.Resources.Leads;

namespace ConcernBot.EndToEnd.Tests.Leads;

/// <summary>
/// What `./run-local.sh` sets up, read from the script and its Playground file: the Playground's current user can choose
/// the leads' channel with `@ConcernBot alerts here`, and the Playground calls the bot ConcernBot.
/// </summary>
public sealed partial class RunLocalDefaultsTests
{
    [Fact]
    public async Task The_Playground_user_is_an_admin_by_default_and_alerts_here_works_in_the_team_channel()
    {
        var root = RepositoryRoot.Find();
        var settings = RunLocalDefaults(File.ReadAllText(Path.Combine(root, "run-local.sh")));
        Assert.Equal(PlaygroundLeads.Alex, settings["Leads:Admins:0"]);
        Assert.Equal(PlaygroundLeads.Alex, settings["Leads:Designated:0:ObjectId"]);

        var folder = Directory.CreateTempSubdirectory("concernbot-e2e-runlocal-");
        try
        {
            await AlertsHereAsync(root, folder.FullName, settings);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task AlertsHereAsync(string root, string folder, Dictionary<string, string?> settings)
    {
        var configFile = Path.Combine(folder, "playground.yml");
        File.WriteAllText(configFile, File.ReadAllText(Path.Combine(root, "tools", "playground", "playground.yml"))
            .Replace("__PERSONAL_CHAT_ID__", Guid.NewGuid().ToString(), StringComparison.Ordinal)
            .Replace("__GROUP_CHAT_ID__", Guid.NewGuid().ToString(), StringComparison.Ordinal));

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var port = FreePort.Next();
        await using var playground = await PlaygroundProcess.StartAsync(TestHost.MessagesEndpointAt(port), configFile);
        await using var bot = TestHost.Playground(port, settings);
        bot.StartServer();
        await using var client = await PlaygroundClient.ConnectAsync(playground.Address, timeout.Token);
        var config = await client.GetConfigAsync(timeout.Token);
        var botAccount = config.GetProperty("bot");
        Assert.Equal("ConcernBot", botAccount.GetProperty("name").GetString());
        Assert.Equal(PlaygroundLeads.Alex, config.GetProperty("currentUser").GetProperty("aadObjectId").GetString());
        var team = config.GetProperty("teams")[0].GetProperty("id").GetString()!;

        await client.SendMentionAsync(team, config.GetProperty("currentUser").GetProperty("id").GetString()!, botAccount, "alerts here", timeout.Token);

        var reply = await client.NextBotMessageAsync(team + ";messageid=", botAccount.GetProperty("id").GetString()!, timeout.Token, prefix: true);
        Assert.Equal(LeadsWords.AlertsHereDone, reply.GetProperty("text").GetString());
    }

    /// <summary>The `export Leads__X="${Leads__X-default}"` lines of run-local.sh, as configuration keys and their defaults.</summary>
    private static Dictionary<string, string?> RunLocalDefaults(string script)
    {
        var variables = Variable().Matches(script).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (Match line in Default().Matches(script))
        {
            var value = line.Groups["value"].Value;
            value = variables.TryGetValue(value.TrimStart('$'), out var known) && value.StartsWith('$') ? known : value;
            settings[line.Groups["name"].Value.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        return settings;
    }

    [GeneratedRegex(@"^(?<name>[a-z]+)=""(?<value>[^""$]*)""$", RegexOptions.Multiline)]
    private static partial Regex Variable();

    [GeneratedRegex(@"^\s*export (?<name>Leads__\w+)=""\$\{\k<name>-(?<value>[^}]*)\}""$", RegexOptions.Multiline)]
    private static partial Regex Default();
}
