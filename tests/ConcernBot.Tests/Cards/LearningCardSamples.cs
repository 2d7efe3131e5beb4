using ConcernBot.Concerns;
using ConcernBot.Learning;
using ConcernBot.Tests.Learning;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Cards;

/// <summary>The learning cards for the catalogue: the report with its real chart (full and empty), the export, patterns.</summary>
internal static class LearningCardSamples
{
    private static readonly ReportPeriod Quarter = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30));

    public static IEnumerable<CardSample> All =>
    [
        Learning(nameof(LearningCards.Report), "quarter", c => c.Report(Figures(), ReportChart.Draw("Concerns raised by kind of harm", LearningCards.HarmBars(Figures())))),
        Learning(nameof(LearningCards.Report), "nothing-raised", c => c.Report(LearningFigures.Compute(Quarter, [], LearningSeed.Now), [])),
        Learning(nameof(LearningCards.Export), "plain", c => c.Export(Quarter, withAccounts: false)),
        Learning(nameof(LearningCards.Export), "with-accounts", c => c.Export(Quarter, withAccounts: true)),
        Learning(nameof(LearningCards.Patterns), "both-rules", c => c.Patterns(Matches)),
        Learning(nameof(LearningCards.FollowUpQuestion), "reporter", c => c.FollowUpQuestion("SG-7K3-Q9P", "c-1", "token-1", includesPersonAtRisk: false)),
        Learning(nameof(LearningCards.FollowUpQuestion), "with-person-at-risk", c => c.FollowUpQuestion("SG-7K3-Q9P", "c-1", "token-1", includesPersonAtRisk: true)),
        Learning(nameof(LearningCards.FollowUpThanks), "thanks", c => c.FollowUpThanks("SG-7K3-Q9P")),
        Learning(nameof(LearningCards.FollowUpAlreadyAnswered), "second-answer", c => c.FollowUpAlreadyAnswered("SG-7K3-Q9P")),
    ];

    public static IReadOnlyList<PatternMatch> Matches { get; } =
    [
        new PatternMatch(PatternRule.SameSubject, "Night staff, Rose Unit", null, 365, [new EarlierConcern("c1", "SG-AAA-111", Quarter.Start.AddDays(3)), new EarlierConcern("c2", "SG-BBB-222", Quarter.Start.AddDays(9))]),
        new PatternMatch(PatternRule.HarmAndPlace, "Rose Unit", HarmKind.NeglectOrActsOfOmission, 30, [new EarlierConcern("c1", "SG-AAA-111", Quarter.Start.AddDays(3)), new EarlierConcern("c3", "SG-CCC-333", Quarter.Start.AddDays(20))]),
    ];

    public static LearningFigures Figures() =>
        LearningFigures.Compute(Quarter, LearningSeed.All.Where(c => c.OrganisationId == LearningSeed.Org && c.ServiceId is null), LearningSeed.Now);

    private static CardSample Learning(string method, string name, Func<LearningCards, System.Text.Json.JsonElement> build) =>
        new(typeof(LearningCards), method, name, services => build(services.GetRequiredService<LearningCards>()));
}
