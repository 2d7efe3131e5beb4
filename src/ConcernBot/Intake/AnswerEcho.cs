using System.Globalization;
using ConcernBot.Conversation;
using IntakeText = ConcernBot.Resources.Intake;

namespace ConcernBot.Intake;

/// <summary>
/// What a card's answer was, in the words the person saw: each question on the card with the choice's title, the date
/// or the text given. The card is then replaced by this, so the chat reads as a record and its buttons are gone.
/// </summary>
internal static class AnswerEcho
{
    /// <summary>Long answers are shortened on the echo (never in the draft).</summary>
    public const int ShownCharacters = 300;

    public static IReadOnlyList<(string Question, string Answer)> Of(Prompt prompt, StepInput input) =>
        input.Fields is { } fields && prompt.Parts.Count > 0
            ? [.. prompt.Parts.Select(p => (p.Question, Describe(p, Ask.PartInput(p, fields))))]
            : [(prompt.Question, Describe(prompt, input))];

    private static string Describe(Prompt prompt, StepInput input)
    {
        if (input.Skip)
        {
            return prompt.SkipTitle ?? IntakeText.ChoiceDontKnow;
        }

        var picked = (input.Choices ?? (input.Choice is { } one ? [one] : []))
            .Select(v => prompt.Choices.FirstOrDefault(c => c.Value == v)?.Title)
            .OfType<string>()
            .ToList();
        if (picked.Count > 0)
        {
            return string.Join(", ", picked);
        }

        var parts = new[] { input.Date?.ToString("d MMMM yyyy", CultureInfo.CurrentCulture), input.Text }.OfType<string>().ToList();
        var said = parts.Count > 0 ? string.Join(", ", parts) : IntakeText.ChoiceDontKnow;
        return said.Length > ShownCharacters ? said[..ShownCharacters] + "…" : said;
    }
}
