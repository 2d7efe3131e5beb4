using System.Text.Json;
using System.Text.Json.Nodes;
using ConcernBot.Concerns;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Leads;

/// <summary>Steps the leads' tests share: submit and route a concern, act on its card.</summary>
internal static class LeadsFlow
{
    /// <summary>Submits the concern as the intake would and delivers the outbox: the card reaches the leads.</summary>
    public static async Task<LeadsCardPost> RouteAsync(TestHost host, Concern concern)
    {
        await SampleConcerns.SubmitAsync(host, concern);
        var delivered = await host.DeliverOutboxAsync();
        Assert.Contains("concern.submitted", delivered);
        var routed = await SampleConcerns.CurrentAsync(host, concern);
        return Assert.Single(routed.Leads.Posts);
    }

    /// <summary>A leads' host with a sample concern routed to its channel, the connector's calls so far cleared.</summary>
    public static async Task<(TestHost Host, Concern Concern, LeadsCardPost Post)> RoutedAsync(Func<ConcernBot.Storage.IConcernStore, ConcernBot.Storage.IConcernStore>? wrap = null)
    {
        var host = TestHost.Leads(new() { WrapConcerns = wrap });
        var concern = SampleConcerns.Create();
        var post = await RouteAsync(host, concern);
        host.Connector.Clear();
        return (host, concern, post);
    }

    public static async Task<JsonElement> ActAsync(TestHost host, Person who, LeadsCardPost post, string verb, string concernId, object? inputs = null, string? trigger = "manual")
    {
        var data = new JsonObject { ["concernId"] = concernId };
        if (inputs is not null)
        {
            foreach (var (key, value) in JsonSerializer.SerializeToNode(inputs)!.AsObject())
            {
                data[key] = value?.DeepClone();
            }
        }

        var (status, body) = await host.TurnAsync(TestActivity.CardAction(who, verb, data, post.ConversationId, post.ActivityId, trigger));
        Assert.Equal(200, status);
        return body!.Value;
    }

    /// <summary>The card of an invoke answer, as JSON text; fails if the answer is not a card.</summary>
    public static string CardOf(JsonElement invokeAnswer)
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", invokeAnswer.GetProperty("type").GetString());
        return invokeAnswer.GetProperty("value").GetRawText();
    }

    /// <summary>The text of an invoke answer that is a message.</summary>
    public static string MessageOf(JsonElement invokeAnswer)
    {
        Assert.Equal("application/vnd.microsoft.activity.message", invokeAnswer.GetProperty("type").GetString());
        return invokeAnswer.GetProperty("value").GetString()!;
    }

    /// <summary>Every TextBlock text and fact in a card, joined: what a person reads.</summary>
    public static string Readable(string cardJson)
    {
        var parts = new List<string>();
        Walk(JsonNode.Parse(cardJson)!, parts);
        return string.Join("\n", parts);
    }

    private static void Walk(JsonNode node, List<string> parts)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o)
                {
                    if (value is JsonValue v && v.TryGetValue<string>(out var s) && key is "text" or "title" or "value" or "label")
                    {
                        parts.Add(s);
                    }
                    else if (value is not null)
                    {
                        Walk(value, parts);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Walk(item, parts);
                    }
                }

                break;
        }
    }
}
