using System.Globalization;
using System.Text.Json;
using ConcernBot.Channels.Cards;
using ConcernBot.Concerns;
using ConcernBot.Intake;
using Microsoft.Extensions.Options;
using L = ConcernBot.Resources.Guidance;

namespace ConcernBot.Guidance;

/// <summary>"Learn about safeguarding": what abuse is, the signs of each kind, who my lead is, what happens next, our policies.</summary>
public sealed class GuidanceCards(IntakeSettings intake, IOptions<GuidanceOptions> options)
{
    public JsonElement Menu() => new AdaptiveCard()
        .Add(CardElement.Heading(L.MenuTitle))
        .Add(CardElement.Text(L.MenuIntro))
        .Add(CardElement.Actions(
        [
            Topic(L.TopicAbuse, GuidanceTopics.Abuse),
            Topic(L.TopicSigns, GuidanceTopics.Signs),
            Topic(L.TopicLead, GuidanceTopics.Lead),
        ]))
        .Add(CardElement.Actions(
        [
            Topic(L.TopicAfter, GuidanceTopics.After),
            Topic(L.TopicPolicies, GuidanceTopics.Policies),
        ]))
        .AddAction(RaiseConcern())
        .WithFallbackText(L.MenuTitle)
        .ToJsonElement();

    public JsonElement WhatIsAbuse() => Page(L.AbuseTitle,
        [
            CardElement.Text(L.AbuseIntro),
            .. Enum.GetValues<HarmKind>().Where(k => k != HarmKind.NotSure)
                .Select(k => CardElement.Text($"**{IntakeChoices.HarmTitle(k)}**: {IntakeChoices.HarmDescription(k)}")),
            CardElement.Text(L.AbuseAnyone),
        ]);

    public JsonElement Signs() => Page(L.SignsTitle,
        [
            CardElement.Text(L.SignsIntro),
            .. Enum.GetValues<HarmKind>().Where(k => k != HarmKind.NotSure)
                .Select(k => CardElement.Text($"**{IntakeChoices.HarmTitle(k)}**: {L.ResourceManager.GetString("Signs" + k, CultureInfo.CurrentUICulture)}")),
            CardElement.Text(L.SignsNotProof),
        ]);

    public JsonElement MyLead()
    {
        var leads = intake.Directory.LeadsOf(null);
        IEnumerable<CardElement> body = leads.Count == 0
            ? [CardElement.Text(L.LeadNoneConfigured)]
            : [CardElement.Text(L.LeadIntro), .. leads.Select(l => CardElement.Text(l.Contact is null ? "- " + l.Name : $"- {l.Name}: {l.Contact}"))];
        return Page(L.LeadTitle, [.. body, CardElement.Text(L.LeadWhatTheyDo)]);
    }

    public JsonElement AfterRaising() => Page(L.AfterTitle,
        [
            CardElement.Text(L.AfterReceived),
            CardElement.Text(L.AfterLead),
            CardElement.Text(L.AfterPerson),
            CardElement.Text(L.AfterYou),
            CardElement.Text(L.AfterRecords),
        ]);

    public JsonElement Policies()
    {
        var links = options.Value.PolicyLinks
            .Where(l => !string.IsNullOrWhiteSpace(l.Title) && Uri.TryCreate(l.Url, UriKind.Absolute, out var u) && u.Scheme == Uri.UriSchemeHttps)
            .Take(6)
            .ToList();
        var card = new AdaptiveCard()
            .Add(CardElement.Heading(L.PoliciesTitle))
            .Add(CardElement.Text(links.Count == 0 ? L.PoliciesNoneConfigured : L.PoliciesIntro));
        if (links.Count > 0)
        {
            card.Add(CardElement.Actions(links.Select(l => CardAction.OpenUrl(l.Title!, new Uri(l.Url!)))));
        }

        return card.AddAction(Topic(L.BackToTopics, GuidanceTopics.Menu)).AddAction(RaiseConcern()).WithFallbackText(L.PoliciesTitle).ToJsonElement();
    }

    public JsonElement For(string topic) => topic switch
    {
        GuidanceTopics.Abuse => WhatIsAbuse(),
        GuidanceTopics.Signs => Signs(),
        GuidanceTopics.Lead => MyLead(),
        GuidanceTopics.After => AfterRaising(),
        GuidanceTopics.Policies => Policies(),
        _ => Menu(),
    };

    private static JsonElement Page(string title, IEnumerable<CardElement> body) => new AdaptiveCard()
        .Add(CardElement.Heading(title))
        .AddRange(body)
        .AddAction(Topic(L.BackToTopics, GuidanceTopics.Menu))
        .AddAction(RaiseConcern())
        .WithFallbackText(title)
        .ToJsonElement();

    private static CardAction Topic(string title, string topic) => CardAction.Submit(title, CardData.Verb(GuidanceTopics.Verb).With("topic", topic), validateInputs: false);

    private static CardAction RaiseConcern() => CardAction.Submit(L.RaiseConcern, CardData.Verb(IntakeVerbs.Start), style: "positive", validateInputs: false);
}

public sealed class GuidanceOptions
{
    public List<PolicyLink> PolicyLinks { get; set; } = [];
}

public sealed class PolicyLink
{
    public string? Title { get; set; }
    public string? Url { get; set; }
}

public static class GuidanceTopics
{
    public const string Verb = "learn.topic";
    public const string Menu = "menu";
    public const string Abuse = "abuse";
    public const string Signs = "signs";
    public const string Lead = "lead";
    public const string After = "after";
    public const string Policies = "policies";
}
