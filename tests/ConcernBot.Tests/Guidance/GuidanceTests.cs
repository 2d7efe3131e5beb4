using System.Text.Json.Nodes;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;
using L = ConcernBot.Resources.Guidance;

namespace ConcernBot.Tests.Learn;

public sealed class GuidanceTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task The_welcome_cards_learn_button_opens_the_topics_and_each_topic_answers()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();

        var menu = await chat.SendValueAsync(new JsonObject { ["verb"] = "learn.start" });
        Assert.True(menu.Says(L.MenuTitle));

        var abuse = await chat.PressAsync(L.TopicAbuse);
        Assert.True(abuse.Says(I.HarmFinancialOrMaterialDescription));
        Assert.True((await chat.PressAsync(L.TopicSigns)).Says(L.SignsNeglectOrActsOfOmission));
        var lead = await chat.PressAsync(L.TopicLead);
        Assert.True(lead.Says("Priya Shah"));
        Assert.True(lead.Says("Tom Okafor"));
        Assert.True((await chat.PressAsync(L.TopicAfter)).Says(L.AfterLead));
        var policies = await chat.PressAsync(L.TopicPolicies);
        Assert.Contains("Safeguarding adults policy", policies.LastCard!.Buttons);
        Assert.Contains("https://example.org/policies/safeguarding-adults", policies.LastCard.Card!.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("learn", "MenuTitle")]
    [InlineData("What is abuse?", "AbuseTitle")]
    [InlineData("who is my safeguarding lead", "LeadTitle")]
    [InlineData("What happens next?", "AfterTitle")]
    [InlineData("signs of abuse", "SignsTitle")]
    [InlineData("policies", "PoliciesTitle")]
    public async Task Asking_in_words_finds_the_topic(string question, string titleKey)
    {
        using var host = TestHost.Intake(_data);
        var reply = await host.Chat().SayAsync(question);
        Assert.True(reply.Says(L.ResourceManager.GetString(titleKey, System.Globalization.CultureInfo.GetCultureInfo("en-GB"))!));
    }

    [Fact]
    public async Task Learn_can_lead_straight_into_raising_a_concern()
    {
        using var host = TestHost.Intake(_data);
        var chat = host.Chat();
        await chat.SayAsync("learn");
        Assert.True((await chat.PressAsync(L.RaiseConcern)).Says(I.DangerQuestion));
    }

    public void Dispose() => _data.Dispose();
}
