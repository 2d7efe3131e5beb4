using System.Net.Http.Json;
using System.Text.Json.Serialization.Metadata;
using ConcernBot.Teams.Activities;

namespace ConcernBot.Teams.Connector;

/// <summary>The Bot Connector REST client. Every id segment is escaped; paths are joined with exactly one '/'.</summary>
internal sealed class ConnectorClient(HttpClient http) : IConnectorClient
{
    public Task<ResourceResponse> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/activities", conversationId), activity, ActivityJsonContext.Default.Activity, ActivityJsonContext.Default.ResourceResponse, cancellationToken);

    public Task<ResourceResponse> ReplyAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        activity.ReplyToId ??= activityId;
        return SendJsonAsync(HttpMethod.Post, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/activities/{1}", conversationId, activityId), activity, ActivityJsonContext.Default.Activity, ActivityJsonContext.Default.ResourceResponse, cancellationToken);
    }

    public Task<ResourceResponse> UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Put, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/activities/{1}", conversationId, activityId), activity, ActivityJsonContext.Default.Activity, ActivityJsonContext.Default.ResourceResponse, cancellationToken);

    public async Task DeleteAsync(string serviceUrl, string conversationId, string activityId, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Delete, ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/activities/{1}", conversationId, activityId));
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
    }

    public Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default) =>
        SendJsonAsync(HttpMethod.Post, ConnectorPaths.Build(serviceUrl, "v3/conversations"), parameters, ActivityJsonContext.Default.ConversationParameters, ActivityJsonContext.Default.ConversationResourceResponse, cancellationToken);

    public async Task<IReadOnlyList<TeamsMember>> GetMembersAsync(string serviceUrl, string conversationId, CancellationToken cancellationToken = default) =>
        await GetJsonAsync(ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/members", conversationId), ActivityJsonContext.Default.IReadOnlyListTeamsMember, cancellationToken).ConfigureAwait(false) ?? [];

    public async Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int? pageSize = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        var query = new List<string>();
        if (pageSize is { } size)
        {
            query.Add($"pageSize={size}");
        }

        if (!string.IsNullOrEmpty(continuationToken))
        {
            query.Add($"continuationToken={Uri.EscapeDataString(continuationToken)}");
        }

        var url = ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/pagedmembers", conversationId) + (query.Count > 0 ? "?" + string.Join('&', query) : "");
        return await GetJsonAsync(url, ActivityJsonContext.Default.PagedMembersResult, cancellationToken).ConfigureAwait(false) ?? new PagedMembersResult();
    }

    public async Task<TeamsMember?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken = default)
    {
        try
        {
            return await GetJsonAsync(ConnectorPaths.Build(serviceUrl, "v3/conversations/{0}/members/{1}", conversationId, userId), ActivityJsonContext.Default.TeamsMember, cancellationToken).ConfigureAwait(false);
        }
        catch (ConnectorException ex) when (ex.StatusCode == 404)
        {
            return null;
        }
    }

    public async Task<TeamDetails> GetTeamAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default) =>
        await GetJsonAsync(ConnectorPaths.Build(serviceUrl, "v3/teams/{0}", teamId), ActivityJsonContext.Default.TeamDetails, cancellationToken).ConfigureAwait(false) ?? new TeamDetails { Id = teamId };

    public async Task<IReadOnlyList<ChannelInfo>> GetChannelsAsync(string serviceUrl, string teamId, CancellationToken cancellationToken = default)
    {
        var list = await GetJsonAsync(ConnectorPaths.Build(serviceUrl, "v3/teams/{0}/conversations", teamId), ActivityJsonContext.Default.ConversationList, cancellationToken).ConfigureAwait(false);
        return list?.Conversations?.ToList() ?? [];
    }

    private async Task<TResponse> SendJsonAsync<TRequest, TResponse>(HttpMethod method, string url, TRequest body, JsonTypeInfo<TRequest> requestType, JsonTypeInfo<TResponse> responseType, CancellationToken cancellationToken)
        where TResponse : new()
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body, requestType) };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength == 0)
        {
            return new TResponse();
        }

        try
        {
            return await response.Content.ReadFromJsonAsync(responseType, cancellationToken).ConfigureAwait(false) ?? new TResponse();
        }
        catch (System.Text.Json.JsonException)
        {
            return new TResponse();
        }
    }

    private async Task<T?> GetJsonAsync<T>(string url, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(response, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadFromJsonAsync(type, cancellationToken).ConfigureAwait(false);
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        string? code = null;
        try
        {
            var error = await response.Content.ReadFromJsonAsync(ActivityJsonContext.Default.ErrorResponse, cancellationToken).ConfigureAwait(false);
            code = error?.Error?.Code;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or NotSupportedException or InvalidOperationException)
        {
            // The body is not a connector error object; the status code alone says what happened.
        }

        throw new ConnectorException((int)response.StatusCode, code, $"The connector answered {(int)response.StatusCode}{(code is null ? "" : " " + code)}.");
    }
}
