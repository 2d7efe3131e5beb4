using ConcernBot.Concerns;
using ConcernBot.Learning;
using ConcernBot.Tests.Storage;
using Microsoft.Extensions.Time.Testing;

namespace ConcernBot.Tests.Learning;

/// <summary>The report's figures, computed from concerns stored in a real SQLite store, against answers worked out by hand.</summary>
public sealed class LearningFiguresTests : IAsyncLifetime
{
    private static readonly ReportPeriod Quarter = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30));
    private LearningFigures _figures = null!;
    private IReadOnlyList<Concern> _allServices = [];

    public async Task InitializeAsync()
    {
        await using var harness = new SqliteHarness(new FakeTimeProvider(LearningSeed.Now));
        await LearningSeed.SeedAsync(harness.Open().Concerns);

        // Read back as a restarted process would.
        var concerns = new LearningConcerns(harness.Open().Concerns);
        var found = await concerns.ListAsync(LearningSeed.Org, new HashSet<string?> { null }, Quarter.Start, CancellationToken.None);
        _figures = LearningFigures.Compute(Quarter, found, LearningSeed.Now);
        _allServices = await concerns.ListAsync(LearningSeed.Org, new HashSet<string?> { null, LearningSeed.OtherService }, Quarter.Start, CancellationToken.None);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public void Counts_concerns_raised_in_the_quarter_by_kind_of_harm_and_by_who_raised_them()
    {
        Assert.Equal(5, _figures.Raised);
        Assert.Equal(2, _figures.Get(_figures.ByHarm, HarmKind.Physical));
        Assert.Equal(2, _figures.Get(_figures.ByHarm, HarmKind.NeglectOrActsOfOmission));
        Assert.Equal(1, _figures.Get(_figures.ByHarm, HarmKind.FinancialOrMaterial));
        Assert.Equal(1, _figures.Get(_figures.ByHarm, HarmKind.NotSure));
        Assert.Equal(0, _figures.Get(_figures.ByHarm, HarmKind.Sexual)); // other organisation, other service, after the quarter
        Assert.Equal(0, _figures.Get(_figures.ByHarm, HarmKind.SelfNeglect)); // received before the quarter

        Assert.Equal(2, _figures.Get(_figures.ByRaiser, RaisedBy.Staff));
        Assert.Equal(1, _figures.Get(_figures.ByRaiser, RaisedBy.PersonUsingService));
        Assert.Equal(1, _figures.Get(_figures.ByRaiser, RaisedBy.FamilyOrFriend));
        Assert.Equal(1, _figures.Get(_figures.ByRaiser, RaisedBy.Anonymous));
    }

    [Fact]
    public void Times_to_acknowledge_and_deadlines_met()
    {
        Assert.Equal(4, _figures.Acknowledged);
        Assert.Equal(TimeSpan.FromMinutes(75), _figures.MedianToAcknowledge); // 10 min, 30 min, 2 h, 6 h
        Assert.Equal(TimeSpan.FromHours(6), _figures.WorstToAcknowledge);
        Assert.Equal(5, _figures.DeadlinesDue); // the unacknowledged one's deadline has passed
        Assert.Equal(2, _figures.DeadlinesMet);
    }

    [Fact]
    public void Decisions_and_referrals()
    {
        Assert.Equal(1, _figures.Get(_figures.Decisions, DecisionKind.LocalAuthorityCareActS42));
        Assert.Equal(1, _figures.Get(_figures.Decisions, DecisionKind.InternalAction));
        Assert.Equal(1, _figures.Get(_figures.Decisions, DecisionKind.Police));
        Assert.Equal(1, _figures.Get(_figures.Decisions, DecisionKind.Lado));
        Assert.Equal(0, _figures.Get(_figures.Decisions, DecisionKind.NoFurtherAction)); // on the concern received before the quarter
        Assert.Equal(2, _figures.ConcernsReferred);
    }

    [Fact]
    public void Making_Safeguarding_Personal_and_the_reporters_verdicts_count_concerns_closed_in_the_quarter()
    {
        Assert.Equal(2, _figures.Get(_figures.OutcomesAsked, DesiredOutcomesRecorded.AskedAndExpressed));
        Assert.Equal(1, _figures.Get(_figures.OutcomesAsked, DesiredOutcomesRecorded.AskedNoneExpressed));
        Assert.Equal(1, _figures.Get(_figures.OutcomesAsked, DesiredOutcomesRecorded.NotAsked));
        Assert.Equal(1, _figures.Get(_figures.OutcomesAsked, DesiredOutcomesRecorded.DontKnow));

        Assert.Equal(4, _figures.Closed);
        Assert.Equal(2, _figures.Get(_figures.OutcomesAchieved, OutcomesAchieved.Fully));
        Assert.Equal(1, _figures.Get(_figures.OutcomesAchieved, OutcomesAchieved.Partially));
        Assert.Equal(0, _figures.Get(_figures.OutcomesAchieved, OutcomesAchieved.NotAchieved)); // only the other organisation's
        Assert.Equal(1, _figures.Get(_figures.OutcomesAchieved, OutcomesAchieved.NoneExpressed));
        Assert.Equal(2, _figures.Get(_figures.Risk, RiskOutcome.Removed));
        Assert.Equal(1, _figures.Get(_figures.Risk, RiskOutcome.Reduced));
        Assert.Equal(1, _figures.Get(_figures.Risk, RiskOutcome.Remains));

        Assert.Equal(4, _figures.FeedbackAsked);
        Assert.Equal(3, _figures.FeedbackAnswered);
        Assert.Equal(1, _figures.Get(_figures.FeedbackOutcomes, FeedbackOutcome.Fully));
        Assert.Equal(1, _figures.Get(_figures.FeedbackOutcomes, FeedbackOutcome.Partly));
        Assert.Equal(1, _figures.Get(_figures.FeedbackOutcomes, FeedbackOutcome.NotAchieved));
        Assert.Equal(2, _figures.FeltListenedTo);
        Assert.Equal(1, _figures.DidNotFeelListenedTo);
    }

    [Fact]
    public void A_lead_of_every_service_sees_the_other_services_concerns_too_but_never_another_organisations()
    {
        var found = _allServices;
        var figures = LearningFigures.Compute(Quarter, found, LearningSeed.Now);

        Assert.Equal(6, figures.Raised);
        Assert.Equal(1, figures.Get(figures.ByHarm, HarmKind.Sexual));
        Assert.DoesNotContain(found, c => c.OrganisationId != LearningSeed.Org);
    }
}
