using ConcernBot.Concerns;
using ConcernBot.Learning;

namespace ConcernBot.Tests.Learning;

public sealed class ConcernExportTests
{
    private static readonly ReportPeriod Quarter = new(new DateOnly(2026, 7, 1), new DateOnly(2026, 9, 30));

    private static IReadOnlyList<Concern> Ours => [.. LearningSeed.All.Where(c => c.OrganisationId == LearningSeed.Org && c.ServiceId is null)];

    private static List<string[]> Rows(string csv) =>
        [.. csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Select(line => line.Split(','))];

    [Fact]
    public void One_row_per_concern_received_or_closed_in_the_period_with_the_inspectors_columns()
    {
        var rows = Rows(ConcernExport.Concerns(Quarter, Ours, withAccounts: false));

        Assert.Equal(ConcernExport.Columns, rows[0]);
        Assert.Equal(["SG-C6-TST", "SG-C1-TST", "SG-C2-TST", "SG-C3-TST", "SG-C4-TST", "SG-C5-TST"], rows.Skip(1).Select(r => r[0]));
        var c1 = rows.Single(r => r[0] == "SG-C1-TST");
        string Cell(string column) => c1[ConcernExport.Columns.ToList().IndexOf(column)];
        Assert.Equal("2026-07-03T09:00Z", Cell("ReceivedAt"));
        Assert.Equal("Physical;NeglectOrActsOfOmission", Cell("HarmKinds"));
        Assert.Equal("Staff", Cell("RaisedBy"));
        Assert.Equal("No", Cell("AcknowledgedInTime"));
        Assert.Equal("LocalAuthorityCareActS42", Cell("Decisions"));
        Assert.Equal("Yes", Cell("Referred"));
        Assert.Equal("Fully", Cell("OutcomesAchieved"));
        Assert.Equal("Removed", Cell("RiskOutcome"));
        Assert.Equal("Fully", Cell("ReporterFeedbackOutcomes"));
        Assert.Equal("Anonymous", rows.Single(r => r[0] == "SG-C3-TST")[ConcernExport.Columns.ToList().IndexOf("RaisedBy")]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void No_anonymous_reporters_identity_ever_appears_not_even_with_the_accounts(bool withAccounts)
    {
        var csv = ConcernExport.Concerns(Quarter, Ours, withAccounts);

        Assert.Contains("SG-C3-TST", csv, StringComparison.Ordinal);
        foreach (var marker in LearningSeed.AnonymousMarkers)
        {
            Assert.DoesNotContain(marker, csv, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void Named_reporters_are_not_in_it_either_and_the_accounts_only_when_the_lead_asks()
    {
        var plain = ConcernExport.Concerns(Quarter, Ours, withAccounts: false);
        var full = ConcernExport.Concerns(Quarter, Ours, withAccounts: true);

        Assert.DoesNotContain("Named Reporter", plain + full, StringComparison.Ordinal);
        Assert.DoesNotContain("aad-c1", plain + full, StringComparison.Ordinal);
        Assert.DoesNotContain("rref-", plain + full, StringComparison.Ordinal);
        foreach (var freeText in new[] { "Made-up account c1", "Mr Example c1", "Made-up place c1", "Nobody told me what happened next", "To feel safe at night" })
        {
            Assert.DoesNotContain(freeText, plain, StringComparison.Ordinal);
            Assert.Contains(freeText, full, StringComparison.Ordinal);
        }

        Assert.Equal(ConcernExport.Columns.Concat(ConcernExport.AccountColumns), Rows(full)[0]);
    }

    [Fact]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_made_inert_and_commas_are_quoted()
    {
        var concern = LearningSeed.Make("cx", new DateTimeOffset(2026, 7, 2, 9, 0, 0, TimeSpan.Zero), ReporterRole.StaffOrVolunteer, [HarmKind.Physical]) with
        {
            Account = new IncidentAccount { WhatHappened = "=HYPERLINK(\"http://example.invalid\",\"x\")" },
            Subject = new ConcernSubject { RecordedLocation = "Rose Unit, first floor" },
        };

        var csv = ConcernExport.Concerns(Quarter, [concern], withAccounts: true);

        Assert.Contains("\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"x\"\")\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"Rose Unit, first floor\"", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void The_Making_Safeguarding_Personal_file_answers_the_Safeguarding_Adults_Collections_questions()
    {
        var figures = LearningFigures.Compute(Quarter, Ours, LearningSeed.Now);

        var lines = ConcernExport.MakingSafeguardingPersonal(figures).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("Question,Answer,Count", lines[0]);
        Assert.Contains("\"Was the individual, or their representative, asked about their desired outcomes?\",\"Yes, they were asked and outcomes were expressed\",2", lines);
        Assert.Contains("\"Was the individual, or their representative, asked about their desired outcomes?\",No,1", lines);
        Assert.Contains("Were the desired outcomes achieved? (concluded concerns where outcomes were expressed),Fully achieved,2", lines);
        Assert.Contains("Were the desired outcomes achieved? (concluded concerns where outcomes were expressed),Partially achieved,1", lines);
        Assert.Contains("Risk outcome (concluded concerns),Risk remains,1", lines);
    }
}
