using System.Text.Json.Nodes;
using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;

namespace ConcernBot.Channels.Teams.Tests.Connector;

/// <summary>Each connector operation: exact method, raw path (ids escaped, one '/') and body, against a real loopback server.</summary>
public sealed class ConnectorClientOperationTests
{
    private const string ThreadId = "19:abc@thread.tacv2;messageid=123";
    private const string EscapedThreadId = "19%3Aabc%40thread.tacv2%3Bmessageid%3D123";
    private const string UserId = "29:1a-b@c";
    private const string EscapedUserId = "29%3A1a-b%40c";

    private static Activity Hello() => new()
    {
        Type = ActivityTypes.Message,
        Conversation = new ConversationAccount { Id = ThreadId },
        Text = "Hello",
        TextFormat = "markdown",
        Attachments = [Attachment.AdaptiveCard(JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5"}""").RootElement)],
    };

    private const string HelloJson =
        """{"type":"message","conversation":{"id":"19:abc@thread.tacv2;messageid=123"},"text":"Hello","textFormat":"markdown","attachments":[{"contentType":"application/vnd.microsoft.card.adaptive","content":{"type":"AdaptiveCard","version":"1.5"}}]}""";

    [Fact]
    public async Task Send_posts_the_activity_in_exact_camelCase_to_the_escaped_conversation()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(201, """{"id":"1700000000001"}"""));

        var result = await harness.Client.SendAsync(harness.ServiceUrl, ThreadId, Hello());

        Assert.Equal("1700000000001", result.Id);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities", request.RawTarget);
        Assert.Equal(HelloJson, request.Body);
        Assert.Equal("application/json; charset=utf-8", request.Header("Content-Type"));
    }

    [Fact]
    public async Task Reply_posts_to_the_activity_with_replyToId_set()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await harness.Client.ReplyAsync(harness.ServiceUrl, ThreadId, "1699:9", new Activity { Type = ActivityTypes.Message, Text = "Thanks" });

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities/1699%3A9", request.RawTarget);
        Assert.Equal("""{"type":"message","text":"Thanks","replyToId":"1699:9"}""", request.Body);
    }

    [Fact]
    public async Task Update_puts_the_whole_activity()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await harness.Client.UpdateAsync(harness.ServiceUrl, ThreadId, "1700", new Activity { Type = ActivityTypes.Message, Id = "1700", Text = "Updated" });

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("PUT", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities/1700", request.RawTarget);
        Assert.Equal("""{"type":"message","id":"1700","text":"Updated"}""", request.Body);
    }

    [Fact]
    public async Task Delete_sends_a_bodyless_DELETE()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(200));

        await harness.Client.DeleteAsync(harness.ServiceUrl, ThreadId, "1700");

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("DELETE", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/activities/1700", request.RawTarget);
        Assert.Equal("", request.Body);
    }

    [Fact]
    public async Task A_personal_chat_is_created_with_the_bot_the_user_and_the_tenant()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(201, """{"id":"a:1xyz","serviceUrl":"https://smba.trafficmanager.net/emea/","activityId":null}"""));

        var created = await harness.Client.CreatePersonalChatAsync(harness.ServiceUrl, "28:bot-app", UserId, "tenant-1");

        Assert.Equal("a:1xyz", created.Id);
        Assert.Equal("https://smba.trafficmanager.net/emea/", created.ServiceUrl);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations", request.RawTarget);
        Assert.Equal(
            """{"isGroup":false,"bot":{"id":"28:bot-app"},"members":[{"id":"29:1a-b@c"}],"tenantId":"tenant-1","channelData":{"tenant":{"id":"tenant-1"}}}""",
            request.Body);
    }

    [Fact]
    public async Task A_channel_thread_is_created_with_its_first_post_and_replies_go_to_the_messageid_conversation()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(201, """{"id":"19:chan@thread.tacv2;messageid=1700000000555","activityId":"1700000000555"}"""));

        var thread = await harness.Client.StartChannelThreadAsync(harness.ServiceUrl, "19:chan@thread.tacv2", new Activity { Type = ActivityTypes.Message, Text = "New" });

        Assert.Equal("19:chan@thread.tacv2;messageid=1700000000555", thread.ConversationId);
        Assert.Equal("1700000000555", thread.RootActivityId);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v3/conversations", request.RawTarget);
        var expected = JsonNode.Parse("""{"isGroup":true,"channelData":{"channel":{"id":"19:chan@thread.tacv2"}},"activity":{"type":"message","text":"New"}}""");
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(request.Body)), request.Body);
    }

    [Fact]
    public async Task Members_map_the_roster_objectId_to_AadObjectId()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(200, """[{"id":"29:1","name":"Sam","objectId":"aad-1","userPrincipalName":"sam@example.org","tenantId":"t","userRole":"user","newField":1}]"""));

        var members = await harness.Client.GetMembersAsync(harness.ServiceUrl, ThreadId);

        var member = Assert.Single(members);
        Assert.Equal("29:1", member.Id);
        Assert.Equal("aad-1", member.AadObjectId);
        Assert.Equal("sam@example.org", member.UserPrincipalName);
        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("GET", request.Method);
        Assert.Equal($"/v3/conversations/{EscapedThreadId}/members", request.RawTarget);
    }

    [Fact]
    public async Task Members_read_aadObjectId_when_objectId_is_missing_and_prefer_objectId_when_both_are_sent()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(200, """[{"id":"29:1","aadObjectId":"aad-1"},{"id":"29:2","objectId":"oid-2","aadObjectId":"aad-2"},{"id":"29:3"}]"""));

        var members = await harness.Client.GetMembersAsync(harness.ServiceUrl, ThreadId);

        Assert.Equal(["aad-1", "oid-2", null], members.Select(m => m.AadObjectId));
    }

    [Fact]
    public async Task Paged_members_send_pageSize_and_the_escaped_continuation_token_and_walk_every_page()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(
            new ScriptedResponse(200, """{"continuationToken":"next+page/=1","members":[{"id":"29:1","objectId":"aad-1"},{"id":"29:2","objectId":"aad-2"}]}"""),
            new ScriptedResponse(200, """{"members":[{"id":"29:3","objectId":"aad-3"}]}"""));

        var all = new List<string?>();
        await foreach (var member in harness.Client.GetAllMembersAsync(harness.ServiceUrl, "19:team@thread.tacv2", pageSize: 2))
        {
            all.Add(member.AadObjectId);
        }

        Assert.Equal(["aad-1", "aad-2", "aad-3"], all);
        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("/v3/conversations/19%3Ateam%40thread.tacv2/pagedmembers?pageSize=2", requests[0].RawTarget);
        Assert.Equal("/v3/conversations/19%3Ateam%40thread.tacv2/pagedmembers?pageSize=2&continuationToken=next%2Bpage%2F%3D1", requests[1].RawTarget);
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public async Task One_member_is_read_by_escaped_user_id_and_a_missing_member_is_null()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(
            new ScriptedResponse(200, """{"id":"29:1a-b@c","name":"Sam","objectId":"aad-1"}"""),
            new ScriptedResponse(404, """{"error":{"code":"MemberNotFoundInConversation","message":"x"}}"""));

        var member = await harness.Client.GetMemberAsync(harness.ServiceUrl, ThreadId, UserId);
        var missing = await harness.Client.GetMemberAsync(harness.ServiceUrl, ThreadId, UserId);

        Assert.Equal("aad-1", member?.AadObjectId);
        Assert.Null(missing);
        Assert.All(harness.Server.Requests, r => Assert.Equal($"/v3/conversations/{EscapedThreadId}/members/{EscapedUserId}", r.RawTarget));
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Team_details_and_channels_are_read_by_escaped_team_id()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(
            new ScriptedResponse(200, """{"id":"19:team@thread.tacv2","name":"Care team","aadGroupId":"group-1"}"""),
            new ScriptedResponse(200, """{"conversations":[{"id":"19:team@thread.tacv2","name":null},{"id":"19:leads@thread.tacv2","name":"Leads"}]}"""));

        var team = await harness.Client.GetTeamAsync(harness.ServiceUrl, "19:team@thread.tacv2");
        var channels = await harness.Client.GetChannelsAsync(harness.ServiceUrl, "19:team@thread.tacv2");

        Assert.Equal("group-1", team.AadGroupId);
        Assert.Equal(2, channels.Count);
        Assert.Null(channels[0].Name); // the General channel: no name, id == team id
        Assert.Equal("19:team@thread.tacv2", channels[0].Id);
        Assert.Equal("Leads", channels[1].Name);
        var requests = harness.Server.Requests;
        Assert.Equal("/v3/teams/19%3Ateam%40thread.tacv2", requests[0].RawTarget);
        Assert.Equal("/v3/teams/19%3Ateam%40thread.tacv2/conversations", requests[1].RawTarget);
        Assert.All(requests, r => Assert.Equal("GET", r.Method));
    }

    [Theory]
    [InlineData("")]
    [InlineData("/")]
    [InlineData("//")]
    public async Task The_service_url_and_path_are_joined_with_exactly_one_slash(string suffix)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Trusted.Trust(harness.Server.BaseUrl);

        await harness.Client.SendAsync(harness.Server.BaseUrl + suffix, "a:1", new Activity { Type = ActivityTypes.Message });

        Assert.Equal("/v3/conversations/a%3A1/activities", Assert.Single(harness.Server.Requests).RawTarget);
    }

    [Fact]
    public async Task A_service_url_with_a_path_keeps_it()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var regional = harness.Server.BaseUrl + "/emea/";
        harness.Trusted.Trust(regional);

        await harness.Client.SendAsync(regional, "a:1", new Activity { Type = ActivityTypes.Message });

        var request = Assert.Single(harness.Server.Requests);
        Assert.Equal("/emea/v3/conversations/a%3A1/activities", request.RawTarget);
        Assert.Equal("Bearer " + FakeTokenProvider.Token, request.Header("Authorization"));
    }
}

public sealed class ConnectorPathTests
{
    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task An_empty_id_is_refused_before_anything_is_sent(string id)
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.SendAsync(harness.ServiceUrl, id, new Activity { Type = ActivityTypes.Message }));

        Assert.Empty(harness.Server.Requests);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/relative/")]
    [InlineData("ftp://127.0.0.1/")]
    public async Task A_service_url_that_is_not_absolute_http_is_refused(string serviceUrl)
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => harness.Client.SendAsync(serviceUrl, "a:1", new Activity { Type = ActivityTypes.Message }));
    }

    [Fact]
    public async Task Slashes_question_marks_and_hashes_in_ids_stay_inside_their_segment()
    {
        await using var harness = await ConnectorHarness.StartAsync();

        await harness.Client.DeleteAsync(harness.ServiceUrl, "a:1/../x?y#z", "17 00");

        Assert.Equal("/v3/conversations/a%3A1%2F..%2Fx%3Fy%23z/activities/17%2000", Assert.Single(harness.Server.Requests).RawTarget);
    }
}
