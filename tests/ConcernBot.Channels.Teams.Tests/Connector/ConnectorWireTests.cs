using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;

namespace ConcernBot.Channels.Teams.Tests.Connector;

/// <summary>What goes on the wire for large bodies, long ids and redirects: exactly the serialiser's bytes, and never a token elsewhere.</summary>
public sealed class ConnectorWireTests
{
    [Fact]
    public async Task A_redirect_is_not_followed_and_the_token_never_reaches_where_it_points()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        await using var elsewhere = await LoopbackConnector.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(307, null, new Dictionary<string, string> { ["Location"] = elsewhere.BaseUrl + "/v3/conversations/a%3A1/activities" }));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.ServiceUrl, "a:1", new Activity { Type = ActivityTypes.Message, Text = "Hello" }));

        Assert.Equal(307, error.StatusCode);
        Assert.Single(harness.Server.Requests);
        Assert.Empty(elsewhere.Requests);
    }

    [Fact]
    public async Task A_body_larger_than_the_first_buffer_is_sent_whole_and_resent_byte_identical()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(502), new ScriptedResponse(201, """{"id":"9"}"""));
        var activity = new Activity { Type = ActivityTypes.Message, Text = string.Concat(Enumerable.Repeat("Ünïcødé \"quoted\" <b>words</b> & more. ", 600)) };

        var result = await harness.Client.SendAsync(harness.ServiceUrl, "a:1", activity);

        Assert.Equal("9", result.Id);
        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(ActivityJson.Serialize(activity), requests[0].Body);
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.True(requests[0].Body.Length > 20_000, "the body should outgrow the first pooled buffer");
    }

    [Fact]
    public async Task A_long_id_with_characters_outside_ascii_is_escaped_in_full()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        var conversationId = "19:" + string.Concat(Enumerable.Repeat("é/ü?#;", 120)) + "@thread.tacv2";

        await harness.Client.SendAsync(harness.ServiceUrl, conversationId, new Activity { Type = ActivityTypes.Message, Text = "Hello" });

        Assert.Equal($"/v3/conversations/{Uri.EscapeDataString(conversationId)}/activities", Assert.Single(harness.Server.Requests).RawTarget);
    }

    [Fact]
    public async Task The_whole_call_gives_up_at_the_total_timeout_even_while_an_attempt_may_still_run()
    {
        await using var harness = await ConnectorHarness.StartAsync(configure: o =>
        {
            o.TotalTimeout = TimeSpan.FromSeconds(1);
            o.AttemptTimeout = TimeSpan.FromSeconds(5);
        });
        harness.Server.Enqueue(new ScriptedResponse(200, "[]", Delay: TimeSpan.FromSeconds(4)));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.GetMembersAsync(harness.ServiceUrl, "a:1"));

        Assert.Equal(ConnectorException.NoAnswer, error.ErrorCode);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"gave up only after {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Single(harness.Server.Requests);
    }
}
