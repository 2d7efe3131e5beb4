using System.Net;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Workspace;

/// <summary>The tab's page as a browser first meets it, and the local sign-in that only works on this machine in Development.</summary>
public sealed class WorkspacePageTests
{
    private const string NotInstalled = "The tab's libraries are not in the host: run `npm ci --prefix tools/workspace` (./test.sh does)";

    [Fact]
    public async Task The_tab_page_is_served_with_its_words_teams_js_from_this_host_and_a_policy_that_lets_only_Teams_frame_it()
    {
        await using var tab = await WorkspaceTab.StartAsync(environment: "Production");

        using var page = await tab.Host.Client.GetAsync("/workspace?lang=cy");
        var html = await page.Content.ReadAsStringAsync();
        using var teamsJs = await tab.Host.Client.GetAsync("/workspace/assets/MicrosoftTeams.min.js");
        using var script = await tab.Host.Client.GetAsync("/workspace/assets/workspace.js");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(teamsJs.IsSuccessStatusCode, NotInstalled);
        Assert.Contains("<html lang=\"cy\"", html, StringComparison.Ordinal);
        Assert.Contains("Pryderon diogelu", html, StringComparison.Ordinal);
        Assert.Contains("/workspace/assets/MicrosoftTeams.min.js", html, StringComparison.Ordinal);
        // Chart.js comes with the dashboard only: the first load is the page, teams-js, the style sheet and the script.
        Assert.DoesNotContain("<script src=\"/workspace/assets/chart.umd.min.js\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart-library=\"/workspace/assets/chart.umd.min.js\"", html, StringComparison.Ordinal);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors https://teams.microsoft.com", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("127.0.0.1", policy, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, teamsJs.StatusCode);
        Assert.Contains("microsoftTeams", await teamsJs.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
    }

    [Fact]
    public async Task The_libraries_are_sent_compressed_and_the_concerns_json_never_is()
    {
        await using var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        using var client = tab.Host.CreateRawClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", "gzip, br");
        using var library = new HttpRequestMessage(HttpMethod.Get, "/workspace/assets/chart.umd.min.js");

        using var compressed = await client.SendAsync(library);
        using var json = await tab.SendAsync(HttpMethod.Get, $"/workspace/api/cases/{concern.Reference}", "Bearer " + tab.Token(People.Asha), null, null, client);

        Assert.True(compressed.IsSuccessStatusCode, NotInstalled);
        Assert.NotEmpty(compressed.Content.Headers.ContentEncoding);
        Assert.Empty(json.Content.Headers.ContentEncoding);
    }

    [Fact]
    public async Task The_page_words_come_in_every_offered_language_right_to_left_for_Arabic()
    {
        await using var tab = await WorkspaceTab.StartAsync();

        using var arabic = await tab.Host.Client.GetAsync("/workspace/words?lang=ar");
        var body = await WorkspaceTab.JsonOf(arabic);

        Assert.Equal("rtl", body.GetProperty("direction").GetString());
        Assert.Equal("مخاوف الحماية", body.GetProperty("words").GetProperty("PageTitle").GetString());
    }

    [Fact]
    public async Task The_local_sign_in_page_is_not_there_in_production_nor_for_a_request_from_elsewhere()
    {
        await using var production = await WorkspaceTab.StartAsync(environment: "Production");
        await using var development = await WorkspaceTab.StartAsync();

        using var inProduction = await production.Host.Client.GetAsync("/workspace/local-sign-in");
        using var noAddress = await development.Host.Client.GetAsync("/workspace/local-sign-in");

        Assert.Equal(HttpStatusCode.NotFound, inProduction.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, noAddress.StatusCode);
    }

    [Fact]
    public async Task On_this_machine_in_Development_the_local_sign_in_lists_the_leads_and_lets_one_open_their_concerns()
    {
        await using var tab = await WorkspaceTab.StartAsync(port: FreePort.Next());
        tab.Host.StartServer();
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);
        using var browser = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{tab.Host.Port}") };

        using var page = await browser.GetAsync("/workspace/local-sign-in");
        var html = await page.Content.ReadAsStringAsync();
        using var asha = await tab.SendAsync(HttpMethod.Get, $"/workspace/api/cases/{concern.Reference}", "Local " + People.Asha.ObjectId, null, null, browser);
        using var nick = await tab.SendAsync(HttpMethod.Get, $"/workspace/api/cases/{concern.Reference}", "Local " + People.Nick.ObjectId, null, null, browser);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Local sign-in (for trying ConcernBot on this computer only)", html, StringComparison.Ordinal);
        Assert.Contains(People.Asha.Name, html, StringComparison.Ordinal);
        Assert.Contains("Olive Oak-Lead — Oak House", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, asha.StatusCode);
        Assert.Contains("Quillborne", await asha.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, nick.StatusCode);
    }
}
