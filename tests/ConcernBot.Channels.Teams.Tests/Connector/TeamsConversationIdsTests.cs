using System.Text.Json;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Teams.Connector;

namespace ConcernBot.Channels.Teams.Tests.Connector;

public sealed class TeamsConversationIdsTests
{
    [Theory]
    [InlineData("19:abc@thread.tacv2", "42", "19:abc@thread.tacv2;messageid=42")]
    [InlineData("19:abc@thread.tacv2;messageid=7", "42", "19:abc@thread.tacv2;messageid=42")]
    public void A_thread_reply_goes_to_the_channel_with_the_root_message_id(string channelId, string root, string expected) =>
        Assert.Equal(expected, TeamsConversationIds.ThreadReply(channelId, root));

    [Fact]
    public void The_channel_of_an_activity_comes_from_channelData_first()
    {
        var activity = new Activity
        {
            Conversation = new ConversationAccount { Id = "19:other@thread.tacv2;messageid=9" },
            ChannelData = JsonDocument.Parse("""{"channel":{"id":"19:leads@thread.tacv2"}}""").RootElement.Clone(),
        };

        Assert.Equal("19:leads@thread.tacv2", TeamsConversationIds.ChannelOf(activity));
    }

    [Theory]
    [InlineData("19:leads@thread.tacv2;messageid=1700000000000", "19:leads@thread.tacv2")]
    [InlineData("19:leads@thread.tacv2", "19:leads@thread.tacv2")]
    [InlineData("team-id", "team-id")]
    public void Without_channelData_the_channel_is_the_conversation_without_its_thread(string conversationId, string expected) =>
        Assert.Equal(expected, TeamsConversationIds.ChannelOf(new Activity { Conversation = new ConversationAccount { Id = conversationId } }));

    [Fact]
    public void The_bot_id_carries_the_28_prefix_once() =>
        Assert.Equal(("28:app", "28:app"), (TeamsConversationIds.Bot("app"), TeamsConversationIds.Bot("28:app")));
}
