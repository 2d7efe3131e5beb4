using System.Text.Json.Nodes;
using System.Text.Json;
using ConcernBot.Channels.Cards;

namespace ConcernBot.Channels.Teams.Tests.Cards;

/// <summary>The exact card JSON a client receives: property order, action data, fallbacks, and shared parts.</summary>
public sealed class AdaptiveCardJsonTests
{
    private static string Json(AdaptiveCard card) => JsonSerializer.Serialize(card.ToJsonElement());

    [Fact]
    public void A_card_is_written_with_its_schema_width_body_actions_and_texts_in_order()
    {
        var card = new AdaptiveCard()
            .Add(CardElement.Heading("Title"))
            .Add(CardElement.TextInput("answer", "Your answer", maxLength: 500, required: true))
            .AddAction(CardAction.Submit("Send", CardData.Verb("demo.send").With("step", "one"), style: "positive"))
            .WithFallbackText("Title")
            .WithSpeak("Title");

        Assert.Equal(
            """{"type":"AdaptiveCard","$schema":"http://adaptivecards.io/schemas/adaptive-card.json","version":"1.5","msteams":{"width":"Full"},"body":[""" +
            """{"type":"TextBlock","text":"Title","wrap":true,"size":"Medium","weight":"Bolder","style":"heading"},""" +
            """{"type":"Input.Text","id":"answer","label":"Your answer","isRequired":true,"errorMessage":"Your answer","isMultiline":false,"maxLength":500}]""" +
            ""","actions":[{"type":"Action.Submit","title":"Send","data":{"verb":"demo.send","step":"one"},"style":"positive"}]""" +
            ""","fallbackText":"Title","speak":"Title"}""",
            Json(card));
    }

    [Fact]
    public void Execute_repeats_its_data_in_a_submit_fallback_with_the_verb_added_last()
    {
        var card = new AdaptiveCard().AddAction(CardAction.Execute("View", "demo.view", CardData.Of("id", "c-1").With("pinned", true)));

        var action = JsonNode.Parse(Json(card))!["actions"]![0]!;

        Assert.Equal("""{"type":"Action.Execute","title":"View","verb":"demo.view","data":{"id":"c-1","pinned":true},"fallback":{"type":"Action.Submit","title":"View","data":{"id":"c-1","pinned":true,"verb":"demo.view"}}}""", action.ToJsonString());
    }

    [Fact]
    public void A_verb_already_in_the_data_is_replaced_in_place_in_the_fallback()
    {
        var card = new AdaptiveCard().AddAction(CardAction.Execute("Go", "demo.go", CardData.Verb("old").With("id", "c-1")));

        var fallback = JsonNode.Parse(Json(card))!["actions"]![0]!["fallback"]!["data"]!;

        Assert.Equal("""{"verb":"demo.go","id":"c-1"}""", fallback.ToJsonString());
    }

    [Fact]
    public void Actions_without_data_send_an_empty_object_and_execute_still_names_its_verb()
    {
        var card = new AdaptiveCard().AddAction(CardAction.Submit("Ok")).AddAction(CardAction.Execute("Go", "demo.go"));

        var actions = JsonNode.Parse(Json(card))!["actions"]!;

        Assert.Equal("{}", actions[0]!["data"]!.ToJsonString());
        Assert.Equal("{}", actions[1]!["data"]!.ToJsonString());
        Assert.Equal("""{"verb":"demo.go"}""", actions[1]!["fallback"]!["data"]!.ToJsonString());
    }

    [Fact]
    public void Data_given_as_an_object_is_written_in_camel_case_as_before()
    {
        var card = new AdaptiveCard().AddAction(CardAction.Submit("Send", new { Verb = "demo.send", QuestionNumber = 2 }, validateInputs: false));

        var action = JsonNode.Parse(Json(card))!["actions"]![0]!;

        Assert.Equal("""{"type":"Action.Submit","title":"Send","data":{"verb":"demo.send","questionNumber":2},"associatedInputs":"none"}""", action.ToJsonString());
    }

    [Fact]
    public void Card_data_cannot_name_the_same_field_twice()
    {
        var data = CardData.Verb("demo.send").With("step", "one");

        Assert.Throws<ArgumentException>(() => data.With("step", "two"));
    }

    [Fact]
    public void Card_data_is_not_changed_by_adding_to_it_so_it_can_be_shared()
    {
        var shared = CardData.Of("id", "c-1");
        var card = new AdaptiveCard()
            .AddAction(CardAction.Submit("A", shared.With("choice", "a")))
            .AddAction(CardAction.Submit("B", shared));

        var actions = JsonNode.Parse(Json(card))!["actions"]!;

        Assert.Equal("""{"id":"c-1","choice":"a"}""", actions[0]!["data"]!.ToJsonString());
        Assert.Equal("""{"id":"c-1"}""", actions[1]!["data"]!.ToJsonString());
    }

    [Fact]
    public void One_action_can_be_shared_by_several_cards_and_a_shown_card_has_no_schema_or_width()
    {
        var more = CardAction.ShowCard("More", new AdaptiveCard().AddAction(CardAction.Submit("Help", CardData.Verb("demo.help"))));

        var first = Json(new AdaptiveCard().Add(CardElement.Text("One")).AddAction(more));
        var second = Json(new AdaptiveCard().Add(CardElement.Text("Two")).AddAction(more));

        const string expected = """{"type":"Action.ShowCard","title":"More","card":{"type":"AdaptiveCard","version":"1.5","body":[],"actions":[{"type":"Action.Submit","title":"Help","data":{"verb":"demo.help"}}]}}""";
        Assert.Equal(expected, JsonNode.Parse(first)!["actions"]![0]!.ToJsonString());
        Assert.Equal(expected, JsonNode.Parse(second)!["actions"]![0]!.ToJsonString());
    }

    [Fact]
    public void Setting_a_property_again_keeps_its_place()
    {
        var card = new AdaptiveCard().Add(CardElement.Text("Hi", subtle: true).WithStyle("a").WithId("x").WithStyle("b"));

        var element = JsonNode.Parse(Json(card))!["body"]![0]!;

        Assert.Equal("""{"type":"TextBlock","text":"Hi","wrap":true,"isSubtle":true,"style":"b","id":"x"}""", element.ToJsonString());
    }

    [Fact]
    public void A_refresh_names_its_users_and_refuses_more_than_Teams_allows()
    {
        var card = new AdaptiveCard().WithRefresh("demo.view", CardData.Of("id", "c-1"), ["29:a", "29:b"]);

        Assert.Equal("""{"action":{"type":"Action.Execute","verb":"demo.view","data":{"id":"c-1"}},"userIds":["29:a","29:b"]}""", JsonNode.Parse(Json(card))!["refresh"]!.ToJsonString());
        Assert.Throws<ArgumentException>(() => new AdaptiveCard().WithRefresh("demo.view", null, [.. Enumerable.Range(0, 61).Select(i => "29:" + i)]));
    }

    [Fact]
    public void Texts_with_quotes_and_non_ascii_letters_round_trip_exactly()
    {
        const string text = "Zoë said \"stop\" <now> & left\n\u2019";

        var element = new AdaptiveCard().Add(CardElement.Text(text)).ToJsonElement();

        Assert.Equal(text, element.GetProperty("body")[0].GetProperty("text").GetString());
    }
}
