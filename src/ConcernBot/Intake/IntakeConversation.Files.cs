using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;
using ConcernBot.Storage;

namespace ConcernBot.Intake;

internal sealed partial class IntakeConversation
{
    /// <summary>
    /// Files sent while the photos-and-documents question is open: each is cleaned, sealed and kept under the concern the
    /// draft will become, and the person is told what became of each before the question is shown again. Null when the
    /// turn is not that (the files are then ignored, as before).
    /// </summary>
    public async Task<TurnPlan?> PlanFilesAsync(ConversationState state, ITurnContext turn, CancellationToken cancellationToken)
    {
        var draft = state.Flow == FlowName ? IntakeDraft.From(state.Data) : null;
        if (draft is null || !Steps.FilesSteps.IsFilesStep(state.Step) || draft.Paused || draft.PendingConfirm is not null)
        {
            return null;
        }

        var plan = new TurnPlan(draft, state.Step, turn.Facts) { DisplayName = turn.Activity.From?.Name };
        // Until the person says how they want to be known, their files are kept as if anonymous: no names of their own.
        var (kept, told) = await evidence.TakeAsync(turn, IntakeSubmission.ConcernIdFor(draft), anonymous: draft.Identity != IdentityChoice.Named, cancellationToken);
        draft.FilesKept += kept;
        plan.Say(told);
        Prompt(plan);
        return plan;
    }
}
