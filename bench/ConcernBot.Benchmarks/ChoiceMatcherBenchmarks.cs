using System.Globalization;
using BenchmarkDotNet.Attributes;
using ConcernBot.Conversation;
using ConcernBot.Intake;

namespace ConcernBot.Benchmarks;

/// <summary>Reading a typed answer against the buttons (it runs on every typed message): a yes/no, the harm list, a long message.</summary>
[MemoryDiagnoser]
public class ChoiceMatcherBenchmarks
{
    private const string Long = "I'm not completely sure what to call it but at about four o'clock I saw one of the carers grab Mr Jones by the wrist, "
        + "pull him out of the chair and shout at him, and his daughter says money has gone missing from his room more than once";

    private IReadOnlyList<Choice> _danger = null!;
    private IReadOnlyList<Choice> _harm = null!;

    [GlobalSetup]
    public void Setup()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        _danger = IntakeChoices.Danger();
        _harm = IntakeChoices.HarmKinds();
        _ = ChoiceMatcher.Read("no", _danger);
        _ = ChoiceMatcher.Read("no", _harm, many: true);
    }

    [Benchmark(Description = "Read: 'no, nobody is in danger right now' (danger)")]
    public ChoiceReading Danger() => ChoiceMatcher.Read("no, nobody is in danger right now", _danger);

    [Benchmark(Description = "Read: 'hitting and taking money' (harm, several)")]
    public ChoiceReading Harm() => ChoiceMatcher.Read("hitting and taking money", _harm, many: true);

    [Benchmark(Description = "Read: a long account typed at the harm question")]
    public ChoiceReading LongAccount() => ChoiceMatcher.Read(Long, _harm, many: true);
}
