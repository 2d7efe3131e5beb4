using System.Globalization;

namespace ConcernBot.Language;

/// <summary>
/// The language of the turn being answered. A handler's own change of CultureInfo.CurrentUICulture ends with its async
/// call, so a handler that changes the language (and passes the turn on) says so here, and the bot applies it.
/// </summary>
internal sealed class TurnLanguage
{
    private static readonly AsyncLocal<TurnLanguage?> Current = new();

    private TurnLanguage(CultureInfo culture) => Culture = culture;

    public CultureInfo Culture { get; private set; }

    public static TurnLanguage Begin(CultureInfo culture)
    {
        var language = new TurnLanguage(culture);
        Current.Value = language;
        return language;
    }

    /// <summary>From now on in this turn, <paramref name="culture"/> (and now, for the caller).</summary>
    public static void Change(CultureInfo culture)
    {
        Current.Value?.Culture = culture;
        CultureInfo.CurrentUICulture = culture;
    }
}
