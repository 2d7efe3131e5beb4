using System.Text;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;
using ConcernBot.Channels.Turns;

namespace ConcernBot.Channels.Teams.Tests.Connector;

/// <summary>
/// The files of a Teams message with a real app id and token: a pasted image is fetched with the bot's token only under
/// the turn's trusted service URL; a redirect is never followed, so the token never goes anywhere else; a download link
/// goes only to SharePoint and never carries the token.
/// </summary>
public sealed class TeamsFilesTests
{
    private static Activity With(string serviceUrl, params Attachment[] attachments) =>
        new() { Type = ActivityTypes.Message, ServiceUrl = serviceUrl, Attachments = [.. attachments] };

    private static Attachment Inline(string url) => new() { ContentType = "image/*", ContentUrl = url };

    private static Attachment Download(string url) => new()
    {
        ContentType = TeamsFiles.FileDownloadInfo,
        Name = "photo.jpg",
        Content = JsonSerializer.SerializeToElement(new { downloadUrl = url, fileType = "jpg" }),
    };

    [Fact]
    public async Task A_pasted_image_under_the_trusted_service_url_is_fetched_with_the_bots_token()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Default = new ScriptedResponse(200, "not really a png");

        var files = await harness.Files.ReadAsync(With(harness.ServiceUrl, Inline(harness.ServiceUrl + "v3/attachments/a1/views/original")), 1000, CancellationToken.None);

        var file = Assert.Single(files);
        Assert.Equal(ChannelFileProblem.None, file.Problem);
        Assert.Equal("not really a png", Encoding.UTF8.GetString(file.Bytes!));
        Assert.Equal("Bearer " + FakeTokenProvider.Token, Assert.Single(harness.Server.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task A_pasted_image_under_an_untrusted_service_url_is_not_fetched_at_all()
    {
        await using var harness = await ConnectorHarness.StartAsync(trustServer: false);

        var files = await harness.Files.ReadAsync(With(harness.ServiceUrl, Inline(harness.ServiceUrl + "v3/attachments/a1/views/original")), 1000, CancellationToken.None);

        Assert.Equal(ChannelFileProblem.NotFetched, Assert.Single(files).Problem);
        Assert.Empty(harness.Server.Requests);
        Assert.Equal(0, harness.Tokens.Calls);
    }

    [Fact]
    public async Task A_redirect_from_the_service_url_is_not_followed_so_the_token_goes_nowhere_else()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        await using var elsewhere = await LoopbackConnector.StartAsync();
        harness.Server.Default = new ScriptedResponse(302, null, new Dictionary<string, string> { ["Location"] = elsewhere.BaseUrl + "/steal" });

        var files = await harness.Files.ReadAsync(With(harness.ServiceUrl, Inline(harness.ServiceUrl + "v3/attachments/a1/views/original")), 1000, CancellationToken.None);

        Assert.Equal(ChannelFileProblem.NotFetched, Assert.Single(files).Problem);
        Assert.Single(harness.Server.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_download_link_is_fetched_only_from_sharepoint_and_never_with_the_token()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        // With an app id, a loopback (or any non-SharePoint) download link is refused before any request.
        var files = await harness.Files.ReadAsync(With(harness.ServiceUrl, Download(harness.ServiceUrl + "personal/a/photo.jpg")), 1000, CancellationToken.None);

        Assert.Equal(ChannelFileProblem.NotFetched, Assert.Single(files).Problem);
        Assert.Empty(harness.Server.Requests);
    }

    [Fact]
    public async Task A_file_bigger_than_asked_for_is_not_read_to_the_end()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Default = new ScriptedResponse(200, new string('x', 5000));

        var files = await harness.Files.ReadAsync(With(harness.ServiceUrl, Inline(harness.ServiceUrl + "v3/attachments/a1/views/original")), 1000, CancellationToken.None);

        Assert.Equal(ChannelFileProblem.TooLarge, Assert.Single(files).Problem);
        Assert.Null(files[0].Bytes);
    }
}
