using System.Globalization;
using ConcernBot.Conversation;
using ConcernBot.Intake;
using ConcernBot.Testing;
using ConcernBot.Tests.Cards;
using Xunit.Abstractions;

namespace ConcernBot.Tests.Conversation;

/// <summary>
/// Every typed answer in TypedAnswers.tsv, read as the intake reads it (the step's own choices, safety rules and all): at
/// least 95% must come out as expected, and no safety question may take a wrong answer without asking.
/// </summary>
public sealed class TypedAnswerCorpusTests(ITestOutputHelper output) : IDisposable
{
    private const double Required = 0.95;
    private readonly IntakeData _data = new();

    [Fact]
    public void The_corpus_of_typed_answers_is_understood_and_no_safety_answer_is_taken_wrongly()
    {
        using var host = TestHost.Intake(_data);
        var flow = host.Get<IntakeFlow>().Flow;
        var rows = Rows();
        var byStep = new SortedDictionary<string, (int Right, int All)>(StringComparer.Ordinal);
        var wrong = new List<string>();
        var unsafeAnswers = new List<string>();
        foreach (var (step, typed, expected) in rows)
        {
            var flowStep = flow.Find(step) ?? throw new InvalidOperationException($"No step '{step}' in the flow.");
            var draft = new IntakeDraft { AtRisk = Concerns.PersonAtRiskKind.AdultAtRisk };
            var prompt = flowStep.Prompt(draft);
            Assert.NotEmpty(prompt.Choices);
            var input = new StepInput { Text = typed, Typed = true };
            var understood = Ask.Understand(step, input, prompt.Choices, prompt.MultiSelect);
            var result = flowStep.Accept(input, draft);
            Assert.Equal(understood.Picked.Count > 0, result.Accepted);

            var got = understood.Picked.Count > 0 ? string.Join("+", understood.Picked.Select(c => c.Value).Order(StringComparer.Ordinal))
                : understood.Unsure.Count > 0 ? "confirm"
                : "ask-again";
            var meant = expected.StartsWith("confirm:", StringComparison.Ordinal) ? expected["confirm:".Length..] : null;
            var wanted = Normalise(expected);
            var right = got == wanted || (wanted == "confirm" && meant is not null && got == Normalise(meant));
            var counts = byStep.GetValueOrDefault(step);
            byStep[step] = (counts.Right + (right ? 1 : 0), counts.All + 1);
            if (!right)
            {
                var unsure = string.Join(" / ", understood.Unsure.Select(c => c.Value));
                wrong.Add($"{step}: \"{typed}\" expected {expected}, got {got} {unsure}");
            }

            var tookWrong = understood.Picked.Count > 0 && got != Normalise(meant ?? expected);
            if (StepNames.IsSafety(step) && tookWrong)
            {
                unsafeAnswers.Add($"{step}: \"{typed}\" was taken as {got} (expected {expected})");
            }
        }

        foreach (var (step, (right, all)) in byStep)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{step,-20} {right,3}/{all,-3} {100.0 * right / all,5:0.0}%{(StepNames.IsSafety(step) ? "  (safety)" : "")}"));
        }

        var total = byStep.Values.Sum(v => v.Right);
        var accuracy = (double)total / rows.Count;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"overall",-20} {total,3}/{rows.Count,-3} {100 * accuracy,5:0.0}%"));
        foreach (var line in wrong)
        {
            output.WriteLine("  " + line);
        }

        Assert.True(rows.Count >= 300, $"The corpus has {rows.Count} answers; it should have at least 300.");
        Assert.Empty(unsafeAnswers);
        Assert.True(accuracy >= Required, string.Create(CultureInfo.InvariantCulture, $"{100 * accuracy:0.0}% understood; at least {100 * Required:0}% should be.\n{string.Join("\n", wrong)}"));
    }

    [Fact]
    public void The_corpus_covers_every_question_with_buttons_on_both_paths()
    {
        using var host = TestHost.Intake(_data);
        var flow = host.Get<IntakeFlow>().Flow;
        var covered = Rows().Select(r => r.Step).ToHashSet(StringComparer.Ordinal);
        var draft = new IntakeDraft { AtRisk = Concerns.PersonAtRiskKind.AdultAtRisk };

        // The service question is only asked with several services, and which lead takes a typed name as it is.
        var withButtons = flow.Steps
            .Where(s => s.Name is not (StepNames.Service or StepNames.WhichLead) && s.Prompt(draft) is { Choices.Count: > 0, Text: null or { } } p && (p.Text is null || p.MultiSelect))
            .Select(s => s.Name);
        Assert.All(withButtons, step => Assert.Contains(step, covered));
    }

    private static string Normalise(string expected) =>
        expected.StartsWith("confirm", StringComparison.Ordinal) ? "confirm"
        : expected.Contains('+', StringComparison.Ordinal) ? string.Join("+", expected.Split('+').Order(StringComparer.Ordinal)) : expected;

    private static List<(string Step, string Typed, string Expected)> Rows() =>
        [.. File.ReadLines(Path.Combine(RepositoryRoot.Find(), "tests", "ConcernBot.Tests", "Conversation", "TypedAnswers.tsv"))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('\t'))
            .Select(parts => parts.Length == 3 ? (parts[0], parts[1], parts[2]) : throw new InvalidOperationException($"Not step, typed, expected: {string.Join(" | ", parts)}"))];

    public void Dispose() => _data.Dispose();
}
