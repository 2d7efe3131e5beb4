using System.Security.Cryptography;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Turns;
using ConcernBot.Concerns;

namespace ConcernBot.Anonymity;

/// <summary>What the intake gets at submit: the route token for the concern, and the secret word to show once (or null).</summary>
public sealed record ReporterContact(string ReplyRouteToken, string? Secret);

/// <summary>
/// Opens the way back to a reporter at submit: a sealed reply route to their chat (every choice: the relay delivers
/// questions and updates to all reporters), and for anonymous and confidential reporters a secret word to check on the
/// concern from any chat.
/// </summary>
public sealed class ReporterContacts(ReplyRoutes routes, ReporterSecrets secrets, ChatLinks chats)
{
    /// <summary>
    /// At submit, before storing the concern: seals the way back to <paramref name="chat"/> and returns the route's token
    /// for <see cref="ReporterIdentity.ReplyRouteToken"/>.
    /// </summary>
    public async Task<string> OpenRouteAsync(ConversationReference chat, string concernId, string reference, CancellationToken cancellationToken = default)
    {
        var token = await routes.SealAsync(chat, cancellationToken);
        await chats.UpdateAsync(chat.ConversationId, r => r with { Links = [.. r.Links.Where(l => l.ConcernId != concernId), new ChatLink(concernId, reference, token)] }, cancellationToken);
        return token;
    }

    /// <summary>When the concern was not stored after all (a repeated submit, a reference drawn again): forgets the route.</summary>
    public async Task DiscardRouteAsync(ConversationReference chat, string concernId, string token, CancellationToken cancellationToken = default)
    {
        await routes.DeleteAsync(token, cancellationToken);
        await chats.UpdateAsync(chat.ConversationId, r => r with { Links = [.. r.Links.Where(l => l.RouteToken != token)] }, cancellationToken);
    }

    /// <summary>
    /// The secret word for an anonymous or confidential reporter (null for a named one), to show once. Its hash is stored
    /// under the reference; a reference's secret is never replaced (ConcurrencyConflictException).
    /// </summary>
    /// <remarks>
    /// A named reporter who is signed in is found by who they are; one who is not (a web page) comes back like everyone
    /// else, with the reference and the secret word.
    /// </remarks>
    public async Task<string?> IssueSecretAsync(IdentityChoice choice, string reference, bool signedIn = true, CancellationToken cancellationToken = default) =>
        choice == IdentityChoice.Named && signedIn ? null : await secrets.CreateAsync(reference, cancellationToken);

    /// <summary>Removes a secret word issued for a reference that did not become this reporter's concern.</summary>
    public Task ForgetSecretAsync(string reference, CancellationToken cancellationToken = default) => secrets.DeleteAsync(reference, cancellationToken);

    /// <summary>Concern.ReporterReference for a named or confidential reporter (a keyed hash of their id); null without an id.</summary>
    public async Task<string?> ReporterReferenceAsync(string organisationId, string? personKey, CancellationToken cancellationToken = default) =>
        personKey is { Length: > 0 } id ? await chats.ReporterKeyAsync(organisationId, id, cancellationToken) : null;

    /// <summary>Both steps at once, for a concern stored right after with the returned token.</summary>
    public async Task<ReporterContact> OpenAsync(ConversationReference chat, string concernId, string reference, IdentityChoice choice, CancellationToken cancellationToken = default)
    {
        var token = await OpenRouteAsync(chat, concernId, reference, cancellationToken);
        return new ReporterContact(token, await IssueSecretAsync(choice, reference, cancellationToken: cancellationToken));
    }
}

/// <summary>Times that could point to an anonymous reporter are blurred.</summary>
public static class AnonymousTiming
{
    /// <summary>
    /// When the leads' card ("concern.submitted") may be delivered: for an anonymous concern that is not urgent, a random
    /// 1 to 15 minutes after it was received, so its arrival cannot be matched to someone's time in the chat.
    /// </summary>
    public static DateTimeOffset LeadsCardNotBefore(IdentityChoice choice, bool urgent, DateTimeOffset receivedAt) =>
        choice == IdentityChoice.Anonymous && !urgent
            ? receivedAt + TimeSpan.FromSeconds(RandomNumberGenerator.GetInt32(60, (15 * 60) + 1))
            : receivedAt;

    /// <summary>Stored times of anonymous concerns are kept to the minute.</summary>
    public static DateTimeOffset RoundToMinute(DateTimeOffset time)
    {
        var utc = time.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMinute), TimeSpan.Zero);
    }

    /// <summary>True when the reporter should be told about the short wait (see Anonymity.DelayTold).</summary>
    public static bool IsDelayed(IdentityChoice choice, bool urgent) => choice == IdentityChoice.Anonymous && !urgent;
}

/// <summary>The words the intake shows before the reporter chooses how to be known (Anonymity.resx).</summary>
public static class IdentityChoiceNotice
{
    /// <summary>The full explanation, one paragraph per item, in reading order; naming one lead when only one would see it.</summary>
    public static IReadOnlyList<string> Paragraphs(bool oneLead = false) =>
    [
        Resources.Anonymity.ChoiceIntro,
        oneLead ? Resources.Anonymity.ChoiceNamedOne : Resources.Anonymity.ChoiceNamed,
        oneLead ? Resources.Anonymity.ChoiceConfidentialOne : Resources.Anonymity.ChoiceConfidential,
        oneLead ? Resources.Anonymity.ChoiceAnonymousOne : Resources.Anonymity.ChoiceAnonymous,
        oneLead ? Resources.Anonymity.ChoiceAnonymousDelayOne : Resources.Anonymity.ChoiceAnonymousDelay,
        Resources.Anonymity.ChoiceTeamsLimit,
    ];

    /// <summary>On a public page nobody is signed in: no name unless typed, no Teams account, no Teams administrators.</summary>
    public static IReadOnlyList<string> NotSignedInParagraphs(bool oneLead = false) =>
    [
        Resources.Anonymity.ChoiceIntro,
        oneLead ? Resources.Anonymity.ChoiceAnonymousNotSignedInOne : Resources.Anonymity.ChoiceAnonymousNotSignedIn,
        oneLead ? Resources.Anonymity.ChoiceAnonymousDelayOne : Resources.Anonymity.ChoiceAnonymousDelay,
        oneLead ? Resources.Anonymity.ChoiceGiveNameOne : Resources.Anonymity.ChoiceGiveName,
    ];

    public static string Text() => string.Join("\n\n", Paragraphs());

    /// <summary>What stays behind "Who could find out it was me?" on a phone: all but the Teams limit, which is always shown.</summary>
    public static IReadOnlyList<string> Details(bool oneLead = false) => [.. Paragraphs(oneLead).Where(p => p != Resources.Anonymity.ChoiceTeamsLimit)];
}
