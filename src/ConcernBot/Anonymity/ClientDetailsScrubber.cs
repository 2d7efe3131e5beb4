using System.Text.Json;
using ConcernBot.Conversation;
using ConcernBot.Teams.Turns;

namespace ConcernBot.Anonymity;

/// <summary>
/// Runs first on every turn and removes what Teams says about the person's device and place before any feature sees it:
/// the local timestamp (it carries their timezone offset) and the clientInfo entity (locale, country, platform,
/// timezone). Nothing later can store what is no longer there.
/// </summary>
internal sealed class ClientDetailsScrubber : ITurnMiddleware
{
    public void OnTurn(ITurnContext turn)
    {
        var activity = turn.Activity;
        activity.LocalTimestamp = null;
        activity.ExtensionData?.Remove("localTimezone");
        if (activity.Entities is { Count: > 0 } entities)
        {
            activity.Entities = [.. entities.Where(e => !IsClientInfo(e))];
        }

    }

    private static bool IsClientInfo(JsonElement entity) =>
        entity.ValueKind == JsonValueKind.Object
        && entity.TryGetProperty("type", out var type)
        && string.Equals(type.GetString(), "clientInfo", StringComparison.OrdinalIgnoreCase);
}
