using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using ConcernBot.Anonymity;
using ConcernBot.Leads;
using ConcernBot.Welcome;

namespace ConcernBot.Tests.Cards;

/// <summary>
/// Every card the bot can build, with representative arguments. When you add a public method returning
/// <see cref="JsonElement"/> to a <c>...Cards</c> class, add at least one sample here: the coverage test fails until you do.
/// Samples get the real app's services, so card classes are built the way the bot builds them.
/// </summary>
internal static class CardCatalogue
{
    public static IReadOnlyList<CardSample> Samples { get; } =
    [
        Sample<WelcomeCards>(nameof(WelcomeCards.Welcome), "welcome", cards => cards.Welcome()),
        new(typeof(RelayCards), nameof(RelayCards.Question), "question", _ => RelayCards.Question("SG-7K3-Q9P", "concern-1", 1, "Which room was it, and was anyone else there?")),
        new(typeof(RelayCards), nameof(RelayCards.Add), "add", _ => RelayCards.Add("SG-7K3-Q9P", "concern-1")),
        new(typeof(RelayCards), nameof(RelayCards.Status), "status", _ => RelayCards.Status(null)),
        new(typeof(RelayCards), nameof(RelayCards.Status), "status-add", _ => RelayCards.Status("SG-7K3-Q9P", ConcernBot.Resources.Anonymity.StatusAddHint)),
        Sample<LeadsCards>(nameof(LeadsCards.NeedToKnow), "new-urgent", cards => cards.NeedToKnow(LeadsCardSamples.NewUrgent())),
        Sample<LeadsCards>(nameof(LeadsCards.NeedToKnow), "closed-with-notice", cards => cards.NeedToKnow(LeadsCardSamples.Closed(), "A notice at the top")),
        Sample<LeadsCards>(nameof(LeadsCards.Detail), "in-progress", cards => cards.Detail(LeadsCardSamples.InProgress(), LeadsCardSamples.View())),
        Sample<LeadsCards>(nameof(LeadsCards.Detail), "closed", cards => cards.Detail(LeadsCardSamples.Closed(), LeadsCardSamples.View())),
        Sample<LeadsCards>(nameof(LeadsCards.Detail), "with-patterns", cards => cards.Detail(LeadsCardSamples.InProgress(), LeadsCardSamples.View() with { Patterns = LearningCardSamples.Matches })),
        Sample<LeadsCards>(nameof(LeadsCards.History), "entries", cards => cards.History(LeadsCardSamples.InProgress(), LeadsCardSamples.History())),
        Sample<LeadsCards>(nameof(LeadsCards.OpenConcerns), "two", cards => cards.OpenConcerns([LeadsCardSamples.NewUrgent(), LeadsCardSamples.InProgress()], LeadsCardSamples.Now)),
        .. IntakeCardSamples.All,
        .. LearningCardSamples.All,
    ];

    private static CardSample Sample<TCards>(string method, string name, Func<TCards, JsonElement> build)
        where TCards : notnull =>
        new(typeof(TCards), method, name, services => build(services.GetRequiredService<TCards>()));
}

/// <param name="CardsType">The <c>...Cards</c> class that builds the card.</param>
/// <param name="Method">The method's name (all overloads of a name count as one).</param>
/// <param name="Name">A short name for this sample, unique for the method; it names the card file the checker reports.</param>
internal sealed record CardSample(Type CardsType, string Method, string Name, Func<IServiceProvider, JsonElement> Build)
{
    public string Key => $"{CardsType.Name}.{Method}";

    public string FileName => $"{CardsType.Name}.{Method}.{Name}.json";
}
