using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams.Hosting;
using ConcernBot.Channels.Turns;
using ConcernBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ConcernBot.Benchmarks;

/// <summary>
/// One ordinary turn of the guided conversation, in process, exactly as the host wires the bot (AddTeamsProtocol +
/// AddConcernBot), minus HTTP and the store's I/O: the state is read from and written to memory, and the replies are
/// serialised as they would be for the connector, then dropped. What is left is the product's own cost of a turn.
/// </summary>
[MemoryDiagnoser]
public class ConversationStepBenchmarks
{
    private const string ConversationId = "a:bench-step";
    private readonly string _keys = Path.Combine(Path.GetTempPath(), "concernbot-bench-keys-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    private ServiceProvider _services = null!;
    private IBot _bot = null!;
    private FrozenConversationStore _store = null!;
    private Activity _choiceTurn = null!;
    private Activity _textTurn = null!;
    private Versioned<ConversationState> _beforeChoice = null!;
    private Versioned<ConversationState> _beforeText = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AllowUnauthenticatedLocalRequests"] = "true",
            ["DataProtection:KeyFolder"] = _keys,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<IHostEnvironment>(new BenchEnvironment());
        services.AddTeamsProtocol(configuration);
        services.AddConcernBot(configuration);
        _store = new FrozenConversationStore();
        services.AddSingleton<IConversationStore>(_store);
        _services = services.BuildServiceProvider();
        _bot = _services.GetRequiredService<IBot>();

        // Walk the first turns for real, keeping the state before the two turns measured.
        var turns = Walk.FirstTurns();
        for (var i = 0; i < turns.Count; i++)
        {
            if (i == Walk.TextTurn)
            {
                _beforeText = _store.Snapshot(ConversationId);
                _textTurn = turns[i];
            }

            if (i == Walk.ChoiceTurn)
            {
                _beforeChoice = _store.Snapshot(ConversationId);
                _choiceTurn = turns[i];
            }

            await _bot.OnTurnAsync(new DroppingTurnContext(turns[i]), CancellationToken.None);
        }

        _store.Frozen = true;
    }

    [Benchmark(Description = "Turn: press a choice (ongoing? No) -> harm card")]
    public Task Choice()
    {
        _store.Set(ConversationId, _beforeChoice);
        return _bot.OnTurnAsync(new DroppingTurnContext(_choiceTurn), CancellationToken.None);
    }

    [Benchmark(Description = "Turn: type an answer (where) -> next card")]
    public Task TypedAnswer()
    {
        _store.Set(ConversationId, _beforeText);
        return _bot.OnTurnAsync(new DroppingTurnContext(_textTurn), CancellationToken.None);
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _services.DisposeAsync();
        if (Directory.Exists(_keys))
        {
            Directory.Delete(_keys, recursive: true);
        }
    }

    /// <summary>The walk-through's first nine turns (the benchmark driver's script), as Teams sends them.</summary>
    private static class Walk
    {
        public const int TextTurn = 7;
        public const int ChoiceTurn = 8;

        public static List<Activity> FirstTurns() =>
        [
            Message("raise a concern", null),
            Message(null, Answer("danger", choice: "No")),
            Message(null, Answer("role", choice: "StaffOrVolunteer")),
            Message(null, Answer("atrisk", choice: "AdultAtRisk")),
            Message(null, Answer("atrisk.who", answer: "Mr Jones, room 12")),
            Message(null, Answer("happened", answer: "At 4pm I saw a carer grab Mr Jones by the wrist and pull him out of his chair.")),
            Message(null, Answer("when", answer: "just after lunch", date: "2026-11-20")),
            Message("The lounge on the first floor", null),
            Message(null, Answer("ongoing", choice: "No")),
        ];

        private static JsonObject Answer(string step, string? choice = null, string? answer = null, string? date = null)
        {
            var value = new JsonObject { ["verb"] = "intake.answer", ["step"] = step };
            if (choice is not null)
            {
                value["choice"] = choice;
            }

            if (answer is not null)
            {
                value["answer"] = answer;
            }

            if (date is not null)
            {
                value["date"] = date;
            }

            return value;
        }

        private static Activity Message(string? text, JsonObject? value)
        {
            var json = new JsonObject
            {
                ["type"] = "message",
                ["id"] = "act-" + Guid.NewGuid().ToString("N"),
                ["serviceUrl"] = "http://127.0.0.1:5999/",
                ["channelId"] = "msteams",
                ["from"] = new JsonObject { ["id"] = "29:bench", ["name"] = "Ada Quillfeather", ["aadObjectId"] = "aad-bench" },
                ["conversation"] = new JsonObject { ["id"] = ConversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-bench" },
                ["recipient"] = new JsonObject { ["id"] = "28:concernbot", ["name"] = "ConcernBot" },
                ["locale"] = "en-GB",
                ["text"] = text,
                ["value"] = value,
            };
            return ActivityJson.TryParse(JsonSerializer.SerializeToUtf8Bytes(json))!;
        }
    }

    /// <summary>Conversation state in memory; once frozen, saves are accepted and dropped so every iteration starts alike.</summary>
    private sealed class FrozenConversationStore : IConversationStore
    {
        private readonly ConcurrentDictionary<string, Versioned<ConversationState>> _states = new(StringComparer.Ordinal);
        private long _version;

        public bool Frozen { get; set; }

        public Versioned<ConversationState> Snapshot(string id) => _states[id];

        public void Set(string id, Versioned<ConversationState> state) => _states[id] = state;

        public Task<Versioned<ConversationState>?> GetAsync(string conversationId, CancellationToken cancellationToken = default) =>
            Task.FromResult(_states.TryGetValue(conversationId, out var state) ? state : null);

        public Task<string> SaveAsync(string conversationId, ConversationState state, string? etag, CancellationToken cancellationToken = default)
        {
            // As the real stores do: the state goes to JSON on the way in.
            _ = StorageJson.Serialize(state);
            var next = Interlocked.Increment(ref _version).ToString(CultureInfo.InvariantCulture);
            if (!Frozen)
            {
                _states[conversationId] = new Versioned<ConversationState>(state, next);
            }

            return Task.FromResult(next);
        }

        public Task DeleteAsync(string conversationId, CancellationToken cancellationToken = default)
        {
            _states.TryRemove(conversationId, out _);
            return Task.CompletedTask;
        }

        public async IAsyncEnumerable<(string ConversationId, Versioned<ConversationState> State)> ListExpiringAsync(DateTimeOffset before, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }
    }

    /// <summary>A turn whose replies are serialised as for the connector, then dropped.</summary>
    private sealed class DroppingTurnContext(Activity activity) : ITurnContext
    {
        private static readonly ResourceResponse Sent = new() { Id = "sent" };

        public Activity Activity { get; } = activity;

        public ConversationReference? Reference => ConversationReference.FromActivity(Activity);

        public TurnFacts Facts => new(IsPrivate: true, OrganisationId: Activity.Conversation?.TenantId, PersonKey: Activity.From?.AadObjectId ?? Activity.From?.Id);

        public Task<ResourceResponse> SendAsync(Activity activity, CancellationToken cancellationToken = default)
        {
            _ = ActivityJson.Serialize(activity);
            return Task.FromResult(Sent);
        }

        public Task<ResourceResponse> SendTextAsync(string text, CancellationToken cancellationToken = default) => SendAsync(Activity.CreateReply(text), cancellationToken);

        public Task<ResourceResponse> SendCardAsync(JsonElement card, CancellationToken cancellationToken = default)
        {
            var reply = Activity.CreateReply();
            reply.Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = card }];
            return SendAsync(reply, cancellationToken);
        }

        public Task UpdateCardAsync(string activityId, JsonElement card, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task<bool> DeleteAsync(string activityId, CancellationToken cancellationToken = default) => Task.FromResult(false);

        public Task<ResourceResponse> SendToAsync(ConversationReference reference, Activity activity, CancellationToken cancellationToken = default) => SendAsync(activity, cancellationToken);
    }

    private sealed class BenchEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "ConcernBot.Benchmarks";
        public string ContentRootPath { get; set; } = AppContext.BaseDirectory;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
