using System.Text.Json;
using ConcernBot.Channels.Turns;
using ConcernBot.Conversation;

namespace ConcernBot.Anonymity;

/// <summary>
/// Runs first on every turn and removes what Teams says about the person's device and place before any feature sees it:
/// the local timestamp (it carries their timezone offset) and the clientInfo entity (locale, country, platform,
/// timezone). Nothing later can store what is no longer there. It also hands the log redactor this turn's ids and names,
/// whatever channel they come from, so that no log line written during the turn holds them.
/// </summary>
internal sealed class ClientDetailsScrubber : ITurnMiddleware
{
    public void OnTurn(ITurnContext turn)
    {
        var activity = turn.Activity;
        Logging.LogRedactor.ForThisTurn([activity.From?.Id, activity.From?.Name, activity.From?.AadObjectId, activity.Conversation?.Id, activity.Conversation?.TenantId, turn.Facts.PersonKey, turn.Facts.OrganisationId]);
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
