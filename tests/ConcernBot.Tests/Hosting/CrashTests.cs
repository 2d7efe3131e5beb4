using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using ConcernBot.Storage;
using ConcernBot.Tests.Storage;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Hosting;

/// <summary>
/// The host is killed (SIGKILL, a real child process) at random moments while 200 reporters press Submit at once, and
/// started again on the same files each time. The client does what the Bot Service does when it got no answer: it sends
/// the same activity again. Afterwards every concern whose Submit was sent exists exactly once, every reporter has their
/// receipt, and nothing reaches a reporter or the leads twice without saying so. (A delivery cut off by the kill may or may
/// not have reached Teams, which cannot be asked: its retry says "you may already have this", never silently twice.)
/// </summary>
public sealed class CrashTests(AzuriteFixture azurite, ITestOutputHelper output) : IClassFixture<AzuriteFixture>
{
    private const int Reporters = 200;
    private const int Kills = 3;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("AzureTables")]
    public async Task Killing_the_host_during_200_submits_loses_and_doubles_nothing(string store)
    {
        var folder = Directory.CreateTempSubdirectory("concernbot-crash-").FullName;
        var storage = Storage(store, folder);
        await using var connector = await LoopbackBotConnector.StartAsync();
        await using var bot = new BotProcess(Settings(connector, storage));
        await bot.StartAsync();
        using var client = new HttpClient { BaseAddress = bot.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

        // Every reporter walks to the review card first (the one form: anonymous and urgent, confidential or named).
        var chats = Enumerable.Range(0, Reporters).Select(i => new TeamsChat(client, connector, TeamsUser.Make("Reporter " + i)) { ServiceUrl = connector.ServiceUrl }).ToList();
        await Parallel.ForEachAsync(chats.Select((c, i) => (c, i)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (pair, _) => await ToReviewAsync(pair.c, pair.i));
        var submits = chats.Select(c => c.ActivityFor(I.ReviewSubmit)).ToList();

        // All press Submit at once; the host dies at random moments meanwhile and comes back on the same files.
        var watch = Stopwatch.StartNew();
        var posts = submits.Select(a => PostUntilAnsweredAsync(client, a)).ToList();
        var random = new Random();
        for (var kill = 0; kill < Kills; kill++)
        {
            await Task.Delay(random.Next(50, 1500));
            await bot.KillAsync();
            await bot.StartAsync();
        }

        var attempts = await Task.WhenAll(posts);
        var answeredIn = watch.Elapsed;

        var received = await Eventually.WaitForAsync(() => Receipts(connector, chats), r => r.Values.All(n => n.Plain + n.Labelled >= 1), TimeSpan.FromSeconds(90));
        var cards = await Eventually.WaitForAsync(() => connector.LeadsCards(), c => c.Count >= Reporters, TimeSpan.FromSeconds(90));
        await Task.Delay(TimeSpan.FromSeconds(3)); // a retry that would double something has time to show
        received = Receipts(connector, chats);
        cards = connector.LeadsCards();
        await bot.KillAsync();

        var stored = await StoredAsync(storage, submits);
        var lost = submits.Count - stored;
        var receiptDuplicates = received.Values.Sum(r => Math.Max(0, r.Plain - 1));
        var cardDuplicates = cards.Values.Sum(c => Math.Max(0, c.Plain - 1));
        output.WriteLine(
            $"{store}: {Reporters} submits, {Kills} kills ({bot.Starts} starts), {attempts.Sum() - Reporters} submits sent again, answered in {answeredIn.TotalSeconds:0.0} s; " +
            $"concerns {stored}, receipts {received.Values.Sum(r => r.Plain)} (+{received.Values.Sum(r => r.Labelled)} labelled repeats), " +
            $"leads' cards {cards.Values.Sum(c => c.Plain)} (+{cards.Values.Sum(c => c.Labelled)} labelled replacements), duplicates {receiptDuplicates + cardDuplicates}, lost {lost}");

        Assert.Equal(0, lost);
        Assert.All(received, r => Assert.True(r.Value.Plain <= 1 && r.Value.Plain + r.Value.Labelled >= 1, $"{r.Key}: {r.Value.Plain} receipts, {r.Value.Labelled} labelled repeats"));
        Assert.Equal(Reporters, cards.Count);
        Assert.All(cards, c => Assert.True(c.Value.Plain <= 1 && c.Value.Plain + c.Value.Labelled >= 1, $"{c.Key}: {c.Value.Plain} cards without the label"));
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>The files (or tables) and key ring every start of the host, and the check afterwards, share.</summary>
    private Dictionary<string, string?> Storage(string store, string folder) => new()
    {
        ["DataProtection:KeyFolder"] = Path.Combine(folder, "keys"),
        ["Storage:Provider"] = store,
        ["Storage:Sqlite:Path"] = Path.Combine(folder, "concernbot.db"),
        ["Storage:AzureTables:ConnectionString"] = store == "AzureTables" ? azurite.ConnectionString : null,
        ["Storage:AzureTables:TablePrefix"] = "crash" + Guid.NewGuid().ToString("N")[..12],
    };

    private static Dictionary<string, string?> Settings(LoopbackBotConnector connector, Dictionary<string, string?> storage)
    {
        var settings = connector.LeadsSettings();
        foreach (var (key, value) in storage)
        {
            settings[key] = value;
        }

        settings["Storage:Outbox:PollInterval"] = "00:00:00.200";
        settings["Storage:Outbox:FirstRetryDelay"] = "00:00:00.500";
        settings["Storage:Outbox:MaxRetryDelay"] = "00:00:02";
        settings["Storage:Outbox:Lease"] = "00:00:05";
        settings["Storage:Outbox:TurnDeliveryGrace"] = "00:00:03";
        return settings;
    }

    private static async Task ToReviewAsync(TeamsChat chat, int i)
    {
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaffForm);
        var review = await chat.PressAsync(I.FormCheck, new
        {
            f_danger = "No", f_urgent = i % 3 == 0 ? "true" : "false", f_atrisk = "AdultAtRisk", f_atriskwho = "Mr Jones", f_happened = Walkthrough.Account,
            f_when = "yesterday", f_where = "The lounge", f_ongoing = "No", f_harm = "Physical", f_about = "Staff",
            f_knows = "Yes", f_asked = "NotAsked", f_reporterwants = "That he is safe", f_consent = "Yes",
            f_identity = (i % 3) switch { 0 => "Anonymous", 1 => "Confidential", _ => "Named" },
        });
        Assert.True(review.Says(I.ReviewSubmit), review.Words);
    }

    /// <summary>Sends the activity until the host answers 200, as the channel retries an activity it got no answer for; returns the sends.</summary>
    private static async Task<int> PostUntilAnsweredAsync(HttpClient client, JsonObject activity)
    {
        var json = activity.ToJsonString();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var content = new StringContent(json, Encoding.UTF8, "application/json");
                using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
                if (response.IsSuccessStatusCode)
                {
                    return attempt;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && DateTime.UtcNow < deadline)
            {
                // The host died under the request: the channel sends it again.
            }

            Assert.True(DateTime.UtcNow < deadline, "A submit never got an answer");
            await Task.Delay(200);
        }
    }

    /// <summary>Per reporter's chat: receipts, and receipts that say they repeat one that may have arrived.</summary>
    private static Dictionary<string, Copies> Receipts(LoopbackBotConnector connector, List<TeamsChat> chats) =>
        chats.ToDictionary(c => c.User.ConversationId, c => connector.ReceiptsIn(c.User.ConversationId));

    /// <summary>How many of the submitted drafts are stored concerns, read through the product's own store on the same files.</summary>
    private static async Task<int> StoredAsync(Dictionary<string, string?> storage, List<JsonObject> submits)
    {
        await using var reader = TestHost.With(new TestHostOptions { Settings = storage });
        var concerns = reader.Services.GetRequiredService<IConcernStore>();
        var found = 0;
        foreach (var submit in submits)
        {
            var draft = (string?)submit["value"]?["draft"] ?? throw new InvalidOperationException("The submit carries no draft id.");
            if (await concerns.GetAsync(ConcernBot.Intake.IntakeSubmission.ConcernIdFor(draft)) is not null)
            {
                found++;
            }
        }

        return found;
    }

}
