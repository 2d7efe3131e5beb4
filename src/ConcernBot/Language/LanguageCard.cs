using System.Text.Json;
using ConcernBot.Channels.Cards;
using ConcernBot.Conversation;
using Words = ConcernBot.Resources.Strings;

namespace ConcernBot.Language;

/// <summary>"Which language?": one button per language, each named in itself so a person finds theirs in any language.</summary>
internal static class LanguageCard
{
    public const string Verb = "language.set";
    public const string LanguageField = "language";

    public static JsonElement Choose()
    {
        var card = new AdaptiveCard()
            .Add(CardElement.Heading(Words.LanguageTitle))
            .Add(CardElement.Text(Words.LanguageIntro));
        foreach (var (culture, name) in Languages.Offered)
        {
            card.AddAction(CardAction.Submit(name, new { verb = Verb, language = culture.Name }));
        }

        return card.WithFallbackText(Words.LanguageTitle).ToJsonElement();
    }
}
