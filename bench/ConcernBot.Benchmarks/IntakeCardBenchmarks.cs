using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using ConcernBot.Concerns;
using ConcernBot.Conversation;
using ConcernBot.Intake;
using ConcernBot.Intake.Cards;

namespace ConcernBot.Benchmarks;

/// <summary>The guided conversation's cards: a question with three buttons, the many-choice harm question, the receipt.</summary>
[MemoryDiagnoser]
public class IntakeCardBenchmarks
{
    private readonly IntakeCards _cards = new();
    private Prompt _yesNo = null!;
    private Prompt _harm = null!;

    [GlobalSetup]
    public void Setup()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en-GB");
        _yesNo = new Prompt { Step = "ongoing", Question = "Is it still happening?", Choices = IntakeChoices.YesNoDontKnow() };
        _harm = new Prompt
        {
            Step = "harm", Question = "What kind of harm might this be?", Choices = IntakeChoices.HarmKinds(), MultiSelect = true,
            Text = new TextAnswer("Kinds of harm", 500, false),
        };
    }

    [Benchmark(Description = "Question card, three buttons")]
    public JsonElement ThreeButtons() => _cards.Question(_yesNo);

    [Benchmark(Description = "Question card, harm kinds (multi-select with descriptions)")]
    public JsonElement HarmKinds() => _cards.Question(_harm);

    [Benchmark(Description = "Receipt card")]
    public JsonElement Receipt() => _cards.Receipt(new ReceiptFacts("SG-7K3-Q9P", Urgent: false, IdentityChoice.Named), ["Employee assistance: 0800 000 0000"]);
}
