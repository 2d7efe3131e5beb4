using System.Globalization;
using ConcernBot.Concerns;
using ConcernBot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace ConcernBot.LoadDriver;

/// <summary>
/// Fills a store with made-up concerns through the store API (IConcernStore, as the host wires it), so a run can show
/// whether the cost of a turn grows with the store. They belong to the tenant the driver's conversations come from.
/// </summary>
internal static class Seeder
{
    private const string Alphabet = "234679ACDEFGHJKMNPQRTUVWXYZ";

    public static async Task SeedAsync(IReadOnlyDictionary<string, string> settings, int count, CancellationToken cancellationToken)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.ToDictionary(s => s.Key.Replace("__", ":", StringComparison.Ordinal), s => (string?)s.Value))
            .Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IHostEnvironment>(new SeedEnvironment());
        services.AddConcernStorage(configuration);
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IStorageSchema>().EnsureCreatedAsync(cancellationToken);
        var store = provider.GetRequiredService<IConcernStore>();

        var now = DateTimeOffset.UtcNow;
        var next = -1;
        // SQLite takes one writer at a time (more only wait on its lock); the table service takes several.
        var writers = settings.GetValueOrDefault("Storage__Provider") == "AzureTables" ? 8 : 1;
        await Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var receivedAt = now.AddMinutes(-30 - (i * 50L % 525_600));
                await store.CreateAsync(Concern(i, receivedAt, now), new AuditEntry { Actor = "Seeded for the benchmark", At = receivedAt, Action = "Concern received" }, [], cancellationToken);
            }
        }, cancellationToken)));
    }

    /// <summary>
    /// Three in four closed; the rest acknowledged and in progress with their next deadline weeks ahead, so nothing falls
    /// due during a run (an overdue backlog would set the leads' escalation going, which is another benchmark).
    /// </summary>
    private static Concern Concern(int i, DateTimeOffset receivedAt, DateTimeOffset now)
    {
        var open = i % 4 == 0;
        return new Concern
        {
            Id = "seed-" + i.ToString("D7", CultureInfo.InvariantCulture),
            Reference = Reference(i),
            OrganisationId = "tenant-bench",
            ReceivedAt = receivedAt,
            Status = open ? (i % 8 == 0 ? ConcernStatus.Acknowledged : ConcernStatus.InProgress) : ConcernStatus.Closed,
            AcknowledgedAt = receivedAt.AddHours(1),
            NextDeadline = open ? now.AddDays(14 + (i % 28)) : null,
            ClosedAt = open ? null : receivedAt.AddDays(3),
            Reporter = ReporterIdentity.Anonymous(null),
            ReporterReference = i % 3 == 0 ? null : "reporter-" + (i % 500).ToString(CultureInfo.InvariantCulture),
            PersonAtRisk = new PersonAtRisk { Kind = PersonAtRiskKind.AdultAtRisk, Description = "A made-up person for the benchmark" },
            Account = new IncidentAccount { WhatHappened = Scripts.Account, Where = "The lounge on the first floor", StillHappening = Answer.No },
            HarmKinds = [HarmKind.Physical],
        };
    }

    /// <summary>SG-XXX-XXX from the number: unique for fewer than 27^6 seeds.</summary>
    private static string Reference(int i)
    {
        Span<char> code = stackalloc char[6];
        for (var d = 5; d >= 0; d--)
        {
            code[d] = Alphabet[i % Alphabet.Length];
            i /= Alphabet.Length;
        }

        return $"SG-{code[..3]}-{code[3..]}";
    }

    private sealed class SeedEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = Environments.Production;
        public string ApplicationName { get; set; } = "ConcernBot.LoadDriver";
        public string ContentRootPath { get; set; } = Directory.GetCurrentDirectory();
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
