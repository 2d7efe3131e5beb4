using System.Text.Json;
using System.Text.Json.Serialization;
using ConcernBot.Teams.Activities;

namespace ConcernBot.Teams.Connector;

public sealed class ResourceResponse
{
    public string? Id { get; set; }
}

public sealed class ConversationParameters
{
    public bool? IsGroup { get; set; }
    public ChannelAccount? Bot { get; set; }
    public IList<ChannelAccount>? Members { get; set; }
    public string? TopicName { get; set; }
    public string? TenantId { get; set; }
    public Activity? Activity { get; set; }
    public JsonElement? ChannelData { get; set; }
}

public sealed class ConversationResourceResponse
{
    public string? Id { get; set; }
    public string? ServiceUrl { get; set; }
    public string? ActivityId { get; set; }
}

/// <summary>A roster entry. The connector sends <c>objectId</c>; it is exposed as <see cref="AadObjectId"/>.</summary>
public sealed class TeamsMember
{
    public string? Id { get; set; }
    public string? Name { get; set; }

    [JsonPropertyName("objectId")]
    public string? AadObjectId { get; set; }

    public string? GivenName { get; set; }
    public string? Surname { get; set; }
    public string? Email { get; set; }
    public string? UserPrincipalName { get; set; }
    public string? TenantId { get; set; }
    public string? UserRole { get; set; }

    [JsonExtensionData]
    public IDictionary<string, JsonElement>? ExtensionData { get; set; }
}

public sealed class PagedMembersResult
{
    public IList<TeamsMember>? Members { get; set; }
    public string? ContinuationToken { get; set; }
}

public sealed class TeamDetails
{
    public string? Id { get; set; }
    public string? Name { get; set; }
    public string? AadGroupId { get; set; }
}

public sealed class ConversationList
{
    public IList<ChannelInfo>? Conversations { get; set; }
}

public sealed class ErrorResponse
{
    public ErrorDetail? Error { get; set; }
}

public sealed class ErrorDetail
{
    public string? Code { get; set; }
    public string? Message { get; set; }
}

/// <summary>A connector call that failed after any retries.</summary>
public sealed class ConnectorException(int statusCode, string? errorCode, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;
    public string? ErrorCode { get; } = errorCode;

    /// <summary>403 MessageWritesBlocked: the user blocked the bot. Never retried.</summary>
    public bool IsBlockedByUser => StatusCode == 403 && string.Equals(ErrorCode, "MessageWritesBlocked", StringComparison.OrdinalIgnoreCase);
}
