using System.Text.Json.Nodes;
using System.Text.Json;
using System.Text;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams;

namespace ConcernBot.Channels.Teams.Tests.Activities;

/// <summary>The activity JSON the channel sends and the bot emits.</summary>
public sealed class ActivityJsonTests
{
    private static Activity Parse(string json) => ActivityJson.TryParse(Encoding.UTF8.GetBytes(json)) ?? throw new InvalidOperationException("did not parse");

    [Fact]
    public void Unknown_fields_and_entity_types_are_accepted_and_kept_on_the_way_back_out()
    {
        const string json = """
            {"type":"message","id":"1","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams",
             "from":{"id":"29:1","name":"Sam","aadObjectId":"aad-1","userPrincipalName":"new-field"},
             "conversation":{"id":"a:1","conversationType":"personal","tenantId":"t","futureFlag":true},
             "recipient":{"id":"28:bot","name":"Bot"},
             "text":"hello","locale":"en-GB",
             "entities":[{"type":"clientInfo","locale":"en-GB","country":"GB"},{"type":"somethingNew2030","payload":{"a":[1,2]}}],
             "channelData":{"tenant":{"id":"t"},"source":{"name":"message"},"legacy":{"replyToId":"x"}},
             "brandNewTopLevel":{"nested":[true,null,"x"]}}
            """;

        var activity = Parse(json);

        Assert.Equal("hello", activity.Text);
        Assert.Equal(2, activity.Entities?.Count);
        Assert.True(activity.ExtensionData?.ContainsKey("brandNewTopLevel"));
        Assert.Equal("new-field", activity.From?.ExtensionData?["userPrincipalName"].GetString());
        var roundTrip = JsonNode.Parse(ActivityJson.Serialize(activity));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), roundTrip), roundTrip?.ToJsonString());
    }

    [Fact]
    public void Fields_are_read_whatever_their_case_and_emitted_in_exact_camelCase_without_nulls()
    {
        var activity = Parse("""{"Type":"message","ServiceURL":"https://x/","Conversation":{"ID":"a:1"},"TEXT":"hi","ReplyToId":null}""");

        Assert.Equal("""{"type":"message","serviceUrl":"https://x/","conversation":{"id":"a:1"},"text":"hi"}""", ActivityJson.Serialize(activity));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"message\"")]
    [InlineData("{\"type\":\"message\",}")]
    [InlineData("{\"type\":\"message\",\"membersAdded\":{\"id\":\"x\"}}")]
    public void Malformed_json_is_null_not_an_exception(string json)
    {
        Assert.Null(ActivityJson.TryParse(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void Teams_channelData_is_typed_where_the_bot_reads_it()
    {
        var activity = Parse("""
            {"type":"conversationUpdate","channelData":{
              "tenant":{"id":"tenant-1"},
              "team":{"id":"19:team@thread.tacv2","name":"Care team","aadGroupId":"group-1"},
              "channel":{"id":"19:chan@thread.tacv2","name":"Leads"},
              "eventType":"TeamMemberAdded",
              "settings":{"selectedChannel":{"id":"19:chan@thread.tacv2"},"other":1},
              "notification":{"alert":true}}}
            """);

        var data = activity.GetTeamsChannelData();

        Assert.Equal("tenant-1", data.Tenant?.Id);
        Assert.Equal("19:team@thread.tacv2", data.Team?.Id);
        Assert.Equal("Care team", data.Team?.Name);
        Assert.Equal("group-1", data.Team?.AadGroupId);
        Assert.Equal("Leads", data.Channel?.Name);
        Assert.Equal("19:chan@thread.tacv2", data.Settings?.SelectedChannel?.Id);
        Assert.True(data.IsEvent("teamMemberAdded"));
        Assert.True(data.IsEvent("TEAMMEMBERADDED"));
        Assert.False(data.IsEvent("teamMemberRemoved"));
        Assert.True(data.ExtensionData?.ContainsKey("notification"));
    }

    [Theory]
    [InlineData("""{"type":"message"}""")]
    [InlineData("""{"type":"message","channelData":"not an object"}""")]
    [InlineData("""{"type":"message","channelData":{"tenant":"not an object"}}""")]
    public void Missing_or_odd_channelData_reads_as_empty(string json)
    {
        var data = Parse(json).GetTeamsChannelData();

        Assert.Null(data.Tenant);
        Assert.Null(data.EventType);
    }

    [Fact]
    public void Mention_markup_and_its_entity_survive_parsing_untouched()
    {
        const string json = """
            {"type":"message","text":"<at>Concern Bot</at> hi there",
             "entities":[{"type":"mention","text":"<at>Concern Bot</at>","mentioned":{"id":"28:bot","name":"Concern Bot"}}]}
            """;

        var activity = Parse(json);

        Assert.Equal("<at>Concern Bot</at> hi there", activity.Text);
        var mention = Assert.Single(activity.Entities!);
        Assert.Equal("mention", mention.GetProperty("type").GetString());
        Assert.Equal("28:bot", mention.GetProperty("mentioned").GetProperty("id").GetString());
        Assert.Equal("<at>Concern Bot</at> hi there", Parse(ActivityJson.Serialize(activity)).Text);
    }

    [Theory]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:1"},{"id":"28:bot"}]}""", true)]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"},"membersAdded":[{"id":"29:1"}]}""", false)]
    [InlineData("""{"type":"conversationUpdate","recipient":{"id":"28:bot"}}""", false)]
    [InlineData("""{"type":"conversationUpdate","membersAdded":[{"id":"28:bot"}]}""", false)]
    public void The_bot_was_added_only_when_it_is_among_membersAdded(string json, bool added)
    {
        Assert.Equal(added, Parse(json).BotWasAdded());
    }

    [Fact]
    public void A_reply_goes_back_into_the_same_conversation_from_the_bot_to_the_sender()
    {
        var inbound = Parse("""
            {"type":"message","id":"1700","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams","locale":"en-GB",
             "from":{"id":"29:1","name":"Sam","aadObjectId":"aad-1"},"recipient":{"id":"28:bot","name":"Bot"},
             "conversation":{"id":"a:1","conversationType":"personal","tenantId":"t"},"text":"hi"}
            """);

        var reply = inbound.CreateReply("Hello");

        Assert.Equal(
            """{"type":"message","serviceUrl":"https://smba.trafficmanager.net/emea/","channelId":"msteams","from":{"id":"28:bot","name":"Bot"},"conversation":{"id":"a:1","conversationType":"personal","tenantId":"t"},"recipient":{"id":"29:1","name":"Sam","aadObjectId":"aad-1"},"text":"Hello","textFormat":"markdown","locale":"en-GB","replyToId":"1700"}""",
            ActivityJson.Serialize(reply));
    }

    [Theory]
    [InlineData("Message", true)]
    [InlineData("message", true)]
    [InlineData("invoke", false)]
    public void Activity_types_compare_case_insensitively(string type, bool isMessage)
    {
        Assert.Equal(isMessage, new Activity { Type = type }.IsType(ActivityTypes.Message));
    }

    [Fact]
    public void Timestamps_keep_their_instant()
    {
        var activity = Parse("""{"type":"message","timestamp":"2026-11-24T21:00:00.123Z","localTimestamp":"2026-11-24T21:00:00.123+00:00"}""");

        Assert.Equal(new DateTimeOffset(2026, 11, 24, 21, 0, 0, 123, TimeSpan.Zero), activity.Timestamp);
        var again = JsonSerializer.Deserialize(ActivityJson.Serialize(activity), ActivityJsonContext.Default.Activity);
        Assert.Equal(activity.Timestamp, again?.Timestamp);
    }
}
