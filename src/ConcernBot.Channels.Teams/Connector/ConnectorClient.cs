using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams;
using Microsoft.Extensions.Logging;
using Polly.Timeout;

namespace ConcernBot.Channels.Teams.Connector;

/// <summary>
/// The Bot Connector REST client. Every id segment is escaped; paths are joined with exactly one '/'.
/// Tokens and retries come from the HttpClient's handlers (see <see cref="ConnectorServiceCollectionExtensions"/>).
/// </summary>
internal sealed partial class ConnectorClient(HttpClient http, ILogger<ConnectorClient> logger) : IConnectorClient
{
    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendJsonAsync("send", HttpMethod.Post, serviceUrl, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/activities", conversationId), activity, ActivityJsonContext.Default.Activity, ActivityJsonContext.Default.ResourceResponse, cancellationToken);

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        activity.ReplyToId ??= activityId;
        return SendJsonAsync("reply", HttpMethod.Post, serviceUrl, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/activities/{1}", conversationId, activityId), activity, ActivityJsonContext.Default.Activity, ActivityJsonContext.Default.ResourceResponse, cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendJsonAsync("update", HttpMethod.Put, serviceUrl, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/activities/{1}", conversationId, activityId), activity, ActivityJsonContext.Default.Activity, ActivityJsonContext.Default.ResourceResponse, cancellationToken);

    public async Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        using var request = CreateRequest(HttpMethod.Delete, serviceUrl, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/activities/{1}", conversationId, activityId));
        using var response = await SendCoreAsync("delete", request, cancellationToken).ConfigureAwait(false);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendJsonAsync("create conversation", HttpMethod.Post, serviceUrl, ConnectorPaths.Build(serviceUrl, "v3/conversations"), parameters, TeamsJsonContext.Default.ConversationParameters, TeamsJsonContext.Default.ConversationResourceResponse, cancellationToken);

    public async Task<IReadOnlyList<TeamsMember>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default) =>
        await GetJsonAsync("members", serviceUrl, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/members", conversationId), TeamsJsonContext.Default.IReadOnlyListTeamsMember, cancellationToken).ConfigureAwait(false) ?? [];

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add(FormattableString.Invariant($"pageSize={size}"));
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }

        var url = ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/pagedmembers", conversationId) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return await GetJsonAsync("paged members", serviceUrl, url, TeamsJsonContext.Default.PagedMembersResult, cancellationToken).ConfigureAwait(false) ?? new PagedMembersResult();
    }

    public async Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetJsonAsync("member", serviceUrl, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/members/{1}", conversationId, userId), TeamsJsonContext.Default.TeamsMember, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.IsNotFound)
        {
            return null;
        }
    }

    public async Task<TeamDetails> GetTeamAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) =>
        await GetJsonAsync("team", serviceUrl, ConnectorPaths.Build(serviceUrl, "v3/teams/{0}", teamId), TeamsJsonContext.Default.TeamDetails, cancellationToken).ConfigureAwait(false) ?? new TeamDetails { Id = teamId };

    public async Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default)
    {
        var list = await GetJsonAsync("channels", serviceUrl, ConnectorPaths.Build(serviceUrl, "v3/teams/{0}/conversations", teamId), TeamsJsonContext.Default.ConversationList, cancellationToken).ConfigureAwait(false);
        return list?.Conversations?.ToList() ?? [];
    }

    private async Task<TResponse> SendJsonAsync<TRequest, TResponse>(string operation, HttpMethod method, string serviceUrl, string url, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : new()
    {
        // Serialised once: a retried attempt sends the very same bytes, with a Content-Length.
        using var request = CreateRequest(method, serviceUrl, url);
        request.Content = JsonRequestContent.Create(body, requestType);
        using var response = await SendCoreAsync(operation, request, cancellationToken).ConfigureAwait(false);
        // The connector's answers are a few bytes: read as one array, parsed from it.
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
        {
            return new TResponse();
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, responseType) ?? new TResponse();
        }
        catch (JsonException)
        {
            // The connector did what was asked; an unreadable answer must not make the caller send it again.
            return new TResponse();
        }
    }

    private async Task<T?> GetJsonAsync<T>(string operation, string serviceUrl, string url, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var request = CreateRequest(HttpMethod.Get, serviceUrl, url);
        using var response = await SendCoreAsync(operation, request, cancellationToken).ConfigureAwait(false);
        try
        {
            return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException ex)
        {
            LogFailed(logger, operation, (int)response.StatusCode, ConnectorException.InvalidResponse);
            throw new ConnectorException((int)response.StatusCode, ConnectorException.InvalidResponse, $"The connector's answer to {operation} was not the expected JSON.", ex);
        }
    }

    private static HttpRequestMessage CreateRequest(HttpMethod method, string serviceUrl, string url)
    {
        var request = new HttpRequestMessage(method, url);
        request.Options.Set(ConnectorRequest.ServiceUrl, serviceUrl);
        request.Headers.TryAddWithoutValidation("Accept", "application/json");
        return request;
    }

    /// <summary>Sends through the token and retry handlers; a non-success answer becomes a <see cref="ConnectorException"/>.</summary>
    private async Task<HttpResponseMessage> SendCoreAsync(string operation, HttpRequestMessage request, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutRejectedException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, operation, 0, ConnectorException.NoAnswer);
            throw new ConnectorException(0, ConnectorException.NoAnswer, $"The connector did not answer the {operation} request ({ex.GetType().Name}).", ex);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            var code = await ReadErrorCodeAsync(response, cancellationToken).ConfigureAwait(false);
            LogFailed(logger, operation, status, code);
            throw ConnectorException.FromStatus(status, code);
        }
    }

    private static async Task<string?> ReadErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            return bytes.Length == 0 ? null : JsonSerializer.Deserialize(bytes, TeamsJsonContext.Default.ErrorResponse)?.Error?.Code;
        }
        catch (JsonException)
        {
            // The body is not a connector error object; the status code alone says what happened.
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Operation} failed with {StatusCode} {ErrorCode}")]
    private static partial void LogFailed(ILogger logger, string operation, int statusCode, string? errorCode);
}
