using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using ConcernBot.Concerns;
using ConcernBot.Storage;

namespace ConcernBot.Tests.Support.Chat;

/// <summary>A test double for the concern store: concerns, audit and outbox kept as serialized JSON, so tests can scan them.</summary>
public sealed class InMemoryConcernStore : IConcernStore
{
    private readonly ConcurrentDictionary<string, string> _concerns = new();
    private readonly ConcurrentDictionary<string, List<string>> _audit = new();
    private readonly ConcurrentQueue<string> _outbox = new();
    private readonly Lock _gate = new();

    public IReadOnlyList<Concern> All => _concerns.Values.Select(j => JsonSerializer.Deserialize<Concern>(j)!).ToList();

    public IReadOnlyList<AuditEntry> AuditOf(string concernId) =>
        _audit.TryGetValue(concernId, out var entries) ? entries.Select(e => JsonSerializer.Deserialize<AuditEntry>(e)!).ToList() : [];

    public IReadOnlyList<OutboxMessage> Outbox => _outbox.Select(j => JsonSerializer.Deserialize<OutboxMessage>(j)!).ToList();

    /// <summary>Every stored row, as text: concerns, audit entries and outbox messages.</summary>
    public string Everything() => string.Join("\n", _concerns.Values.Concat(_audit.Values.SelectMany(a => a)).Concat(_outbox));

    public Task<bool> CreateAsync(Concern concern, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_concerns.ContainsKey(concern.Id))
            {
                return Task.FromResult(false);
            }

            _concerns[concern.Id] = JsonSerializer.Serialize(concern);
            _audit[concern.Id] = [JsonSerializer.Serialize(entry with { Sequence = 1 })];
            foreach (var message in outbox)
            {
                _outbox.Enqueue(JsonSerializer.Serialize(message));
            }

            return Task.FromResult(true);
        }
    }

    public Task<Versioned<Concern>?> GetAsync(string concernId, CancellationToken cancellationToken = default) =>
        Task.FromResult(_concerns.TryGetValue(concernId, out var json) ? new Versioned<Concern>(JsonSerializer.Deserialize<Concern>(json)!, "1") : null);

    public Task<Versioned<Concern>?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default) =>
        Task.FromResult(All.FirstOrDefault(c => c.Reference == reference) is { } c ? new Versioned<Concern>(c, "1") : null);

    public Task<string> UpdateAsync(Concern concern, string etag, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The intake only creates concerns.");

    public IAsyncEnumerable<Concern> ListByStatusAsync(string organisationId, ConcernStatus status, CancellationToken cancellationToken = default) =>
        Filter(c => c.OrganisationId == organisationId && c.Status == status, cancellationToken);

    public IAsyncEnumerable<Concern> ListByDeadlineAsync(string organisationId, DateTimeOffset before, CancellationToken cancellationToken = default) =>
        Filter(c => c.OrganisationId == organisationId && c.NextDeadline < before, cancellationToken);

    public IAsyncEnumerable<Concern> ListByReporterAsync(string organisationId, string reporterReference, CancellationToken cancellationToken = default) =>
        Filter(c => c.OrganisationId == organisationId && c.ReporterReference == reporterReference, cancellationToken);

    private async IAsyncEnumerable<Concern> Filter(Func<Concern, bool> predicate, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var concern in All.Where(predicate))
        {
            yield return concern;
        }

        await Task.CompletedTask;
    }
}
