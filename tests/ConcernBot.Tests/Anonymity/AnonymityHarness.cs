using System.Collections.Concurrent;
using ConcernBot.Anonymity;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Teams;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Storage.Outbox;
using ConcernBot.Storage;
using ConcernBot.Testing;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Anonymity;

/// <summary>
/// The real host on a SQLite file and a key folder in a temporary folder, restartable on the same files (or with another
/// key ring); the outbox dispatcher runs for real, and what the relay sends to the leads' thread is captured.
/// </summary>
public sealed class AnonymityHarness : IAsyncDisposable
{
    private AnonymityHarness(string folder) => Folder = folder;

    public string Folder { get; }

    public string DataFolder => Path.Combine(Folder, "data");

    public string DatabasePath => Path.Combine(DataFolder, "concernbot.db");

    public string KeyFolder => Path.Combine(Folder, "keys");

    /// <summary>The evidence files, sealed (inside <see cref="Folder"/>, so the scan of files reads them too).</summary>
    public string EvidenceFolder => Path.Combine(DataFolder, "evidence");

    /// <summary>Outbox messages for the leads' thread, by kind ("leads.reporter-answer", "leads.contact-ended").</summary>
    public ConcurrentQueue<OutboxMessage> ForLeads { get; } = new();

    public static AnonymityHarness Create() => new(Path.Combine(Path.GetTempPath(), $"concernbot-anon-{Guid.NewGuid():N}"));

    public TestHost Start(CapturingLoggerProvider? logs = null, string? keyFolder = null, IReadOnlyDictionary<string, string?>? extra = null, Action<IServiceCollection>? services = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Sqlite",
            ["Storage:Sqlite:Path"] = DatabasePath,
            ["Storage:Outbox:PollInterval"] = "00:00:00.100",
            ["Storage:Outbox:FirstRetryDelay"] = "00:00:00.200",
            ["DataProtection:KeyFolder"] = keyFolder ?? KeyFolder,
            ["Storage:Evidence:Folder"] = EvidenceFolder,
            ["Logging:LogLevel:Default"] = "Trace",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return TestHost.With(new TestHostOptions { Settings = settings, Logs = logs, ExtraServices = s =>
        {
            // What reaches the leads' thread is captured here instead of posted (these concerns are not routed to a channel).
            foreach (var threadHandler in s.Where(d => d.ImplementationType == typeof(ReporterInformationHandler) || d.ImplementationType == typeof(ContactEndedHandler)).ToList())
            {
                s.Remove(threadHandler);
            }

            s.AddSingleton<IOutboxHandler>(new Capture(RelayKinds.ReporterAnswer, ForLeads));
            s.AddSingleton<IOutboxHandler>(new Capture(RelayKinds.ContactEnded, ForLeads));
            services?.Invoke(s);
        },
        });
    }

    /// <summary>What the intake does at submit for a concern raised in <paramref name="conversationId"/>.</summary>
    public static async Task<(Concern Concern, ReporterContact Contact)> RaiseAsync(TestHost host, IdentityChoice choice, string reference, string conversationId = Distinctive.ConversationId, bool urgent = false)
    {
        var services = host.Services;
        var activity = Distinctive.Message("raise a concern", conversationId);
        var concernId = "concern-" + Guid.NewGuid().ToString("N");
        var contact = await services.GetRequiredService<ReporterContacts>().OpenAsync(ConversationReference.FromActivity(activity.ToActivity())!, concernId, reference, choice);
        var now = DateTimeOffset.UtcNow;
        var receivedAt = choice == IdentityChoice.Anonymous ? AnonymousTiming.RoundToMinute(now) : now;
        var reporter = choice switch
        {
            IdentityChoice.Anonymous => ReporterIdentity.Anonymous(contact.ReplyRouteToken),
            IdentityChoice.Confidential => new ReporterIdentity
            {
                Choice = choice,
                ReplyRouteToken = contact.ReplyRouteToken,
                ProtectedIdentity = services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
                    .CreateProtector("ConcernBot.ReporterIdentity")
                    .Protect(System.Text.Json.JsonSerializer.Serialize(new { displayName = Distinctive.Name, aadObjectId = Distinctive.AadObjectId, userId = Distinctive.UserId })),
            },
            _ => new ReporterIdentity { Choice = choice, DisplayName = Distinctive.Name, AadObjectId = Distinctive.AadObjectId, ReplyRouteToken = contact.ReplyRouteToken },
        };
        var concern = new Concern
        {
            Id = concernId,
            Reference = reference,
            OrganisationId = Distinctive.TenantId,
            ReceivedAt = receivedAt,
            Urgent = urgent,
            Reporter = reporter,
            PersonAtRisk = new PersonAtRisk { Kind = PersonAtRiskKind.AdultAtRisk },
            Account = new IncidentAccount { WhatHappened = "A resident was left without food all day." },
        };
        var submitted = new OutboxMessage
        {
            Id = concernId + ":submitted",
            Kind = "concern.submitted",
            ConcernId = concernId,
            Payload = $$"""{"concernId":"{{concernId}}"}""",
            CreatedAt = receivedAt,
            NotBefore = AnonymousTiming.LeadsCardNotBefore(choice, urgent, receivedAt),
        };
        var entry = new AuditEntry { Actor = ReporterRelay.ActorFor(concern), At = receivedAt, Action = "Concern received" };
        Assert.True(await services.GetRequiredService<IConcernStore>().CreateAsync(concern, entry, [submitted]));
        return (concern, contact);
    }

    /// <summary>What the leads do when a lead presses "Ask the reporter": the question on the concern, and its outbox message.</summary>
    public static async Task AskAsync(TestHost host, string concernId, int number, string question)
    {
        var store = host.Services.GetRequiredService<IConcernStore>();
        var read = (await store.GetAsync(concernId))!;
        var now = DateTimeOffset.UtcNow;
        var questions = read.Value.Leads.Questions.ToList();
        Assert.Equal(number - 1, questions.Count);
        questions.Add(new ReporterQuestion("Lead One", now, question));
        await store.UpdateAsync(
            read.Value with { Leads = read.Value.Leads with { Questions = questions } },
            read.ETag,
            new AuditEntry { Actor = "Lead One", At = now, Action = "leads.question.asked" },
            [new OutboxMessage
            {
                Id = Guid.NewGuid().ToString("N"),
                Kind = RelayKinds.ReporterQuestion,
                ConcernId = concernId,
                Payload = System.Text.Json.JsonSerializer.Serialize(new { concernId, questionNumber = number, question }),
                CreatedAt = now,
                NotBefore = now,
            }]);
    }

    /// <summary>The answer the leads see for question <paramref name="number"/>.</summary>
    public static async Task<string?> AnswerSeenByLeadsAsync(TestHost host, string concernId, int number) =>
        (await host.Services.GetRequiredService<IConcernStore>().GetAsync(concernId))!.Value.Leads.Questions[number - 1].Answer;

    public static Task NotifyAsync(TestHost host, string concernId, string kind) =>
        host.Services.GetRequiredService<IOutbox>().EnqueueAsync([new OutboxMessage
        {
            Id = Guid.NewGuid().ToString("N"),
            Kind = RelayKinds.ReporterNotify,
            ConcernId = concernId,
            Payload = System.Text.Json.JsonSerializer.Serialize(new { concernId, kind }),
            CreatedAt = DateTimeOffset.UtcNow,
            NotBefore = DateTimeOffset.UtcNow,
        }]);

    public async Task<OutboxMessage> WaitForLeadsAsync(string kind, int count = 1)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (ForLeads.Count(m => m.Kind == kind) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Nothing of kind {kind} reached the leads' thread.");
            await Task.Delay(50);
        }

        return ForLeads.Where(m => m.Kind == kind).ElementAt(count - 1);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }

        return ValueTask.CompletedTask;
    }

    private sealed class Capture(string kind, ConcurrentQueue<OutboxMessage> into) : IOutboxHandler
    {
        public string Kind => kind;

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            if (!into.Any(m => m.Id == message.Id))
            {
                into.Enqueue(message);
            }

            return Task.CompletedTask;
        }
    }
}
