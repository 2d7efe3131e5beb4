using System.Globalization;
using ConcernBot.Anonymity;
using ConcernBot.Conversation;
using ConcernBot.Intake.Cards;
using IntakeText = ConcernBot.Resources.Intake;
using ConcernBot.Storage;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Welcome;

namespace ConcernBot.Intake;

/// <summary>
/// One turn of the guided conversation: reads what the person typed or pressed against where they are, and plans the
/// next state and replies. Questions come from the flow; "help", "back", "pause", "cancel" and "start again" work at
/// every step; the review, the one form and submit are handled here.
/// </summary>
internal sealed partial class IntakeConversation(
    IntakeFlow script, IntakeCards cards, IntakeSettings settings, IntakeSubmission submission, ChatLinks chats, Evidence.EvidenceReception evidence, TimeProvider time)
{
    public const string FlowName = "intake";

    /// <summary>The card's field saying its inputs answer several questions at once.</summary>
    public const string TogetherField = "together";

    private Flow<IntakeDraft> Flow => script.Flow;

    /// <summary>The plan for this turn; null when the turn is not for the intake (another feature may take it).</summary>
    public async Task<TurnPlan?> PlanAsync(ConversationState state, Activity activity, TurnFacts facts, UserAction? action, CancellationToken cancellationToken)
    {
        var draft = state.Flow == FlowName ? IntakeDraft.From(state.Data) : null;
        var plan = new TurnPlan(draft, draft is null ? null : state.Step, facts) { DisplayName = activity.From?.Name };
        if (action is null)
        {
            return await PlanTypedAsync(plan, activity, cancellationToken);
        }

        if (draft is null)
        {
            if (action.Verb is IntakeVerbs.Start or IntakeVerbs.Restart)
            {
                Start(plan);
            }
            else
            {
                await AfterTheDraftAsync(plan, activity, action, cancellationToken);
            }

            return plan;
        }

        if (draft.Paused && action.Verb is not (IntakeVerbs.Resume or IntakeVerbs.Restart or IntakeVerbs.Command or IntakeVerbs.Confirm))
        {
            OfferResume(plan);
            return plan;
        }

        switch (action.Verb)
        {
            case IntakeVerbs.Start:
                OfferResume(plan);
                break;
            case IntakeVerbs.Resume:
                draft.Paused = false;
                plan.Say(IntakeText.WelcomeBack);
                Prompt(plan);
                break;
            case IntakeVerbs.Restart:
                Start(plan);
                break;
            case IntakeVerbs.LanguageChosen:
                // The language was changed in the middle of a concern (LanguageHandler): the same question, in it.
                Prompt(plan);
                break;
            case IntakeVerbs.Command when action.GetString("command") is { } command && ConversationCommand.IsKnown(command):
                Command(plan, command);
                break;
            case IntakeVerbs.Confirm when draft.PendingConfirm is not null:
                Confirm(plan, action.GetString("answer") == "yes");
                break;
            case IntakeVerbs.Answer when action.GetString("step") == plan.Step && draft.PendingConfirm is null && action.IsTrue(ShowAllField):
                Prompt(plan, afterMiss: true);
                break;
            case IntakeVerbs.Answer when action.GetString("step") == plan.Step && draft.PendingConfirm is null:
                Answer(plan, CardInput(action));
                break;
            case IntakeVerbs.Change when plan.Step == StepNames.Review && action.GetString("section") is { } section:
                Change(plan, section);
                break;
            case IntakeVerbs.Submit when plan.Step == StepNames.Review:
                await SubmitAsync(plan, activity, cancellationToken);
                break;
            case IntakeVerbs.SubmitForm when plan.Step == StepNames.Form:
                SubmitForm(plan, action);
                break;
            case IntakeVerbs.Answer when CanReopen(plan, action.GetString("step")) is { } earlier:
                Reopen(plan, earlier);
                break;
            default:
                draft.PendingConfirm = null;
                plan.Say(IntakeText.StaleCard);
                Prompt(plan);
                break;
        }

        return plan;
    }

    private async Task<TurnPlan?> PlanTypedAsync(TurnPlan plan, Activity activity, CancellationToken cancellationToken)
    {
        var raw = activity.Text;
        var text = string.IsNullOrWhiteSpace(raw) ? null : raw.Trim();
        var normalised = MessageText.Normalise(text);
        var draft = plan.Draft;
        if (draft is null)
        {
            if (IntakePhrases.IsStart(normalised))
            {
                Start(plan);
                return plan;
            }

            // "send" again after sending: the same answer as the first time, if this chat sent a concern.
            return IntakePhrases.IsSubmit(normalised) && await SentFromThisChatAsync(activity, cancellationToken) is [.., var latest]
                ? AlreadyReceived(plan, latest)
                : null;
        }

        if (draft.Paused)
        {
            OfferResume(plan);
        }
        else if (Greetings.IsGreeting(normalised))
        {
            // "hi" shows the welcome card; the draft waits where it is.
            return null;
        }
        else if (draft.PendingConfirm is not null)
        {
            if (IntakePhrases.IsYes(normalised) is { } yes)
            {
                Confirm(plan, yes);
            }
            else
            {
                plan.Say(IntakeText.ConfirmTypedHint);
                plan.Show(cards.Confirm(draft.PendingConfirm));
            }
        }
        else if (ConversationCommand.FromText(normalised) is { } command)
        {
            Command(plan, command);
        }
        else if (plan.Step == StepNames.Review)
        {
            if (IntakePhrases.IsSubmit(normalised))
            {
                await SubmitAsync(plan, activity, cancellationToken);
            }
            else
            {
                plan.Say(IntakeText.ReviewTypedHint);
            }
        }
        else if (plan.Step == StepNames.Form)
        {
            plan.Say(IntakeText.FormTypedHint);
        }
        else if (IntakePhrases.IsStart(normalised) && Flow.Find(plan.Step)?.Prompt(draft) is { } prompt && (prompt.Text is null || (prompt.Choices.Count == 0 && IntakePhrases.IsOnlyStart(normalised))))
        {
            if (prompt.Text is null)
            {
                OfferResume(plan);
            }
            else
            {
                plan.Show(cards.StartOrAnswer(plan.Step!, text!));
            }
        }
        else
        {
            Answer(plan, new StepInput { Text = text, Typed = true });
        }

        return plan;
    }

    /// <summary>
    /// A button pressed once the draft is gone. Submit on a review card whose concern this chat sent answers as the first
    /// press did (and makes sure the receipt goes); any other button says kindly why it does nothing now.
    /// </summary>
    private async Task AfterTheDraftAsync(TurnPlan plan, Activity activity, UserAction action, CancellationToken cancellationToken)
    {
        var sent = await SentFromThisChatAsync(activity, cancellationToken);
        var draftId = action.GetString("draft");
        var submitted = action.Verb != IntakeVerbs.Submit || sent.Count == 0 ? null
            : draftId is null ? sent[^1]
            : sent.FirstOrDefault(l => l.ConcernId == IntakeSubmission.ConcernIdFor(draftId));
        if (submitted is not null)
        {
            AlreadyReceived(plan, submitted);
        }
        else if (sent.Count > 0)
        {
            plan.Say(Words.Format(IntakeText.StaleAfterSent, sent[^1].Reference));
        }
        else
        {
            plan.Say(IntakeText.StaleEnded);
        }
    }

    private static TurnPlan AlreadyReceived(TurnPlan plan, ChatLink sent)
    {
        plan.Say(Words.Format(IntakeText.AlreadyReceived, sent.Reference));
        plan.DeliverNow = ReporterReceipt.MessageIdFor(sent.ConcernId);
        return plan;
    }

    /// <summary>The concerns this chat sent, oldest first (the chat's sealed links); none without a conversation.</summary>
    private async Task<IReadOnlyList<ChatLink>> SentFromThisChatAsync(Activity activity, CancellationToken cancellationToken) =>
        activity.Conversation?.Id is { } conversationId ? (await chats.GetAsync(conversationId, cancellationToken)).Links : [];

    private void Start(TurnPlan plan)
    {
        plan.Draft = new IntakeDraft { Id = ConcernReference.NewDraftId(), Reference = ConcernReference.New(), StartedAt = time.GetUtcNow(), SignedIn = plan.Facts.SignedIn };
        plan.Step = Flow.First;
        Prompt(plan);
    }

    private void OfferResume(TurnPlan plan) => plan.Show(cards.ResumeOffer(plan.Draft!.StartedAt));

    /// <summary>
    /// Shows where the person is: the current question, the review or the form. The "press or type" hint comes with the
    /// first question of a concern and after a miss (an answer not understood), not with every question.
    /// </summary>
    private void Prompt(TurnPlan plan, bool afterMiss = false)
    {
        var draft = plan.Draft!;
        switch (plan.Step)
        {
            case StepNames.Review:
                plan.Show(cards.Review(draft, section => ChangeTarget(draft, section) is not null, settings.WhoSeesIt(draft), plan.DisplayName));
                break;
            case StepNames.Form:
                plan.Show(cards.Form(draft, [], settings.LeadNamesFor(draft), FormDanger(draft)));
                break;
            default:
                var step = Flow.Find(plan.Step) ?? Flow.Find(Flow.First)!;
                plan.Step = step.Name;
                draft.Clarifying = null;
                var hint = afterMiss ? QuestionHint.WithCommands : step.Name == Flow.First ? QuestionHint.PressOrType : QuestionHint.None;
                plan.Show(cards.Question(step.Prompt(draft), hint));
                break;
        }
    }

    private void Answer(TurnPlan plan, StepInput input)
    {
        var draft = plan.Draft!;
        if (plan.Step is StepNames.Review or StepNames.Form)
        {
            Prompt(plan);
            return;
        }

        var step = Flow.Find(plan.Step);
        if (step is null)
        {
            Prompt(plan);
            return;
        }

        var clarifying = draft.Clarifying?.Step == step.Name ? draft.Clarifying : null;
        draft.Clarifying = null;
        if (clarifying is not null && input.Typed)
        {
            var narrowed = Narrow(step, draft, clarifying, input);
            if (narrowed is null)
            {
                Prompt(plan, afterMiss: true);
                return;
            }

            input = narrowed;
        }

        var shown = input.Typed ? null : step.Prompt(draft);
        var result = step.Accept(input, draft);
        if (!result.Accepted && result.Candidates is { Count: > 0 } candidates)
        {
            AskWhich(plan, step, candidates);
            return;
        }

        if (!result.Accepted)
        {
            plan.Say(result.Message ?? IntakeText.RetryNotAChoice);
            Prompt(plan, afterMiss: true);
            return;
        }

        draft.History.Add(step.Name);
        plan.Answered = shown is null ? null : AnswerEcho.Of(shown, input);
        var next = result.Next ?? step.Next(draft);
        if (draft.ChangingSection is { } changing && next != StepNames.Form && (next is null || next == draft.ReturnTo || Flow.Find(next)?.Section != changing))
        {
            draft.ChangingSection = null;
            next = draft.ReturnTo ?? StepNames.Review;
            draft.ReturnTo = null;
        }

        plan.Step = next ?? StepNames.Review;
        if (result.Pause)
        {
            Pause(plan);
            return;
        }

        Prompt(plan);
    }

    private void Pause(TurnPlan plan)
    {
        plan.Draft!.Paused = true;
        plan.Say(Words.Format(IntakeText.Paused, (int)Math.Round(settings.Options.DraftLifetime.TotalDays)));
    }

    private static StepInput CardInput(UserAction action)
    {
        var choices = action.GetString("choices")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var date = DateOnly.TryParseExact(action.GetString("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null;
        var skip = action.IsTrue("skip");
        var fields = action.IsTrue(TogetherField)
            ? action.Data.EnumerateObject().Where(p => p.Value.ValueKind == System.Text.Json.JsonValueKind.String && !string.IsNullOrWhiteSpace(p.Value.GetString()))
                .ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal)
            : null;
        return new StepInput { Text = action.GetString("answer")?.Trim(), Choice = action.GetString("choice"), Choices = choices, Date = date, Skip = skip, Fields = fields };
    }
}
