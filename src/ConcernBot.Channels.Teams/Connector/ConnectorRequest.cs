namespace ConcernBot.Channels.Teams.Connector;

/// <summary>What the connector client tells its handlers about a request.</summary>
internal static class ConnectorRequest
{
    /// <summary>The conversation's service URL the request was built from; the authorization handler decides on it.</summary>
    public static readonly HttpRequestOptionsKey<string> ServiceUrl = new("ConcernBot.Connector.ServiceUrl");
}
