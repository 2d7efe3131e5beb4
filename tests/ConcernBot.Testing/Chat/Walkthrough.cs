using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Testing;

/// <summary>Short ways through the conversation, for tests whose subject is what happens after.</summary>
public static class Walkthrough
{
    public const string Account = "At 4pm I saw a carer grab Mr Jones by the wrist and pull him out of his chair. He cried out and later had a bruise.";

    /// <summary>The guided staff path from "raise a concern" to the review card, for an adult at risk.</summary>
    /// <param name="about">Answers "is it about someone who works here?" (and what follows); presses "a member of staff" when null.</param>
    public static async Task ToReviewAsync(TeamsChat chat, string identityButton, string? service = null, Func<TeamsChat, Task>? about = null)
    {
        await ToIdentityAsync(chat, service, about);
        await chat.PressAsync(identityButton);
    }

    /// <summary>The same path, up to the question of how the reporter wants to be known (the card is <c>chat.Last</c>).</summary>
    public static async Task ToIdentityAsync(TeamsChat chat, string? service = null, Func<TeamsChat, Task>? about = null)
    {
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);
        if (service is not null)
        {
            await chat.PressAsync(service);
        }

        await chat.PressAsync(I.AtRiskAdult);
        await chat.PressAsync(I.ButtonContinue, new { answer = "Mr Jones, room 12" });
        await chat.PressAsync(I.ButtonContinue, new { answer = Account });
        await chat.PressAsync(I.ChoiceNotSure);
        await chat.PressAsync(I.ButtonContinue, new { answer = "The lounge on the first floor" });
        await chat.PressAsync(I.ChoiceNo);
        await chat.PressAsync(I.ButtonContinue, new { choices = "Physical" });
        await (about ?? (c => c.PressAsync(I.SubjectStaff)))(chat);
        await chat.PressAsync(I.ChoiceYes);
        await chat.PressAsync(I.OutcomesAskedNone);
        await chat.PressAsync(I.ButtonContinue, new { answer = "I'd like Mr Jones to feel safe." });
        await chat.PressAsync(I.ChoiceDontKnow);
        await chat.PressAsync(I.ConsentYes);
        await chat.PressAsync(I.SkipNothingYet);
    }
}
