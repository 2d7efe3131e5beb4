using System.Text.Json.Nodes;
using System.Text.Json;
using ConcernBot.Testing;

namespace ConcernBot.Tests.Anonymity;

/// <summary>A made-up reporter whose every identifier is distinctive, so a scan can tell if any of it was kept.</summary>
public static class Distinctive
{
    public const string Name = "Zebedee Quartermaine-Xylo";
    public const string AadObjectId = "5e1ec7ed-0b5c-4d1e-9a1e-00000000d157";
    public const string UserId = "29:zzz-distinctive-user-1f7Q";
    public const string ConversationId = "a:1zzz-distinctive-conversation-8Hq2";
    public const string Upn = "zebedee.qx@distinctive.example";
    public const string Email = "zebedee.quartermaine@distinctive.example";
    public const string Timezone = "Pacific/Chatham";
    public const string LocalOffset = "+13:45";
    public const string Locale = "mi-NZ";

    /// <summary>Every identifier, and distinctive parts of them (in case something is stored split or re-cased).</summary>
    public static readonly string[] Identifiers =
    [
        Name, "Zebedee", "Quartermaine", AadObjectId, AadObjectId.Replace("-", "", StringComparison.Ordinal), UserId, "zzz-distinctive-user",
        ConversationId, "zzz-distinctive-conversation", Upn, Email, "distinctive.example", Timezone, "Chatham", LocalOffset, Locale,
    ];

    public const string ServiceUrl = TestActivity.LocalServiceUrl;
    public const string BotId = TestActivity.BotId;
    public const string TenantId = "tenant-distinctive";

    /// <summary>The reporter in their 1:1 chat.</summary>
    public static readonly TeamsUser User = new(UserId, Name, AadObjectId, TenantId, ConversationId);

    /// <summary>A message from the distinctive reporter, with everything Teams sends about them and their device.</summary>
    public static JsonObject Message(string? text, string conversationId = ConversationId, JsonObject? value = null)
    {
        var activity = TestActivity.Message(User with { ConversationId = conversationId }, text, value, locale: Locale);
        activity["localTimestamp"] = new DateTimeOffset(DateTime.UtcNow.Ticks, TimeSpan.Zero).ToOffset(new TimeSpan(13, 45, 0));
        activity["from"]!["userPrincipalName"] = Upn;
        activity["from"]!["email"] = Email;
        activity["entities"] = new JsonArray(JsonSerializer.SerializeToNode(new { type = "clientInfo", locale = Locale, country = "NZ", platform = "Web", timezone = Timezone }));
        return activity;
    }

    public static JsonObject CardAction(object data, string conversationId = ConversationId) =>
        Message(null, conversationId, JsonSerializer.SerializeToNode(data)!.AsObject());
}
