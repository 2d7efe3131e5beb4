using ConcernBot.Concerns;
using ConcernBot.Learning;

namespace ConcernBot.Tests.Learning;

public sealed class PatternFinderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
    private static readonly PatternOptions Options = new();

    private static Concern Make(string id, int daysAgo, string? subject = null, string? location = null, HarmKind[]? harms = null, string org = "org-a", string? service = null) =>
        LearningSeed.Make(id, Now.AddDays(-daysAgo), ReporterRole.StaffOrVolunteer, harms ?? [HarmKind.PoorOrUnsafePractice]) with
        {
            OrganisationId = org,
            ServiceId = service,
            Subject = new ConcernSubject { RecordedSubject = subject, RecordedLocation = location },
        };

    [Theory]
    [InlineData("Night staff,  Rose Unit", "night staff rose unit")]
    [InlineData("  O'Brien ", "obrien")]
    [InlineData("St. Mary's — Ward 3!", "st marys ward 3")]
    [InlineData(" ... ", null)]
    public void Recorded_names_are_compared_without_case_spacing_or_punctuation(string recorded, string? expected) =>
        Assert.Equal(expected, PatternFinder.Normalise(recorded));

    [Fact]
    public void Finds_earlier_concerns_of_the_last_year_recorded_about_the_same_person_and_ignores_the_rest()
    {
        var now = Make("new", 0, subject: "Jo  Bloggs.");
        var others = new[]
        {
            Make("a", 40, subject: "jo bloggs"),
            Make("b", 200, subject: "JO BLOGGS"),
            Make("old", 400, subject: "Jo Bloggs"),            // more than 12 months ago
            Make("other", 10, subject: "Sam Smith"),           // someone else
            Make("text", 5) with { Account = new IncidentAccount { WhatHappened = "Jo Bloggs shouted at her" } }, // free text only
            Make("later", -3, subject: "Jo Bloggs"),           // received after the new one
        };

        var match = Assert.Single(PatternFinder.Find(now, others, Options));

        Assert.Equal(PatternRule.SameSubject, match.Rule);
        Assert.Equal("Jo  Bloggs.", match.Key);
        Assert.Equal(["SG-A-TST", "SG-B-TST"], match.Earlier.Select(e => e.Reference));
    }

    [Fact]
    public void Never_crosses_organisations_or_services()
    {
        var now = Make("new", 0, subject: "Jo Bloggs", location: "Rose Unit", harms: [HarmKind.Physical]);
        var others = new[]
        {
            Make("org", 5, subject: "Jo Bloggs", location: "Rose Unit", harms: [HarmKind.Physical], org: "org-b"),
            Make("svc", 6, subject: "Jo Bloggs", location: "Rose Unit", harms: [HarmKind.Physical], service: "oak"),
            Make("svc2", 7, subject: "Jo Bloggs", location: "Rose Unit", harms: [HarmKind.Physical], service: "oak"),
        };

        Assert.Empty(PatternFinder.Find(now, others, Options));
    }

    [Fact]
    public void Three_falls_in_one_unit_within_thirty_days_make_a_cluster_two_do_not()
    {
        var now = Make("new", 0, location: "Rose Unit", harms: [HarmKind.NeglectOrActsOfOmission]);
        var one = Make("a", 10, location: "rose unit", harms: [HarmKind.NeglectOrActsOfOmission, HarmKind.Physical]);
        var two = Make("b", 25, location: "ROSE UNIT", harms: [HarmKind.NeglectOrActsOfOmission]);
        var outside = Make("c", 45, location: "Rose Unit", harms: [HarmKind.NeglectOrActsOfOmission]);
        var otherHarm = Make("d", 3, location: "Rose Unit", harms: [HarmKind.FinancialOrMaterial]);

        var cluster = Assert.Single(PatternFinder.Find(now, [one, two, outside, otherHarm], Options), m => m.Rule == PatternRule.HarmAndPlace);
        Assert.Equal(HarmKind.NeglectOrActsOfOmission, cluster.Harm);
        Assert.Equal(["SG-A-TST", "SG-B-TST"], cluster.Earlier.Select(e => e.Reference));

        Assert.DoesNotContain(PatternFinder.Find(now, [one, outside, otherHarm], Options), m => m.Rule == PatternRule.HarmAndPlace);
        Assert.Contains(PatternFinder.Find(now, [one], Options with { ClusterCount = 2 }), m => m.Rule == PatternRule.HarmAndPlace);
    }

    [Fact]
    public void A_place_recorded_as_the_subject_of_one_concern_matches_the_location_of_another()
    {
        var now = Make("new", 0, location: "Rose Unit");
        var earlier = Make("a", 100, subject: "Rose unit");

        var match = Assert.Single(PatternFinder.Find(now, [earlier], Options));

        Assert.Equal("SG-A-TST", Assert.Single(match.Earlier).Reference);
    }

    [Fact]
    public void Nothing_recorded_means_nothing_matched()
    {
        Assert.Empty(PatternFinder.Find(Make("new", 0), [Make("a", 1), Make("b", 2)], Options));
    }
}
