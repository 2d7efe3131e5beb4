using System.Net;
using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;
using ConcernBot.Workspace;

namespace ConcernBot.Tests.Workspace;

/// <summary>
/// Who may see what in the leads' tab: the tab's single sign-on token checked against a loopback Entra with the test's
/// own keys, then the card's own rule (the service's leads and deputies, less anyone the concern is about). A refusal
/// carries nothing of the concern, and every view and refusal is in the concern's audit.
/// </summary>
public sealed class WhoMaySeeWhatTests
{
    private static string Bearer(string token) => "Bearer " + token;

    private static async Task<(WorkspaceTab Tab, Concern Concern)> RoutedAsync(Concern? concern = null)
    {
        var tab = await WorkspaceTab.StartAsync();
        concern ??= SampleConcerns.Create();
        await tab.RouteAsync(concern);
        return (tab, concern);
    }

    private static async Task AssertNothingOfTheConcern(HttpResponseMessage response, Concern concern)
    {
        var body = await response.Content.ReadAsStringAsync();
        foreach (var word in SampleConcerns.DetailWords.Append(concern.Reference))
        {
            Assert.DoesNotContain(word, body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task A_designated_lead_with_a_valid_token_opens_the_case_and_the_view_is_recorded_with_who_and_when()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;

        using var response = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Mr Quillborne shout at Mrs Pemberly", body, StringComparison.Ordinal);
        Assert.Contains("Rita Reporter", body, StringComparison.Ordinal);
        var viewed = Assert.Single(await tab.Host.Stores.ReadAsync(concern.Id), e => e.Action == WorkspaceAudit.CaseViewed);
        Assert.Equal(People.Asha.Name, viewed.Actor);
        Assert.Equal(tab.Host.Clock.GetUtcNow(), viewed.At);
    }

    [Fact]
    public async Task A_deputy_sees_the_case_in_the_list_with_need_to_know_facts_only()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;

        using var response = await tab.GetAsync("/workspace/api/cases", Bearer(tab.Token(People.Dee)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(concern.Reference, body, StringComparison.Ordinal);
        Assert.DoesNotContain("Quillborne", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_token_the_answer_is_401_and_asks_the_person_to_sign_in()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;

        using var one = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", null);
        using var list = await tab.GetAsync("/workspace/api/cases", null);

        Assert.Equal(HttpStatusCode.Unauthorized, one.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, list.StatusCode);
        Assert.Contains("Please sign in", await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingOfTheConcern(one, concern);
        await AssertNothingOfTheConcern(list, concern);
        Assert.DoesNotContain(await tab.Host.Stores.ReadAsync(concern.Id), e => e.Action == WorkspaceAudit.CaseViewed);
    }

    [Fact]
    public async Task A_forged_token_signed_with_other_keys_under_the_same_key_id_gets_401()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;

        using var response = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha, key: tab.Key.Forge())));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingOfTheConcern(response, concern);
    }

    [Fact]
    public async Task An_expired_token_gets_401()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;
        var token = tab.Token(People.Asha, notBefore: DateTime.UtcNow.AddHours(-3), expires: DateTime.UtcNow.AddHours(-2));

        using var response = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingOfTheConcern(response, concern);
    }

    [Fact]
    public async Task A_token_for_another_audience_gets_401()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;

        using var graph = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha, audience: "https://graph.microsoft.com")));
        using var otherApp = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha, audience: "api://concernbot.example.org/11111111-2222-3333-4444-555555555555")));

        Assert.Equal(HttpStatusCode.Unauthorized, graph.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, otherApp.StatusCode);
        await AssertNothingOfTheConcern(graph, concern);
    }

    [Fact]
    public async Task A_token_another_app_asked_for_gets_401_and_one_from_Teams_on_the_phone_is_let_in()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;

        using var other = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha, clientApp: "11111111-2222-3333-4444-555555555555")));
        using var phone = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha, clientApp: "1fec8e78-bce4-4aaf-ab1b-5451cc387264")));

        Assert.Equal(HttpStatusCode.Unauthorized, other.StatusCode);
        await AssertNothingOfTheConcern(other, concern);
        Assert.Equal(HttpStatusCode.OK, phone.StatusCode);
    }

    [Fact]
    public async Task A_token_naming_one_tenant_but_issued_by_another_gets_401()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;

        using var response = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha, issuerTenant: "tenant-9999")));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await AssertNothingOfTheConcern(response, concern);
    }

    [Fact]
    public async Task The_same_person_signed_in_from_another_tenant_is_refused_the_concern_and_lists_nothing()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;
        var token = Bearer(tab.Token(People.Asha, tenant: "tenant-0002"));

        using var one = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", token);
        using var list = await tab.GetAsync("/workspace/api/cases", token);

        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        Assert.Contains("only its safeguarding leads can", await one.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNothingOfTheConcern(one, concern);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        await AssertNothingOfTheConcern(list, concern);
    }

    [Fact]
    public async Task A_lead_of_another_service_is_refused_and_the_attempt_is_recorded()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;
        var token = Bearer(tab.Token(WorkspaceTab.Olive));

        using var one = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", token);
        using var list = await tab.GetAsync("/workspace/api/cases", token);

        Assert.Equal(HttpStatusCode.Forbidden, one.StatusCode);
        await AssertNothingOfTheConcern(one, concern);
        await AssertNothingOfTheConcern(list, concern);
        var refused = Assert.Single(await tab.Host.Stores.ReadAsync(concern.Id), e => e.Action == LeadsAudit.Refused);
        Assert.Contains(WorkspaceTab.Olive.Name, refused.Actor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_lead_of_the_concerns_own_service_sees_it_and_the_root_services_leads_do_not()
    {
        var (tab, concern) = await RoutedAsync(SampleConcerns.Create() with { ServiceId = WorkspaceTab.OakService });
        await using var _ = tab;

        using var olive = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(WorkspaceTab.Olive)));
        using var asha = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha)));

        Assert.Equal(HttpStatusCode.OK, olive.StatusCode);
        Assert.Contains("Oak House", await olive.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, asha.StatusCode);
        await AssertNothingOfTheConcern(asha, concern);
    }

    [Fact]
    public async Task The_lead_a_concern_is_about_can_neither_open_it_nor_find_it_in_the_list_while_the_others_can()
    {
        var about = SampleConcerns.Create(subject: new ConcernSubject { Kind = SubjectKind.SafeguardingLead, LeadAadObjectId = People.Ben.ObjectId });
        var (tab, concern) = await RoutedAsync(about);
        await using var _ = tab;

        using var ben = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Ben)));
        using var benList = await tab.GetAsync("/workspace/api/cases", Bearer(tab.Token(People.Ben)));
        using var asha = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha)));

        Assert.Equal(HttpStatusCode.Forbidden, ben.StatusCode);
        await AssertNothingOfTheConcern(ben, concern);
        await AssertNothingOfTheConcern(benList, concern);
        Assert.Equal(HttpStatusCode.OK, asha.StatusCode);
    }

    [Fact]
    public async Task On_App_Service_the_audience_is_the_web_apps_own_host_and_the_bots_app_id()
    {
        await using var tab = await WorkspaceTab.StartAsync(new Dictionary<string, string?>
        {
            ["TabSignIn:ApplicationIdUri"] = "",
            ["WEBSITE_HOSTNAME"] = "concernbot-abc123.azurewebsites.net",
            ["MicrosoftAppId"] = WorkspaceTab.AppId,
            ["MicrosoftAppPassword"] = "not-used-by-this-test",
        }, environment: "Production");
        var concern = SampleConcerns.Create();
        await tab.RouteAsync(concern);

        using var right = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha, audience: $"api://concernbot-abc123.azurewebsites.net/{WorkspaceTab.AppId}")));
        using var wrong = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", Bearer(tab.Token(People.Asha)));

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task The_local_sign_in_is_refused_when_the_request_is_not_from_this_machine_or_not_in_Development()
    {
        var (tab, concern) = await RoutedAsync();
        await using var _ = tab;
        await using var production = await WorkspaceTab.StartAsync(environment: "Production");
        await production.RouteAsync(concern);

        // The in-memory test server has no remote address: not loopback.
        using var noAddress = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}", "Local " + People.Asha.ObjectId);
        using var inProduction = await production.GetAsync($"/workspace/api/cases/{concern.Reference}", "Local " + People.Asha.ObjectId);

        Assert.Equal(HttpStatusCode.Unauthorized, noAddress.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, inProduction.StatusCode);
        await AssertNothingOfTheConcern(inProduction, concern);
    }
}
