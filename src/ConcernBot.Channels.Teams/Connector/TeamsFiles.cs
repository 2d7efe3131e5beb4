using System.Net;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Authentication;
using ConcernBot.Channels.Turns;
using Microsoft.Extensions.Options;

namespace ConcernBot.Channels.Teams.Connector;

/// <summary>
/// The files of a Teams message: a file sent in a personal chat (<c>file.download.info</c>: a pre-authorised download
/// link, fetched with no token, from SharePoint or OneDrive only) and an inline image (its contentUrl under the turn's own
/// service URL, fetched with the bot's token, and only when that service URL is trusted). Redirects are never followed:
/// one would carry the request, and perhaps the token, somewhere else, so it counts as not fetched.
/// </summary>
public sealed class TeamsFiles(IHttpClientFactory clients, TrustedServiceUrls trusted, IOptions<ConnectorOptions> connector, IOptions<BotAuthenticationOptions> bot)
{
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>The named HttpClient: no redirects, no cookies, the connector's token handler.</summary>
    public const string ClientName = "TeamsFiles";

    private static readonly string[] FileHosts = [".sharepoint.com", ".sharepoint.us", ".sharepoint-mil.us", ".sharepoint.cn", ".sharepoint.de"];

    public static int Count(Activity activity) => activity.Attachments?.Count(a => IsDownload(a) || IsInlineImage(a)) ?? 0;

    public async Task<IReadOnlyList<ChannelFile>> ReadAsync(Activity activity, long maxBytes, CancellationToken cancellationToken)
    {
        var files = new List<ChannelFile>();
        foreach (var attachment in activity.Attachments ?? [])
        {
            if (IsDownload(attachment))
            {
                var url = DownloadUrl(attachment);
                files.Add(url is not null && IsFileHost(url)
                    ? await FetchAsync(attachment.Name, null, url, null, maxBytes, cancellationToken)
                    : new ChannelFile(attachment.Name, null, null, ChannelFileProblem.NotFetched));
            }
            else if (IsInlineImage(attachment))
            {
                var serviceUrl = activity.ServiceUrl;
                var url = Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var parsed) ? parsed : null;
                var underTrusted = url is not null && serviceUrl is not null && IsTrustedServiceUrl(serviceUrl) && ServiceUrlPrefix.IsUnder(url.AbsoluteUri, serviceUrl);
                files.Add(underTrusted
                    ? await FetchAsync(attachment.Name, attachment.ContentType, url!, serviceUrl, maxBytes, cancellationToken)
                    : new ChannelFile(attachment.Name, attachment.ContentType, null, ChannelFileProblem.NotFetched));
            }
        }

        return files;
    }

    private async Task<ChannelFile> FetchAsync(string? name, string? contentType, Uri url, string? serviceUrl, long maxBytes, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (serviceUrl is not null)
        {
            // Read by the connector's token handler: the token goes only under a trusted service URL.
            request.Options.Set(ConnectorRequest.ServiceUrl, serviceUrl);
        }

        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return new ChannelFile(name, contentType, null, ChannelFileProblem.NotFetched);
            }

            if (response.Content.Headers.ContentLength > maxBytes)
            {
                return new ChannelFile(name, contentType, null, ChannelFileProblem.TooLarge);
            }

            await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            using var memory = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (memory.Length + read > maxBytes)
                {
                    return new ChannelFile(name, contentType, null, ChannelFileProblem.TooLarge);
                }

                memory.Write(buffer, 0, read);
            }

            return new ChannelFile(name, contentType ?? response.Content.Headers.ContentType?.MediaType, memory.ToArray());
        }
        catch (HttpRequestException)
        {
            return new ChannelFile(name, contentType, null, ChannelFileProblem.NotFetched);
        }
    }

    private bool IsTrustedServiceUrl(string serviceUrl) =>
        trusted.IsTrusted(serviceUrl) || connector.Value.IsKnownServiceUrl(serviceUrl) || (!bot.Value.HasAppId && TrustedServiceUrls.IsLoopback(serviceUrl));

    /// <summary>SharePoint and OneDrive over https; in local development (no app id) a loopback server too.</summary>
    private bool IsFileHost(Uri url) =>
        (url.Scheme == Uri.UriSchemeHttps && string.IsNullOrEmpty(url.UserInfo) && FileHosts.Any(h => url.IdnHost.EndsWith(h, StringComparison.OrdinalIgnoreCase)))
        || (!bot.Value.HasAppId && TrustedServiceUrls.IsLoopback(url.AbsoluteUri));

    private static bool IsDownload(Attachment attachment) => string.Equals(attachment.ContentType, FileDownloadInfo, StringComparison.OrdinalIgnoreCase);

    private static bool IsInlineImage(Attachment attachment) =>
        attachment.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true && !string.IsNullOrEmpty(attachment.ContentUrl);

    private static Uri? DownloadUrl(Attachment attachment) =>
        attachment.Content is { ValueKind: JsonValueKind.Object } content
        && content.TryGetProperty("downloadUrl", out var url) && url.ValueKind == JsonValueKind.String
        && Uri.TryCreate(url.GetString(), UriKind.Absolute, out var parsed) ? parsed : null;
}
