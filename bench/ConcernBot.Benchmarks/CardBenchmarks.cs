using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ConcernBot.Welcome;

namespace ConcernBot.Benchmarks;

/// <summary>Building the cards a person sees, in their language.</summary>
[MemoryDiagnoser]
public class CardBenchmarks
{
    private readonly WelcomeCards _welcome = new();

    [GlobalSetup]
    public void Setup() => System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en-GB");

    [Benchmark(Description = "Welcome card")]
    public JsonElement Welcome() => _welcome.Welcome();
}
