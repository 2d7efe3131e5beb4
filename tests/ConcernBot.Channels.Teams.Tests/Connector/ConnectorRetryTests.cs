using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;

namespace ConcernBot.Channels.Teams.Tests.Connector;

/// <summary>Which connector answers are retried, how long the client waits, and which failures reach the caller at once.</summary>
public sealed class ConnectorRetryTests
{
    private static Activity Message() => new() { Type = ActivityTypes.Message, Text = "Hello" };

    private static Dictionary<string, string> RetryAfter(string value) => new() { ["Retry-After"] = value };

    [Fact]
    public async Task A_429_is_retried_only_after_its_Retry_After()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(429, """{"error":{"code":"Throttled"}}""", RetryAfter("1")), new ScriptedResponse(201, """{"id":"2"}"""));

        var result = await harness.Client.SendAsync(harness.ServiceUrl, "a:1", Message());

        Assert.Equal("2", result.Id);
        var requests = harness.Server.Requests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"waited only {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
        Assert.Equal(requests[0].Body, requests[1].Body);
        Assert.Equal("Bearer " + FakeTokenProvider.Token, requests[1].Header("Authorization"));
    }

    [Theory]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Answers_meaning_not_processed_are_retried_even_for_a_POST(int status)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(status), new ScriptedResponse(201, """{"id":"7"}"""));

        var result = await harness.Client.SendAsync(harness.ServiceUrl, "a:1", Message());

        Assert.Equal("7", result.Id);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task Retries_are_bounded_and_the_last_answer_reaches_the_caller()
    {
        await using var harness = await ConnectorHarness.StartAsync(configure: o => o.MaxAttempts = 3);
        harness.Server.Default = new ScriptedResponse(502);

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.ServiceUrl, "a:1", Message()));

        Assert.Equal(502, error.StatusCode);
        Assert.Equal(3, harness.Server.Requests.Count);
    }

    [Fact]
    public async Task A_blocked_user_403_is_not_retried_and_says_so()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(403, """{"error":{"code":"MessageWritesBlocked","message":"Thread is blocked"}}"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.ServiceUrl, "a:1", Message()));

        Assert.True(error.IsBlockedByUser);
        Assert.Equal("MessageWritesBlocked", error.ErrorCode);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task A_message_too_big_413_is_not_retried_and_is_surfaced_as_too_large()
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(413, """{"error":{"code":"MessageSizeTooBig","message":"too big"}}"""));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.ServiceUrl, "a:1", Message()));

        Assert.True(error.IsMessageTooLarge);
        Assert.Equal("MessageSizeTooBig", error.ErrorCode);
        Assert.Contains("413", error.Message, StringComparison.Ordinal);
        Assert.Single(harness.Server.Requests);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(500)]
    public async Task Other_failures_are_not_retried(int status)
    {
        await using var harness = await ConnectorHarness.StartAsync();
        harness.Server.Enqueue(new ScriptedResponse(status, "not json"));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.UpdateAsync(harness.ServiceUrl, "a:1", "5", Message()));

        Assert.Equal(status, error.StatusCode);
        Assert.False(error.IsBlockedByUser);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task A_Retry_After_longer_than_the_bot_waits_fails_at_once_as_throttled()
    {
        await using var harness = await ConnectorHarness.StartAsync(configure: o => o.MaxRetryAfter = TimeSpan.FromSeconds(5));
        harness.Server.Enqueue(new ScriptedResponse(429, null, RetryAfter("120")));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.ServiceUrl, "a:1", Message()));

        Assert.True(error.IsThrottled);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task A_POST_that_times_out_is_not_sent_again()
    {
        await using var harness = await ConnectorHarness.StartAsync(configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        harness.Server.Enqueue(new ScriptedResponse(201, """{"id":"1"}""", Delay: TimeSpan.FromSeconds(5)));

        var error = await Assert.ThrowsAsync<ConnectorException>(() => harness.Client.SendAsync(harness.ServiceUrl, "a:1", Message()));

        Assert.Equal(0, error.StatusCode);
        Assert.Equal(ConnectorException.NoAnswer, error.ErrorCode);
        Assert.Single(harness.Server.Requests);
    }

    [Fact]
    public async Task A_GET_that_times_out_is_tried_again()
    {
        await using var harness = await ConnectorHarness.StartAsync(configure: o => o.AttemptTimeout = TimeSpan.FromSeconds(1));
        harness.Server.Enqueue(new ScriptedResponse(200, "[]", Delay: TimeSpan.FromSeconds(5)), new ScriptedResponse(200, """[{"id":"29:1","objectId":"aad-1"}]"""));

        var members = await harness.Client.GetMembersAsync(harness.ServiceUrl, "a:1");

        Assert.Equal("aad-1", Assert.Single(members).AadObjectId);
        Assert.Equal(2, harness.Server.Requests.Count);
    }

    [Fact]
    public void Retry_After_is_read_as_delta_seconds_and_as_an_HTTP_date()
    {
        var now = new DateTimeOffset(2026, 11, 24, 21, 0, 0, TimeSpan.Zero);
        var time = new FixedTime(now);
        using var delta = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        delta.Headers.TryAddWithoutValidation("Retry-After", "7");
        using var date = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        date.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(12).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        using var past = new HttpResponseMessage(System.Net.HttpStatusCode.TooManyRequests);
        past.Headers.TryAddWithoutValidation("Retry-After", now.AddSeconds(-30).ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        using var none = new HttpResponseMessage(System.Net.HttpStatusCode.BadGateway);

        Assert.Equal(TimeSpan.FromSeconds(7), ConnectorResilience.RetryAfter(delta, time));
        Assert.Equal(TimeSpan.FromSeconds(12), ConnectorResilience.RetryAfter(date, time));
        Assert.Equal(TimeSpan.Zero, ConnectorResilience.RetryAfter(past, time));
        Assert.Null(ConnectorResilience.RetryAfter(none, time));
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
