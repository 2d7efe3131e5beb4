using System.Text.Json;
using System.Text;
using BenchmarkDotNet.Attributes;
using ConcernBot.Channels.Activities;
using ConcernBot.Welcome;

namespace ConcernBot.Benchmarks;

/// <summary>The protocol's hot path either side of a turn: parse what Teams sends, serialise what the bot sends back.</summary>
[MemoryDiagnoser]
public class ActivityBenchmarks
{
    private byte[] _cardSubmit = [];
    private Activity _cardReply = null!;

    [GlobalSetup]
    public void Setup()
    {
        _cardSubmit = Encoding.UTF8.GetBytes(Samples.CardSubmitJson);
        var inbound = ActivityJson.TryParse(_cardSubmit)!;
        _cardReply = inbound.CreateReply();
        _cardReply.Attachments = [new Attachment { ContentType = Attachment.AdaptiveCardContentType, Content = new WelcomeCards().Welcome() }];
    }

    [Benchmark(Description = "Parse a card submit (message with value)")]
    public Activity? Parse() => ActivityJson.TryParse(_cardSubmit);

    [Benchmark(Description = "Serialise a reply with an Adaptive Card")]
    public string Serialise() => ActivityJson.Serialize(_cardReply);
}

internal static class Samples
{
    public const string CardSubmitJson = """
        {"type":"message","id":"1700000000000","timestamp":"2026-11-24T21:00:00.000Z","localTimestamp":"2026-11-24T21:00:00.000+00:00",
         "serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",
         "from":{"id":"29:1a2b3c","name":"Ada Quillfeather","aadObjectId":"00000000-0000-0000-0000-000000000020"},
         "conversation":{"conversationType":"personal","tenantId":"00000000-0000-0000-0000-000000000001","id":"a:1x2y3z"},
         "recipient":{"id":"28:00000000-0000-0000-0000-000000000002","name":"ConcernBot"},
         "entities":[{"locale":"en-GB","country":"GB","platform":"Web","timezone":"Europe/London","type":"clientInfo"}],
         "channelData":{"tenant":{"id":"00000000-0000-0000-0000-000000000001"},"source":{"name":"message"},"legacy":{"replyToId":"1:abc"}},
         "replyToId":"1700000000001","locale":"en-GB",
         "value":{"verb":"intake.answer","step":"atrisk.who","answer":"Mr Jones, room 12"}}
        """;
}
