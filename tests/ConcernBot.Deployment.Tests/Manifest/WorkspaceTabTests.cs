using System.IO.Compression;
using System.Text.Json.Nodes;
using ConcernBot.Deployment.Tests.Infrastructure;

namespace ConcernBot.Deployment.Tests.Manifest;

/// <summary>The leads' workspace in the manifest: a personal tab, a channel tab, and single sign-on for both.</summary>
public sealed class WorkspaceTabTests
{
    private readonly JsonObject _manifest = ManifestSchemaTests.CommittedManifest();

    [Fact]
    public void Each_lead_has_a_personal_My_concerns_tab_beside_the_chat()
    {
        var tabs = _manifest["staticTabs"]!.AsArray();
        var mine = tabs.Single(t => (string?)t!["entityId"] == "my-concerns")!;

        Assert.Equal("My concerns", (string?)mine["name"]);
        Assert.Equal("https://${{BOT_DOMAIN}}/workspace?tab=personal", (string?)mine["contentUrl"]);
        Assert.Equal(["personal"], mine["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.Contains(tabs, t => (string?)t!["entityId"] == "conversations");
    }

    [Fact]
    public void The_leads_channel_can_have_the_workspace_as_a_tab_configured_from_the_bots_own_page()
    {
        var tab = Assert.Single(_manifest["configurableTabs"]!.AsArray())!;

        Assert.Equal("https://${{BOT_DOMAIN}}/workspace/configure", (string?)tab["configurationUrl"]);
        Assert.Equal(["team"], tab["scopes"]!.AsArray().Select(s => (string?)s));
        Assert.True((bool?)tab["canUpdateConfiguration"]);
    }

    [Fact]
    public async Task The_package_asks_for_single_sign_on_to_the_bots_own_api_on_its_domain()
    {
        using var temp = new TempFolder();
        var zip = temp.Combine("app.zip");

        await AppPackager.PackageAsync(zip);

        using var archive = ZipFile.OpenRead(zip);
        await using var stream = archive.GetEntry("manifest.json")!.Open();
        var manifest = (await JsonNode.ParseAsync(stream))!;
        var sso = manifest["webApplicationInfo"]!;
        Assert.Equal(AppPackager.BotAppId, (string?)sso["id"]);
        Assert.Equal($"api://{AppPackager.Domain}/{AppPackager.BotAppId}", (string?)sso["resource"]);
        Assert.Equal($"https://{AppPackager.Domain}/workspace?tab=personal", (string?)manifest["staticTabs"]![0]!["contentUrl"]);
    }
}
