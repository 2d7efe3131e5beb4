using System.Text.Json.Serialization;
using System.Text.Json;

namespace ConcernBot.Channels.Activities;

/// <summary>
/// A Bot Framework activity. Emitted in exact camelCase; unknown fields are kept in <see cref="ExtensionData"/>
/// so that new fields a channel adds never break parsing.
/// </summary>
public sealed class Activity
{
    public string? Type { get; set; }
    public string? Id { get; set; }
    public DateTimeOffset? Timestamp { get; set; }
    public DateTimeOffset? LocalTimestamp { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ChannelId { get; set; }
    public ChannelAccount? From { get; set; }
    public ConversationAccount? Conversation { get; set; }
    public ChannelAccount? Recipient { get; set; }
    public string? Text { get; set; }
    public string? TextFormat { get; set; }
    public string? Locale { get; set; }
    public IList<Attachment>? Attachments { get; set; }
    public JsonElement? Value { get; set; }
    public string? Name { get; set; }
    public string? ReplyToId { get; set; }
    public string? Action { get; set; }
    public IList<ChannelAccount>? MembersAdded { get; set; }
    public IList<ChannelAccount>? MembersRemoved { get; set; }
    public IList<JsonElement>? Entities { get; set; }
    public JsonElement? ChannelData
    {
        get => _channelData;
        set
        {
            _channelData = value;
            _typedChannelData = null;
        }
    }
    public string? Summary { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }

    private JsonElement? _channelData;
    private object? _typedChannelData;

    /// <summary>
    /// The channel's own channelData, typed (a channel adapter knows its type); an empty object when absent or not an
    /// object. Read once per activity (several handlers ask on every turn) and shared: treat it as read-only; setting
    /// <see cref="ChannelData"/> reads it again.
    /// </summary>
    public T GetChannelData<T>(System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class, new()
    {
        if (_typedChannelData is T known)
        {
            return known;
        }

        var read = ReadChannelData(_channelData, typeInfo);
        _typedChannelData = read;
        return read;
    }

    private static T ReadChannelData<T>(JsonElement? channelData, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo)
        where T : class, new()
    {
        if (channelData is not { ValueKind: JsonValueKind.Object } data)
        {
            return new T();
        }

        try
        {
            return data.Deserialize(typeInfo) ?? new T();
        }
        catch (JsonException)
        {
            return new T();
        }
    }

    public bool IsType(string type) => string.Equals(Type, type, StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the bot itself is among <see cref="MembersAdded"/>.</summary>
    public bool BotWasAdded() =>
        Recipient?.Id is { } botId && MembersAdded?.Any(m => string.Equals(m.Id, botId, StringComparison.Ordinal)) == true;

    /// <summary>A message activity addressed back into the conversation this activity came from.</summary>
    public Activity CreateReply(string? text = null) => new()
    {
        Type = ActivityTypes.Message,
        ServiceUrl = ServiceUrl,
        ChannelId = ChannelId,
        From = Recipient is null ? null : new ChannelAccount { Id = Recipient.Id, Name = Recipient.Name },
        Recipient = From is null ? null : new ChannelAccount { Id = From.Id, Name = From.Name, AadObjectId = From.AadObjectId },
        Conversation = Conversation,
        ReplyToId = Id,
        Locale = Locale,
        Text = text,
        TextFormat = text is null ? null : "markdown",
    };
}
