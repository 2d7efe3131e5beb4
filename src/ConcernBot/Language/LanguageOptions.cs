using System.Globalization;
using ConcernBot.Conversation;

namespace ConcernBot.Language;

/// <summary>Settings <c>Language:*</c>.</summary>
public sealed class LanguageOptions
{
    /// <summary>
    /// The organisation's language: the leads' cards, channel and messages use it, whatever language the reporter speaks
    /// (one of the offered languages; British English unless set).
    /// </summary>
    public string Organisation { get; set; } = "en-GB";

    public CultureInfo OrganisationCulture => Languages.For(Organisation);
}
