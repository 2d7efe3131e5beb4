using System.Globalization;

namespace ConcernBot.Conversation;

/// <summary>
/// The languages the reporter's side speaks, each named in itself; any other locale is spoken to in British English.
/// The translations were drafted by the team and need a fluent reviewer before use with the public (docs/languages.md).
/// </summary>
public static class Languages
{
    public static CultureInfo Default { get; } = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>In the order the language card shows them.</summary>
    public static IReadOnlyList<(CultureInfo Culture, string NameInItself)> Offered { get; } =
    [
        (Default, "English"),
        (CultureInfo.GetCultureInfo("cy"), "Cymraeg"),
        (CultureInfo.GetCultureInfo("pl"), "Polski"),
        (CultureInfo.GetCultureInfo("ro"), "Română"),
        (CultureInfo.GetCultureInfo("ar"), "العربية"),
    ];

    /// <summary>The offered language a locale ("cy-GB", "ar-SA", "pl") belongs to; null for any other.</summary>
    public static CultureInfo? Match(string? locale)
    {
        if (string.IsNullOrWhiteSpace(locale) || locale.Length > 20)
        {
            return null;
        }

        var language = locale.Split('-', '_')[0];
        if (string.Equals(language, "en", StringComparison.OrdinalIgnoreCase))
        {
            return Default;
        }

        for (var i = 1; i < Offered.Count; i++)
        {
            if (string.Equals(Offered[i].Culture.Name, language, StringComparison.OrdinalIgnoreCase))
            {
                return Offered[i].Culture;
            }
        }

        return null;
    }

    /// <summary>The language to speak to a locale in: its own when offered, else the default.</summary>
    public static CultureInfo For(string? locale) => Match(locale) ?? Default;
}
