using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Invoke;

namespace ConcernBot.Conversation;

/// <summary>
/// What a person pressed on a card: a verb and its data (inputs merged in). Arrives either as an Action.Execute invoke,
/// or as an Action.Submit message whose value carries the verb.
/// </summary>
public sealed record UserAction(string Verb, JsonElement Data, bool IsInvoke, string? CardActivityId)
{
    public const int MaxVerbLength = 64;

    public static UserAction? From(Activity activity)
    {
        if (activity.IsType(ActivityTypes.Invoke))
        {
            if (!string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            var action = AdaptiveCardAction.From(activity);
            return action is null || action.Verb.Length > MaxVerbLength ? null : new UserAction(action.Verb, action.Data, true, activity.ReplyToId);
        }

        if (activity.IsType(ActivityTypes.Message)
            && activity.Value is { ValueKind: JsonValueKind.Object } value
            && value.TryGetProperty("verb", out var verb)
            && verb.ValueKind == JsonValueKind.String
            && verb.GetString() is { Length: > 0 and <= MaxVerbLength } name)
        {
            return new UserAction(name, value.Clone(), false, activity.ReplyToId);
        }

        return null;
    }

    /// <summary>A string input or data field; null when absent, not a string, or blank.</summary>
    public string? GetString(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()
            : null;

    /// <summary>A data field that is JSON true (absent, or anything else, is false).</summary>
    public bool IsTrue(string name) =>
        Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
}
