using System.Collections.Concurrent;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ConcernBot.Tests.Storage;

internal static class StorageTestData
{
    public const string Org = "org-riverside";
    public const string OtherOrg = "org-hillview";

    public static Concern Concern(
        string id,
        DateTimeOffset receivedAt,
        string organisationId = Org,
        ConcernStatus status = ConcernStatus.Received,
        DateTimeOffset? deadline = null,
        string? reporterReference = null,
        DateTimeOffset? closedAt = null) => new()
        {
            Id = id,
            Reference = $"SG-{id.ToUpperInvariant()}",
            OrganisationId = organisationId,
            ReceivedAt = receivedAt,
            Status = status,
            NextDeadline = deadline,
            ClosedAt = closedAt,
            Reporter = ReporterIdentity.Anonymous("route-" + id),
            ReporterReference = reporterReference,
            PersonAtRisk = new PersonAtRisk { Kind = PersonAtRiskKind.Child, ChildServicesStatus = ChildServicesStatus.DontKnow },
            Account = new IncidentAccount { WhatHappened = "A made-up account for a storage test.", StillHappening = Answer.Yes },
            HarmKinds = [HarmKind.NeglectOrActsOfOmission, HarmKind.PsychologicalOrEmotional],
        };

    public static AuditEntry Entry(DateTimeOffset at, string action, string actor = "lead-1", string? reason = null) =>
        new() { Actor = actor, At = at, Action = action, Reason = reason };

    public static OutboxMessage Message(string id, DateTimeOffset createdAt, string kind = "leads.card", string? concernId = null, DateTimeOffset? notBefore = null) => new()
    {
        Id = id,
        Kind = kind,
        ConcernId = concernId,
        Payload = $$"""{"card":"{{id}}"}""",
        CreatedAt = createdAt,
        NotBefore = notBefore ?? createdAt,
    };

    public static OutboxDispatcher Dispatcher(IOutbox outbox, FakeTimeProvider time, params IOutboxHandler[] handlers) =>
        Dispatcher(outbox, time, handlers, batchSize: 4);

    public static OutboxDispatcher Dispatcher(IOutbox outbox, FakeTimeProvider time, IOutboxHandler[] handlers, int batchSize) =>
        new(
            outbox,
            handlers,
            time,
            Options.Create(new OutboxDispatcherOptions { Lease = TimeSpan.FromMinutes(2), FirstRetryDelay = TimeSpan.FromSeconds(5), BatchSize = batchSize }),
            NullLogger<OutboxDispatcher>.Instance);
}

/// <summary>A stand-in for the Teams connector: records each delivery by idempotency key, and can be down for a while.</summary>
internal sealed class RecordingHandler(string kind, TimeProvider time, int failures = 0) : IOutboxHandler
{
    private int calls;

    public string Kind => kind;

    public ConcurrentDictionary<string, int> Deliveries { get; } = new();

    public ConcurrentQueue<(string Key, DateTimeOffset At, int Attempts)> Log { get; } = new();

    public int Calls => calls;

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await Task.Yield();
        if (Interlocked.Increment(ref calls) <= failures)
        {
            throw new HttpRequestException("The connector is unavailable.");
        }

        Deliveries.AddOrUpdate(message.IdempotencyKey, 1, (_, n) => n + 1);
        Log.Enqueue((message.IdempotencyKey, time.GetUtcNow(), message.Attempts));
    }
}
