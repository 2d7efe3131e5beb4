using ConcernBot.Conversation;
using ConcernBot.Intake.Cards;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Channels.Activities;

namespace ConcernBot.Intake;

internal sealed partial class IntakeConversation
{
    private void Command(TurnPlan plan, string command)
    {
        var draft = plan.Draft!;
        draft.PendingConfirm = null;
        draft.Paused = false;
        switch (command)
        {
            case ConversationCommand.Help:
                plan.Say(plan.Step switch
                {
                    StepNames.Review => IntakeText.ReviewWhy,
                    StepNames.Form => IntakeText.FormWhy,
                    _ => Flow.Find(plan.Step)?.Why ?? IntakeText.ReviewWhy,
                });
                // The question is still on screen just above: only the why, not the whole card again.
                break;
            case ConversationCommand.Back:
                Back(plan);
                break;
            case ConversationCommand.Pause:
                Pause(plan);
                break;
            default:
                draft.PendingConfirm = command;
                plan.Show(cards.Confirm(command));
                break;
        }
    }

    private void Back(TurnPlan plan)
    {
        var draft = plan.Draft!;
        if (draft.History.Count == 0)
        {
            plan.Say(IntakeText.BackAtStart);
            Prompt(plan);
            return;
        }

        var previous = draft.History[^1];
        draft.History.RemoveAt(draft.History.Count - 1);
        if (previous == StepNames.Review || previous == draft.ReturnTo)
        {
            draft.ChangingSection = null;
            draft.ReturnTo = null;
        }

        plan.Step = previous;
        Prompt(plan);
    }

    private void Confirm(TurnPlan plan, bool yes)
    {
        var draft = plan.Draft!;
        var pending = draft.PendingConfirm;
        draft.PendingConfirm = null;
        if (!yes)
        {
            draft.Paused = false;
            plan.Say(IntakeText.ConfirmKeptGoing);
            Prompt(plan);
        }
        else if (pending == ConversationCommand.Cancel)
        {
            plan.Clear();
            plan.Say(IntakeText.Cancelled);
        }
        else
        {
            plan.Say(IntakeText.StartingAgain);
            Start(plan);
        }
    }

    /// <summary>The question a section's Change button goes back to; null when the section has none on this track.</summary>
    private string? ChangeTarget(IntakeDraft draft, string section) =>
        draft.Track == IntakeTrack.Form ? StepNames.Form : Flow.FirstOf(section, Tracks.Of(draft));

    private void Change(TurnPlan plan, string section)
    {
        var draft = plan.Draft!;
        var target = ChangeTarget(draft, section);
        if (target is null)
        {
            Prompt(plan);
            return;
        }

        draft.History.Add(StepNames.Review);
        draft.ChangingSection = target == StepNames.Form ? null : section;
        plan.Step = target;
        Prompt(plan);
    }

    /// <summary>
    /// The question an older card's button belongs to, when going back to it still makes sense: answered before on this
    /// track, and not the question on screen. Null otherwise (the button is refused as stale).
    /// </summary>
    private string? CanReopen(TurnPlan plan, string? step)
    {
        var draft = plan.Draft!;
        return step is not null && step != plan.Step && draft.PendingConfirm is null && plan.Step != StepNames.Form
            && draft.History.Contains(step) && Flow.Find(step) is { } found && (found.Track is null || found.Track == Tracks.Of(draft))
            ? found.Name
            : null;
    }

    /// <summary>Like "change" on the review, but from anywhere: back to that question, later answers kept, then on from where they were.</summary>
    private void Reopen(TurnPlan plan, string step)
    {
        var draft = plan.Draft!;
        draft.History.Add(plan.Step!);
        draft.ReturnTo = plan.Step == StepNames.Review ? null : plan.Step;
        draft.ChangingSection = Flow.Find(step)!.Section;
        plan.Step = step;
        plan.Say(IntakeText.StaleReopened);
        Prompt(plan);
    }

    private void SubmitForm(TurnPlan plan, UserAction action)
    {
        var draft = plan.Draft!;
        var problems = FormReader.Read(action, draft);
        var danger = FormReader.DangerAnswer(action);
        if (danger is nameof(Concerns.Answer.Yes) or nameof(Concerns.Answer.DontKnow))
        {
            // As the guided path does after "Yes" or "I'm not sure": help first, whatever else the form still needs.
            plan.Say(settings.EmergencyAdvice);
        }

        if (problems.Count > 0)
        {
            plan.Say(IntakeText.FormHasProblems);
            plan.Show(cards.Form(draft, problems, settings.LeadNamesFor(draft), danger));
            return;
        }

        draft.History.Add(StepNames.Form);
        plan.Step = StepNames.Review;
        Prompt(plan);
    }

    /// <summary>The form's own answer on danger when it was sent before (back from its review); none when it is new.</summary>
    private static string? FormDanger(IntakeDraft draft) =>
        !draft.History.Contains(StepNames.Form) ? null : draft.ImmediateDanger switch
        {
            true => nameof(Concerns.Answer.Yes),
            false => nameof(Concerns.Answer.No),
            null => nameof(Concerns.Answer.DontKnow),
        };

    private async Task SubmitAsync(TurnPlan plan, Activity activity, CancellationToken cancellationToken)
    {
        var draft = plan.Draft!;
        if (draft.Identity is null)
        {
            draft.History.Add(StepNames.Review);
            plan.Step = draft.Track == IntakeTrack.Simple ? StepNames.SimpleKnown : draft.Track == IntakeTrack.Form ? StepNames.Form : StepNames.Known;
            plan.Say(IntakeText.SubmitNeedsIdentity);
            Prompt(plan);
            return;
        }

        var submitted = await submission.SubmitAsync(draft, activity, plan.Facts, cancellationToken);
        plan.Clear(forget: draft.Identity == Concerns.IdentityChoice.Anonymous);
        if (!submitted.Stored)
        {
            // Sent before (the state save or the reply was cut off): the same answer, and nothing new stored.
            plan.Say(Words.Format(IntakeText.AlreadyReceived, submitted.Reference));
        }

        plan.DeliverNow = submitted.ReceiptId;
    }
}
