using System.Runtime.CompilerServices;
using ConcernBot.Concerns;
using ConcernBot.Storage;

namespace ConcernBot.Tests.Support;

/// <summary>
/// Test-only stores in memory, with real ETag checks, until the SQLite store lands on main. Replace with the SQLite store then.
/// </summary>
public sealed class InMemoryStores : IConcernStore, IAuditLog, IOutbox, ISettingsStore, ITeamStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, (Concern Value, string ETag)> _concerns = [];
    private readonly Dictionary<string, List<AuditEntry>> _audit = [];
    private readonly Dictionary<string, OutboxRow> _outbox = [];
    private readonly Dictionary<string, (string Value, string ETag)> _settings = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), (TeamRecord Value, string ETag)> _teams = [];
    private long _version;

    public sealed class OutboxRow(OutboxMessage message)
    {
        public OutboxMessage Message { get; set; } = message;
        public string? ClaimToken { get; set; }
        public DateTimeOffset ClaimedUntil { get; set; }
        public bool Delivered { get; set; }
    }

    private string NextETag() => Interlocked.Increment(ref _version).ToString(System.Globalization.CultureInfo.InvariantCulture);

    // ---- concerns
    public Task<bool> CreateAsync(Concern concern, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_concerns.ContainsKey(concern.Id))
            {
                return Task.FromResult(false);
            }

            _concerns[concern.Id] = (concern, NextETag());
            AppendLocked(concern.Id, entry);
            EnqueueLocked(outbox);
            return Task.FromResult(true);
        }
    }

    public Task<Versioned<Concern>?> GetAsync(string concernId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_concerns.TryGetValue(concernId, out var c) ? new Versioned<Concern>(c.Value, c.ETag) : null);
        }
    }

    public Task<Versioned<Concern>?> FindByReferenceAsync(string reference, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var found = _concerns.Values.FirstOrDefault(c => c.Value.Reference == reference);
            return Task.FromResult(found.Value is null ? null : new Versioned<Concern>(found.Value, found.ETag));
        }
    }

    public Task<string> UpdateAsync(Concern concern, string etag, AuditEntry entry, IReadOnlyList<OutboxMessage> outbox, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (!_concerns.TryGetValue(concern.Id, out var current) || current.ETag != etag)
            {
                throw new ConcurrencyConflictException();
            }

            var next = NextETag();
            _concerns[concern.Id] = (concern, next);
            AppendLocked(concern.Id, entry);
            EnqueueLocked(outbox);
            return Task.FromResult(next);
        }
    }

    public IAsyncEnumerable<Concern> ListByStatusAsync(string organisationId, ConcernStatus status, CancellationToken cancellationToken = default) =>
        Snapshot(c => c.OrganisationId == organisationId && c.Status == status, c => c.ReceivedAt, cancellationToken);

    public IAsyncEnumerable<Concern> ListByDeadlineAsync(string organisationId, DateTimeOffset before, CancellationToken cancellationToken = default) =>
        Snapshot(c => c.OrganisationId == organisationId && c.Status != ConcernStatus.Closed && c.NextDeadline is { } d && d < before, c => c.NextDeadline!.Value, cancellationToken);

    public IAsyncEnumerable<Concern> ListByReporterAsync(string organisationId, string reporterReference, CancellationToken cancellationToken = default) =>
        Snapshot(c => c.OrganisationId == organisationId && c.ReporterReference == reporterReference, c => c.ReceivedAt, cancellationToken);

    private async IAsyncEnumerable<Concern> Snapshot<TKey>(Func<Concern, bool> filter, Func<Concern, TKey> order, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        List<Concern> list;
        lock (_gate)
        {
            list = [.. _concerns.Values.Select(c => c.Value).Where(filter).OrderBy(order)];
        }

        foreach (var c in list)
        {
            await Task.Yield();
            yield return c;
        }
    }

    // ---- audit
    public Task<AuditEntry> AppendAsync(string concernId, AuditEntry entry, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(AppendLocked(concernId, entry));
        }
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(string concernId, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<AuditEntry>>(_audit.TryGetValue(concernId, out var list) ? [.. list] : []);
        }
    }

    public Task<AuditVerification> VerifyAsync(string concernId, CancellationToken cancellationToken = default) =>
        Task.FromResult(new AuditVerification(true, null, null));

    private AuditEntry AppendLocked(string concernId, AuditEntry entry)
    {
        if (!_audit.TryGetValue(concernId, out var list))
        {
            _audit[concernId] = list = [];
        }

        var stored = entry with { Sequence = list.Count + 1 };
        list.Add(stored);
        return stored;
    }

    // ---- outbox
    public IReadOnlyList<OutboxMessage> OutboxMessages()
    {
        lock (_gate)
        {
            return [.. _outbox.Values.Select(r => r.Message).OrderBy(m => m.CreatedAt)];
        }
    }

    public Task EnqueueAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            EnqueueLocked(messages);
        }

        return Task.CompletedTask;
    }

    private void EnqueueLocked(IReadOnlyList<OutboxMessage> messages)
    {
        foreach (var m in messages)
        {
            _outbox.TryAdd(m.Id, new OutboxRow(m));
        }
    }

    public Task<IReadOnlyList<ClaimedOutboxMessage>> ClaimDueAsync(DateTimeOffset now, int max, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var due = _outbox.Values.Where(r => !r.Delivered && r.Message.NotBefore <= now && (r.ClaimToken is null || r.ClaimedUntil <= now)).Take(max).ToList();
            foreach (var r in due)
            {
                r.ClaimToken = Guid.NewGuid().ToString("N");
                r.ClaimedUntil = now + lease;
            }

            return Task.FromResult<IReadOnlyList<ClaimedOutboxMessage>>([.. due.Select(r => new ClaimedOutboxMessage(r.Message, r.ClaimToken!))]);
        }
    }

    public Task<bool> CompleteAsync(ClaimedOutboxMessage message, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(message.Message.Id, out var r) && r.ClaimToken == message.ClaimToken)
            {
                r.Delivered = true;
                return Task.FromResult(true);
            }

            return Task.FromResult(false);
        }
    }

    public Task ReleaseAsync(ClaimedOutboxMessage message, DateTimeOffset retryAt, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_outbox.TryGetValue(message.Message.Id, out var r) && r.ClaimToken == message.ClaimToken)
            {
                r.ClaimToken = null;
                r.Message = r.Message with { NotBefore = retryAt, Attempts = r.Message.Attempts + 1 };
            }
        }

        return Task.CompletedTask;
    }

    // ---- settings
    Task<Versioned<string>?> ISettingsStore.GetAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_settings.TryGetValue(key, out var v) ? new Versioned<string>(v.Value, v.ETag) : null);
        }
    }

    Task<string> ISettingsStore.SaveAsync(string key, string value, string? etag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var exists = _settings.TryGetValue(key, out var current);
            if ((etag is null && exists) || (etag is not null && (!exists || current.ETag != etag)))
            {
                throw new ConcurrencyConflictException();
            }

            var next = NextETag();
            _settings[key] = (value, next);
            return Task.FromResult(next);
        }
    }

    Task<bool> ISettingsStore.DeleteAsync(string key, string etag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_settings.Remove(key));
        }
    }

    async IAsyncEnumerable<(string Key, Versioned<string> Value)> ISettingsStore.ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<(string, Versioned<string>)> list;
        lock (_gate)
        {
            list = [.. _settings.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => (kv.Key, new Versioned<string>(kv.Value.Value, kv.Value.ETag)))];
        }

        foreach (var item in list)
        {
            await Task.Yield();
            yield return item;
        }
    }

    // ---- teams
    Task<Versioned<TeamRecord>?> ITeamStore.GetAsync(string organisationId, string teamId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_teams.TryGetValue((organisationId, teamId), out var t) ? new Versioned<TeamRecord>(t.Value, t.ETag) : null);
        }
    }

    Task<string> ITeamStore.SaveAsync(TeamRecord team, string? etag, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            var key = (team.OrganisationId, team.TeamId);
            var exists = _teams.TryGetValue(key, out var current);
            if ((etag is null && exists) || (etag is not null && (!exists || current.ETag != etag)))
            {
                throw new ConcurrencyConflictException();
            }

            var next = NextETag();
            _teams[key] = (team, next);
            return Task.FromResult(next);
        }
    }

    Task<bool> ITeamStore.DeleteAsync(string organisationId, string teamId, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return Task.FromResult(_teams.Remove((organisationId, teamId)));
        }
    }

    async IAsyncEnumerable<Versioned<TeamRecord>> ITeamStore.ListAsync(string organisationId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<Versioned<TeamRecord>> list;
        lock (_gate)
        {
            list = [.. _teams.Where(kv => kv.Key.Item1 == organisationId).Select(kv => new Versioned<TeamRecord>(kv.Value.Value, kv.Value.ETag))];
        }

        foreach (var t in list)
        {
            await Task.Yield();
            yield return t;
        }
    }
}
