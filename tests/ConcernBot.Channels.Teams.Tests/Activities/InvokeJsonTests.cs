using System.Text.Json;
using System.Text;
using ConcernBot.Channels.Activities;
using ConcernBot.Channels.Invoke;

namespace ConcernBot.Channels.Teams.Tests.Activities;

/// <summary>adaptiveCard/action: reading the action and the exact bodies the bot answers with (bot-protocol.md section 5).</summary>
public sealed class InvokeJsonTests
{
    private static string Body(InvokeResponse response) =>
        JsonSerializer.Serialize(response.Body!, ActivityJsonContext.Default.InvokeResponseBody);

    [Fact]
    public void A_card_answer_is_the_bare_body_with_the_adaptive_card_content_type()
    {
        var card = JsonDocument.Parse("""{"type":"AdaptiveCard","version":"1.5","body":[]}""").RootElement;

        var response = InvokeResponse.Card(card);

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.card.adaptive","value":{"type":"AdaptiveCard","version":"1.5","body":[]}}""", Body(response));
    }

    [Fact]
    public void A_message_answer_carries_the_text_as_its_value()
    {
        Assert.Equal("""{"statusCode":200,"type":"application/vnd.microsoft.activity.message","value":"Saved"}""", Body(InvokeResponse.Message("Saved")));
    }

    [Fact]
    public void An_error_answer_carries_code_and_message()
    {
        var response = InvokeResponse.Error(400, "BadRequest", "Missing input");

        Assert.Equal(200, response.HttpStatus);
        Assert.Equal("""{"statusCode":400,"type":"application/vnd.microsoft.error","value":{"code":"BadRequest","message":"Missing input"}}""", Body(response));
    }

    [Fact]
    public void An_unhandled_invoke_is_501_with_no_body()
    {
        Assert.Equal(501, InvokeResponse.NotImplemented.HttpStatus);
        Assert.Null(InvokeResponse.NotImplemented.Body);
    }

    [Fact]
    public void The_content_type_strings_are_exact()
    {
        Assert.Equal("application/vnd.microsoft.card.adaptive", InvokeResponse.CardType);
        Assert.Equal("application/vnd.microsoft.card.adaptive", Attachment.AdaptiveCardContentType);
        Assert.Equal("application/vnd.microsoft.activity.message", InvokeResponse.MessageType);
        Assert.Equal("application/vnd.microsoft.error", InvokeResponse.ErrorType);
    }

    [Fact]
    public void An_Action_Execute_invoke_gives_verb_data_and_trigger()
    {
        var activity = ActivityJson.TryParse(Encoding.UTF8.GetBytes("""
            {"type":"invoke","name":"adaptiveCard/action","value":{"action":{"type":"Action.Execute","verb":"raise","data":{"step":2,"details":"text"}},"trigger":"manual"}}
            """))!;

        var action = AdaptiveCardAction.From(activity);

        Assert.NotNull(action);
        Assert.Equal("raise", action.Verb);
        Assert.Equal("manual", action.Trigger);
        Assert.Equal(2, action.Data.GetProperty("step").GetInt32());
        Assert.Equal("text", action.Data.GetProperty("details").GetString());
    }

    [Fact]
    public void An_action_without_data_or_trigger_is_still_read()
    {
        var activity = ActivityJson.TryParse(Encoding.UTF8.GetBytes("""{"type":"invoke","value":{"action":{"verb":"refresh"}}}"""))!;

        var action = AdaptiveCardAction.From(activity);

        Assert.Equal("refresh", action?.Verb);
        Assert.Null(action?.Trigger);
        Assert.Equal(JsonValueKind.Undefined, action?.Data.ValueKind);
    }

    [Theory]
    [InlineData("""{"type":"invoke"}""")]
    [InlineData("""{"type":"invoke","value":null}""")]
    [InlineData("""{"type":"invoke","value":"raise"}""")]
    [InlineData("""{"type":"invoke","value":{}}""")]
    [InlineData("""{"type":"invoke","value":{"action":"raise"}}""")]
    [InlineData("""{"type":"invoke","value":{"action":{"type":"Action.Execute"}}}""")]
    [InlineData("""{"type":"invoke","value":{"action":{"verb":42}}}""")]
    [InlineData("""{"type":"invoke","value":{"action":{"verb":null}}}""")]
    public void A_malformed_action_is_null(string json)
    {
        var activity = ActivityJson.TryParse(Encoding.UTF8.GetBytes(json))!;

        Assert.Null(AdaptiveCardAction.From(activity));
    }
}
