using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;

namespace ConcernBot.LoadDriver;

internal sealed record LoadOptions
{
    public required Uri MessagesUrl { get; init; }
    public int Concurrency { get; init; } = 1;
    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(1);
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Stop starting conversations after this many (the smoke test); null: run for the duration.</summary>
    public int? Conversations { get; init; }

    /// <summary>Check that every conversation got a receipt with a concern reference (not the ceiling, which only echoes).</summary>
    public bool ExpectReceipt { get; init; } = true;

    /// <summary>Pause between a person's turns (±50 %), as people read and type; zero: the next turn at once (saturation).</summary>
    public TimeSpan ThinkTime { get; init; }

    /// <summary>Play only this many turns of each conversation (parking mid-flow); null: every turn.</summary>
    public int? TurnsPerConversation { get; init; }
}

internal sealed record TurnRoundTrips(int Number, string Turn, IReadOnlyDictionary<string, long> ByOperation)
{
    public long Total => ByOperation.Values.Sum();
}

internal sealed record LoadResult
{
    public int Concurrency { get; init; }
    public TimeSpan ThinkTime { get; init; }
    public long Turns { get; init; }
    public double Seconds { get; init; }
    public double TurnsPerSecond => Seconds > 0 ? Turns / Seconds : 0;
    public double P50Ms { get; init; }
    public double P95Ms { get; init; }
    public double P99Ms { get; init; }
    public double MaxMs { get; init; }
    public int ConversationsStarted { get; init; }
    public int ConversationsCompleted { get; init; }
    public int ConversationsWithReceipt { get; init; }
    public long Errors { get; init; }
    public IReadOnlyList<string> ErrorSamples { get; init; } = [];
    public long ConnectorCalls { get; init; }
    public long TurnsSent { get; init; }
    public IReadOnlyList<double> SubmitToLeadsCardMs { get; init; } = [];

    /// <summary>The submit turn's own latency (the concern stored, the receipt answered), apart from the other turns.</summary>
    public double SubmitP50Ms { get; init; }

    public double SubmitP99Ms { get; init; }

    public int SubmitTurns { get; init; }

    /// <summary>Each turn of the walk on its own (the n-th message of every conversation): p50 and p99 in ms.</summary>
    public IReadOnlyList<(double P50Ms, double P99Ms, int Count)> ByTurn { get; init; } = [];

    public string Summary() => string.Create(CultureInfo.InvariantCulture,
        $"c={Concurrency}{(ThinkTime > TimeSpan.Zero ? $" think {ThinkTime.TotalMilliseconds:F0}ms" : "")} turns={Turns} in {Seconds:F1}s = {TurnsPerSecond:F0}/s p50={P50Ms:F2}ms p95={P95Ms:F2}ms p99={P99Ms:F2}ms max={MaxMs:F1}ms conversations {ConversationsCompleted}/{ConversationsStarted} receipts={ConversationsWithReceipt} errors={Errors} connector calls/turn={(TurnsSent > 0 ? (double)ConnectorCalls / TurnsSent : 0):F2}");
}

/// <summary>
/// Plays conversations against a bot over HTTP: each worker runs one conversation at a time, turn after turn, each turn
/// waiting for the bot's 200 (its replies have reached the connector by then), as Teams does.
/// </summary>
internal sealed class LoadRun(LocalConnector connector, HttpClient http)
{
    private static long _runs;

    public static HttpClient CreateClient(int concurrency) => new(new SocketsHttpHandler
    {
        UseProxy = false,
        UseCookies = false,
        AutomaticDecompression = DecompressionMethods.None,
        MaxConnectionsPerServer = Math.Max(concurrency, 1) + 4,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        ConnectTimeout = TimeSpan.FromSeconds(10),
    })
    { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Plays one conversation slowly, resolving each press on the bot's real cards; returns the concrete turns.</summary>
    public async Task<IReadOnlyList<Turn>> DiscoverAsync(Uri messagesUrl, IReadOnlyList<Intent> script, bool expectReceipt, CancellationToken cancellationToken)
    {
        var tag = "discover-" + Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var log = connector.Register(Turn.ConversationIdFor(tag), keepBodies: true);
        var turns = new List<Turn>();
        var lastTurnStart = 0;
        try
        {
            for (var i = 0; i < script.Count; i++)
            {
                var turn = Turn.Resolve(script[i], connector.ServiceUrl, log.BodiesSince(lastTurnStart));
                var before = log.BodyCount;
                lastTurnStart = before;
                var status = await SendAsync(messagesUrl, turn.For(tag, i), cancellationToken);
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Turn {i + 1} ({script[i]}) answered {(int)status}.");
                }

                if (log.BodyCount == before)
                {
                    throw new InvalidOperationException($"Turn {i + 1} ({script[i]}) got no reply.");
                }

                if (script[i].Expect is { } expect && !log.BodiesSince(before).Any(b => Says(b, expect)))
                {
                    throw new InvalidOperationException($"Turn {i + 1} ({script[i]}): the bot did not ask \"{expect}\". It said: {string.Join(" | ", log.BodiesSince(before).Select(System.Text.Encoding.UTF8.GetString))}");
                }

                turns.Add(turn);
            }

            if (expectReceipt && log.Reference is null)
            {
                throw new InvalidOperationException("The walk-through ended without a receipt carrying a concern reference.");
            }

            return turns;
        }
        finally
        {
            connector.Forget(Turn.ConversationIdFor(tag));
        }
    }

    /// <summary>Whether a reply activity's JSON carries these words (in its text or on its card), apostrophes and all.</summary>
    private static bool Says(byte[] activityJson, string words) =>
        System.Text.Encoding.UTF8.GetString(activityJson).Replace("\\u0027", "'", StringComparison.Ordinal).Replace("\\u2019", "'", StringComparison.Ordinal)
            .Contains(words, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Plays one conversation a turn at a time and reads the host's storage round trips after each turn, once the
    /// work the turn set off in the background (the outbox, the leads' routing) has settled: what each turn costs.
    /// </summary>
    public async Task<IReadOnlyList<TurnRoundTrips>> TraceRoundTripsAsync(Uri messagesUrl, IReadOnlyList<Turn> turns, IReadOnlyList<Intent> script, Probe probe, CancellationToken cancellationToken)
    {
        var tag = "trace-" + Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        connector.Register(Turn.ConversationIdFor(tag), keepBodies: false);
        var trace = new List<TurnRoundTrips>(turns.Count);
        try
        {
            var before = await SettledAsync(probe);
            for (var i = 0; i < turns.Count; i++)
            {
                var status = await SendAsync(messagesUrl, turns[i].For(tag, i), cancellationToken);
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"Turn {i + 1} answered {(int)status} while tracing round trips.");
                }

                var after = await SettledAsync(probe);
                var byOperation = after
                    .Select(p => (p.Key, Count: p.Value - before.GetValueOrDefault(p.Key)))
                    .Where(p => p.Count > 0)
                    .OrderBy(p => p.Key, StringComparer.Ordinal)
                    .ToDictionary(p => p.Key, p => p.Count, StringComparer.Ordinal);
                trace.Add(new TurnRoundTrips(i + 1, script[i].ToString(), byOperation));
                before = after;
            }

            return trace;
        }
        finally
        {
            connector.Forget(Turn.ConversationIdFor(tag));
        }
    }

    /// <summary>The probe's counts once two reports in a row agree (at most 3 s): the host has gone quiet.</summary>
    private static async Task<Dictionary<string, long>> SettledAsync(Probe probe)
    {
        var last = await probe.RoundTripsByOperationAsync();
        for (var i = 0; i < 10; i++)
        {
            await Task.Delay(150);
            var next = await probe.RoundTripsByOperationAsync();
            if (next.Count == last.Count && next.All(p => last.GetValueOrDefault(p.Key) == p.Value))
            {
                return next;
            }

            last = next;
        }

        return last;
    }

    public async Task<LoadResult> RunAsync(LoadOptions options, IReadOnlyList<Turn> turns, CancellationToken cancellationToken)
    {
        var run = Interlocked.Increment(ref _runs).ToString(CultureInfo.InvariantCulture) + "-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
        var turnsPerConversation = Math.Min(options.TurnsPerConversation ?? turns.Count, turns.Count);
        var connectorBefore = connector.Requests;
        var leadsBefore = connector.OtherPosts.Count;
        var started = 0;
        var workers = new Worker[options.Concurrency];
        var clock = Stopwatch.StartNew();
        var windowStart = options.Conversations is null ? (long)(options.Warmup.TotalSeconds * Stopwatch.Frequency) : 0;
        var windowEnd = options.Conversations is null ? windowStart + (long)(options.Duration.TotalSeconds * Stopwatch.Frequency) : long.MaxValue;
        var origin = Stopwatch.GetTimestamp();

        bool TryStart(out int number)
        {
            number = Interlocked.Increment(ref started);
            if (options.Conversations is { } limit)
            {
                return number <= limit;
            }

            return Stopwatch.GetTimestamp() - origin < windowEnd;
        }

        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = new Worker(turns.Count);
        }

        await Task.WhenAll(workers.Select(worker => Task.Run(async () =>
        {
            while (TryStart(out var number))
            {
                var tag = $"bench-{run}-{number}";
                var conversationId = Turn.ConversationIdFor(tag);
                var log = connector.Register(conversationId, keepBodies: false);
                worker.Started++;
                var failed = false;
                long submitSentAt = 0;
                for (var i = 0; i < turnsPerConversation && !failed; i++)
                {
                    var body = turns[i].For(tag, i);
                    var t0 = Stopwatch.GetTimestamp();
                    try
                    {
                        var status = await SendAsync(options.MessagesUrl, body, cancellationToken);
                        if (status != HttpStatusCode.OK)
                        {
                            worker.Fail($"turn {i + 1} answered {(int)status}");
                            failed = true;
                        }
                    }
                    catch (HttpRequestException ex)
                    {
                        worker.Fail($"turn {i + 1}: {ex.Message}");
                        failed = true;
                    }
                    catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
                    {
                        worker.Fail($"turn {i + 1} timed out");
                        failed = true;
                    }

                    var t1 = Stopwatch.GetTimestamp();
                    worker.Sent++;
                    if (i == turns.Count - 1)
                    {
                        submitSentAt = t0;
                    }

                    var at = t1 - origin;
                    if (!failed && at >= windowStart && at <= windowEnd)
                    {
                        worker.Latencies.Add(t1 - t0);
                        worker.ByTurn[i].Add(t1 - t0);
                        if (i == turns.Count - 1)
                        {
                            worker.SubmitLatencies.Add(t1 - t0);
                        }
                    }

                    if (options.ThinkTime > TimeSpan.Zero && !failed && i < turnsPerConversation - 1)
                    {
                        await Task.Delay(options.ThinkTime * (0.5 + Random.Shared.NextDouble()), cancellationToken);
                    }
                }

                if (!failed)
                {
                    worker.Completed++;
                    if (options.TurnsPerConversation is null && options.ExpectReceipt)
                    {
                        if (log.Reference is { } reference)
                        {
                            worker.Receipts++;
                            worker.Submitted.Add((reference, submitSentAt));
                        }
                        else
                        {
                            worker.Fail("no receipt with a concern reference after submit");
                        }
                    }
                }

                connector.Forget(conversationId);
            }
        }, cancellationToken)));

        var elapsed = clock.Elapsed;
        var latencies = workers.SelectMany(w => w.Latencies).ToArray();
        Array.Sort(latencies);
        var submits = workers.SelectMany(w => w.SubmitLatencies).ToArray();
        Array.Sort(submits);
        var seconds = options.Conversations is null ? options.Duration.TotalSeconds : elapsed.TotalSeconds;
        var leadsCards = await LeadsCardLatenciesAsync(workers.SelectMany(w => w.Submitted).ToList(), leadsBefore, cancellationToken);

        return new LoadResult
        {
            Concurrency = options.Concurrency,
            ThinkTime = options.ThinkTime,
            Turns = latencies.Length,
            Seconds = seconds,
            P50Ms = Percentile(latencies, 0.50),
            P95Ms = Percentile(latencies, 0.95),
            P99Ms = Percentile(latencies, 0.99),
            MaxMs = latencies.Length == 0 ? 0 : ToMs(latencies[^1]),
            SubmitP50Ms = Percentile(submits, 0.50),
            SubmitP99Ms = Percentile(submits, 0.99),
            SubmitTurns = submits.Length,
            ByTurn = Enumerable.Range(0, turns.Count).Select(i =>
            {
                var these = workers.SelectMany(w => w.ByTurn[i]).ToArray();
                Array.Sort(these);
                return (Percentile(these, 0.50), Percentile(these, 0.99), these.Length);
            }).ToList(),
            ConversationsStarted = workers.Sum(w => w.Started),
            ConversationsCompleted = workers.Sum(w => w.Completed),
            ConversationsWithReceipt = workers.Sum(w => w.Receipts),
            Errors = workers.Sum(w => w.Errors),
            ErrorSamples = workers.SelectMany(w => w.ErrorSamples).Distinct().Take(5).ToList(),
            ConnectorCalls = connector.Requests - connectorBefore,
            TurnsSent = workers.Sum(w => w.Sent),
            SubmitToLeadsCardMs = leadsCards,
        };
    }

    /// <summary>Joins each submit with the leads' card that names its concern (waiting up to 2 s for stragglers).</summary>
    private async Task<IReadOnlyList<double>> LeadsCardLatenciesAsync(List<(string Reference, long SentAt)> submitted, int leadsBefore, CancellationToken cancellationToken)
    {
        if (submitted.Count == 0)
        {
            return [];
        }

        var deadline = Stopwatch.GetTimestamp() + 2 * Stopwatch.Frequency;
        Dictionary<string, long> arrivals;
        do
        {
            arrivals = connector.OtherPosts.Skip(leadsBefore).Where(p => p.Reference is not null)
                .GroupBy(p => p.Reference!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Min(p => p.ArrivedAt), StringComparer.Ordinal);
            if (arrivals.Count == 0 && connector.OtherPosts.Count == leadsBefore)
            {
                // No routing at all (nothing but the driver's own conversations was posted to): not measurable.
                await Task.Delay(200, cancellationToken);
                if (connector.OtherPosts.Count == leadsBefore)
                {
                    return [];
                }
            }

            if (submitted.All(s => arrivals.ContainsKey(s.Reference)))
            {
                break;
            }

            await Task.Delay(50, cancellationToken);
        }
        while (Stopwatch.GetTimestamp() < deadline);

        return submitted.Where(s => arrivals.ContainsKey(s.Reference)).Select(s => ToMs(arrivals[s.Reference] - s.SentAt)).Order().ToList();
    }

    private async Task<HttpStatusCode> SendAsync(Uri url, byte[] body, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(url, content, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        return response.StatusCode;
    }

    public static double Percentile(long[] sortedTicks, double p) =>
        sortedTicks.Length == 0 ? 0 : ToMs(sortedTicks[Math.Min(sortedTicks.Length - 1, (int)Math.Ceiling(p * sortedTicks.Length) - 1)]);

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;

    private sealed class Worker(int turns)
    {
        public List<long> Latencies { get; } = new(4096);

        /// <summary>The latencies of each turn of the walk apart.</summary>
        public List<long>[] ByTurn { get; } = Enumerable.Range(0, turns).Select(_ => new List<long>()).ToArray();

        /// <summary>The submit turns alone (store the concern, answer with the receipt).</summary>
        public List<long> SubmitLatencies { get; } = [];
        public List<(string, long)> Submitted { get; } = [];
        public List<string> ErrorSamples { get; } = [];
        public int Started { get; set; }
        public int Completed { get; set; }
        public int Receipts { get; set; }
        public long Sent { get; set; }
        public long Errors { get; private set; }

        public void Fail(string why)
        {
            Errors++;
            if (ErrorSamples.Count < 3)
            {
                ErrorSamples.Add(why);
            }
        }
    }
}
