using System.Text.Json;
using ConcernBot.Channels.Activities;

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

    public const string ServiceUrl = "http://127.0.0.1:56150/";
    public const string BotId = "28:concernbot-test";
    public const string TenantId = "tenant-distinctive";

    /// <summary>A message from the distinctive reporter, with everything Teams sends about them and their device.</summary>
    public static Activity Message(string? text, string conversationId = ConversationId, JsonElement? value = null) => new()
    {
        Type = ActivityTypes.Message,
        Id = "f:" + Guid.NewGuid().ToString("N"),
        Timestamp = DateTimeOffset.UtcNow,
        LocalTimestamp = new DateTimeOffset(DateTime.UtcNow.Ticks, TimeSpan.Zero).ToOffset(new TimeSpan(13, 45, 0)),
        ServiceUrl = ServiceUrl,
        ChannelId = "msteams",
        From = new ChannelAccount
        {
            Id = UserId,
            Name = Name,
            AadObjectId = AadObjectId,
            ExtensionData = new Dictionary<string, JsonElement>
            {
                ["userPrincipalName"] = JsonSerializer.SerializeToElement(Upn),
                ["email"] = JsonSerializer.SerializeToElement(Email),
            },
        },
        Recipient = new ChannelAccount { Id = BotId, Name = "ConcernBot" },
        Conversation = new ConversationAccount { Id = conversationId, ConversationType = "personal", TenantId = TenantId },
        Locale = Locale,
        Text = text,
        Value = value,
        Entities =
        [
            JsonSerializer.SerializeToElement(new { type = "clientInfo", locale = Locale, country = "NZ", platform = "Web", timezone = Timezone }),
        ],
    };

    public static Activity CardAction(object data, string conversationId = ConversationId) =>
        Message(null, conversationId, JsonSerializer.SerializeToElement(data));
}
