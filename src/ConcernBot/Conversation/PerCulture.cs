using System.Collections.Concurrent;
using System.Globalization;

namespace ConcernBot.Conversation;

/// <summary>
/// Something built from the resources alone (button words, choice lists) once per reader's language, instead of on every
/// turn. Never for anything that holds a person's answers. The value must not be changed once built: it is shared.
/// </summary>
internal sealed class PerCulture<T>(Func<T> build)
    where T : class
{
    // The locale comes from the activity; past this many languages new ones are built each time rather than kept.
    private const int MaxCultures = 32;

    private readonly ConcurrentDictionary<CultureInfo, T> _byCulture = new();

    /// <summary>The value in <see cref="CultureInfo.CurrentUICulture"/>.</summary>
    public T Current
    {
        get
        {
            var culture = CultureInfo.CurrentUICulture;
            if (_byCulture.TryGetValue(culture, out var value))
            {
                return value;
            }

            value = build();
            return _byCulture.Count < MaxCultures ? _byCulture.GetOrAdd(culture, value) : value;
        }
    }
}
