using ConcernBot.Conversation;

namespace ConcernBot.Intake;

/// <summary>
/// "Did you mean A or B?": when a typed answer could be either of two choices (or, on a safety question, is not plain),
/// just those are offered. Pressing one answers the question; a typed reply is read against them first.
/// </summary>
internal sealed partial class IntakeConversation
{
    /// <summary>The card's field on "something else: show me all the answers".</summary>
    public const string ShowAllField = "showall";

    private void AskWhich(TurnPlan plan, FlowStep<IntakeDraft> step, IReadOnlyList<Choice> candidates)
    {
        var draft = plan.Draft!;
        draft.Clarifying = new IntakeClarifying(step.Name, [.. candidates.Select(c => c.Value)]);
        plan.Show(cards.DidYouMean(step.Name, candidates, step.Prompt(draft).Simple));
    }

    /// <summary>
    /// A typed reply to "Did you mean...?": "yes" takes the one offered, "no" shows all the answers again (null), and a
    /// number or words that plainly fit one of those offered take it. Anything else is read as an answer to the question.
    /// </summary>
    private static StepInput? Narrow(FlowStep<IntakeDraft> step, IntakeDraft draft, IntakeClarifying clarifying, StepInput input)
    {
        var offered = step.Prompt(draft).Choices;
        var candidates = clarifying.Values.Select(v => offered.FirstOrDefault(c => c.Value == v)).OfType<Choice>().ToList();
        if (candidates.Count == 0)
        {
            return input;
        }

        if (candidates.Count == 1 && IntakePhrases.IsYes(input.Text) is { } yes)
        {
            return yes ? new StepInput { Choice = candidates[0].Value } : null;
        }

        var reading = ChoiceMatcher.Read(input.Text, candidates);
        return reading is { Kind: ReadingKind.Clear, Best: { } picked } ? new StepInput { Choice = picked.Value } : input;
    }
}
