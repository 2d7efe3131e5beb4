using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Testing;

/// <summary>Short ways through the conversation, for tests whose subject is what happens after.</summary>
public static class Walkthrough
{
    public const string Account = "At 4pm I saw a carer grab Mr Jones by the wrist and pull him out of his chair. He cried out and later had a bruise.";

    /// <summary>The guided staff path from "raise a concern" to the review card, for an adult at risk.</summary>
    /// <param name="about">
    /// Answers "is it about someone who works here?" (and what follows) on its own card, what happened having been typed;
    /// when null, "a member of staff" is chosen on the card that asks what happened.
    /// </param>
    public static async Task ToReviewAsync(TeamsChat chat, string identityButton, string? service = null, Func<TeamsChat, Task>? about = null)
    {
        await ToIdentityAsync(chat, service, about);
        await chat.PressAsync(identityButton);
    }

    /// <summary>The same path, up to the question of how the reporter wants to be known (the card is <c>chat.Last</c>).</summary>
    public static async Task ToIdentityAsync(TeamsChat chat, string? service = null, Func<TeamsChat, Task>? about = null)
    {
        await ToFilesAsync(chat, service, about);
        await chat.PressAsync(I.FilesCarryOn);
    }

    /// <summary>The same path, up to the optional photos-and-documents question.</summary>
    public static async Task ToFilesAsync(TeamsChat chat, string? service = null, Func<TeamsChat, Task>? about = null)
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
        if (about is null)
        {
            await chat.PressAsync(I.ButtonContinue, new { happened = Account, about = "StaffMember" });
        }
        else
        {
            await chat.SayAsync(Account);
            await about(chat);
        }

        await chat.PressAsync(I.ButtonContinue, new { where = "The lounge on the first floor", ongoing = "No" });
        await chat.PressAsync(I.ButtonContinue, new { choices = "Physical" });

        await chat.PressAsync(I.ButtonContinue, new { wishes_knows = "Yes", wishes_asked = "AskedNoneExpressed" });
        await chat.PressAsync(I.ButtonContinue, new { wishes_reporter = "I'd like Mr Jones to feel safe." });
        await chat.PressAsync(I.ConsentYes);
        await chat.PressAsync(I.SkipNothingYet);
    }
}
