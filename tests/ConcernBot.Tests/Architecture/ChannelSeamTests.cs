using ConcernBot.Channels.Teams;
using NetArchTest.Rules;

namespace ConcernBot.Tests.Architecture;

/// <summary>
/// The product reaches people only through its two ports: IReporterChat (a reporter, whatever the channel) and
/// ITeamsLeads (the leads, in Teams). Only their implementations in ConcernBot.Connectors may touch a connector.
/// </summary>
public sealed class ChannelSeamTests
{
    private static Types Product => Types.InAssembly(typeof(ConcernBotServiceCollectionExtensions).Assembly);

    [Fact]
    public void No_product_type_outside_Connectors_uses_the_Bot_Connector_client()
    {
        var result = Product.That().DoNotResideInNamespace("ConcernBot.Connectors")
            .ShouldNot().HaveDependencyOn("ConcernBot.Channels.Teams.Connector.IConnectorClient")
            .GetResult();

        Assert.True(result.IsSuccessful, "These use the connector directly: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void No_product_type_outside_Connectors_builds_a_Teams_conversation_or_opens_a_chat_itself()
    {
        var result = Product.That().DoNotResideInNamespace("ConcernBot.Connectors")
            .ShouldNot().HaveDependencyOnAny("ConcernBot.Channels.Teams.Connector.ConversationParameters", "ConcernBot.Channels.Teams.Connector.ConnectorClientExtensions", "ConcernBot.Channels.Turns.BotConnectorAdapter")
            .GetResult();

        Assert.True(result.IsSuccessful, "These build Teams conversations themselves: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_domain_knows_no_channel()
    {
        var result = Product.That().ResideInNamespace("ConcernBot.Concerns")
            .ShouldNot().HaveDependencyOnAny("ConcernBot.Channels.Turns", "ConcernBot.Channels.Teams", "ConcernBot.Channels.Activities")
            .GetResult();

        Assert.True(result.IsSuccessful, "The domain imports the channel layer: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void The_channel_layer_knows_nothing_of_the_product()
    {
        var result = Types.InAssemblies([typeof(ConcernBot.Channels.Turns.IBot).Assembly, typeof(ConcernBot.Channels.Teams.BotConnectorAdapter).Assembly])
            .ShouldNot().HaveDependencyOnAny("ConcernBot.Concerns", "ConcernBot.Leads", "ConcernBot.Intake", "ConcernBot.Anonymity")
            .GetResult();

        Assert.True(result.IsSuccessful, "The channel layer imports the product: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
