using System.Net;
using System.Text;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Invoke;
using ConcernBot.Channels.Turns;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Hosting;

/// <summary>The status codes the channel gets from POST /api/messages, through the real host (local mode, loopback service URL).</summary>
public sealed class MessagingEndpointStatusTests
{
    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    public async Task Methods_other_than_post_get_405(string method)
    {
        await using var host = new TestHost();
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/messages");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":\"message\",")]
    [InlineData("not json at all")]
    [InlineData("")]
    [InlineData("{\"type\":\"message\",\"from\":\"a string where an object belongs\"}")]
    public async Task Malformed_json_gets_400(string body)
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Theory]
    [InlineData("{\"text\":\"hi\",\"serviceUrl\":\"http://127.0.0.1:56150/\"}")]
    [InlineData("{\"type\":\"\",\"text\":\"hi\"}")]
    [InlineData("{\"type\":null}")]
    [InlineData("{}")]
    public async Task An_activity_without_a_type_gets_400(string body)
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[{\"type\":\"message\",\"text\":\"hi\"}]")]
    [InlineData("42")]
    [InlineData("\"message\"")]
    [InlineData("null")]
    [InlineData("true")]
    public async Task Json_that_is_not_an_object_gets_400(string body)
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_body_over_256_kb_with_content_length_gets_413()
    {
        await using var host = new TestHost();
        var body = OversizedMessage();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");
        Assert.Equal(body.Length, content.Headers.ContentLength);

        using var response = await host.Client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task A_chunked_body_over_256_kb_without_content_length_gets_413()
    {
        await using var host = new TestHost();
        using var client = host.CreateRawClient();
        using var content = ChunkedContent.Json(OversizedMessage());
        Assert.Null(content.Headers.ContentLength);

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task A_chunked_body_just_under_the_limit_is_accepted()
    {
        await using var host = new TestHost();
        using var client = host.CreateRawClient();
        var activity = TestActivity.Message(People.Tester, "x");
        var skeleton = activity.ToJsonString().Length;
        activity["text"] = new string('x', 256 * 1024 - skeleton - 16);
        using var content = ChunkedContent.Json(Encoding.UTF8.GetBytes(activity.ToJsonString()));

        using var response = await client.PostAsync("/api/messages", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("somethingTeamsAddsNextYear")]
    [InlineData("messageReaction")]
    [InlineData("typing")]
    public async Task An_activity_type_the_bot_does_not_handle_gets_200_and_nothing_is_sent(string type)
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(TestActivity.InPersonalChat(type, People.Tester));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task Unknown_fields_and_entity_types_are_tolerated()
    {
        await using var host = new TestHost();
        const string body = """
            {"type":"message","text":"hi","serviceUrl":"http://127.0.0.1:56150/","channelId":"msteams",
             "from":{"id":"29:1","brandNewField":{"x":1}},"recipient":{"id":"28:bot"},
             "conversation":{"id":"a:1","conversationType":"personal","futureFlag":true},
             "entities":[{"type":"somethingNew","payload":[1,2,3]}],"aTopLevelFieldFromTheFuture":"yes"}
            """;

        using var response = await host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await host.Connector.WaitForAsync(1));
    }

    [Fact]
    public async Task An_invoke_nobody_handles_gets_501()
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(TestActivity.Invoke(People.Tester, "composeExtension/somethingUnknown"));

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Empty(host.Connector.Calls);
    }

    [Fact]
    public async Task A_message_gets_200_with_an_empty_body()
    {
        await using var host = new TestHost();

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task An_exception_inside_the_bot_gets_500()
    {
        await using var host = TestHost.With(new() { ExtraServices = s =>
        {
            s.RemoveAll<IBot>();
            s.AddSingleton<IBot, ThrowingBot>();
        } });

        using var response = await host.PostAsync(TestActivity.Message(People.Tester, "hi"));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_answers_200()
    {
        await using var host = TestHost.With(new() { Environment = "Production" });

        using var response = await host.Client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static byte[] OversizedMessage()
    {
        return Encoding.UTF8.GetBytes(TestActivity.Message(People.Tester, new string('x', 300 * 1024)).ToJsonString());
    }

    internal sealed class ThrowingBot : IBot
    {
        public const string Secret = "an exception message that must not leave the process";

        public Task<InvokeResponse?> OnTurnAsync(ITurnContext turn, CancellationToken cancellationToken) =>
            throw new InvalidOperationException(Secret);
    }
}
