using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Tests.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;

namespace ConcernBot.Tests.Learning;

/// <summary>"Record subject" on the leads' card, and the patterns the detail view then shows, through the real host.</summary>
public sealed class RecordSubjectTests
{
    [Fact]
    public async Task A_lead_records_the_subject_and_the_next_concern_about_the_same_place_shows_the_earlier_references()
    {
        await using var host = TestHost.Leads();
        var first = SampleConcerns.Create("SG-AAA-111", receivedAt: host.Clock.GetUtcNow().AddDays(-20));
        var second = SampleConcerns.Create("SG-BBB-222", receivedAt: host.Clock.GetUtcNow().AddDays(-5));
        var other = SampleConcerns.Create("SG-CCC-333", receivedAt: host.Clock.GetUtcNow().AddDays(-4));
        var postFirst = await LeadsFlow.RouteAsync(host, first);
        var postSecond = await LeadsFlow.RouteAsync(host, second);
        var postOther = await LeadsFlow.RouteAsync(host, other);

        await LeadsFlow.ActAsync(host, People.Asha, postFirst, LeadsVerbs.RecordSubject, first.Id, new { recordedSubject = "Jo Bloggs (night staff)", recordedLocation = "Rose Unit" });
        await LeadsFlow.ActAsync(host, People.Asha, postOther, LeadsVerbs.RecordSubject, other.Id, new { recordedLocation = "Oak Unit" });
        var answer = await LeadsFlow.ActAsync(host, People.Dee, postSecond, LeadsVerbs.RecordSubject, second.Id, new { recordedSubject = "jo bloggs  (Night Staff)", recordedLocation = "rose unit." });

        var readable = LeadsFlow.Readable(LeadsFlow.CardOf(answer));
        Assert.Contains("Recorded. Any earlier concerns that match are shown on this card.", readable, StringComparison.Ordinal);
        Assert.Contains("Earlier concerns that may be connected", readable, StringComparison.Ordinal);
        Assert.Contains("SG-AAA-111", readable, StringComparison.Ordinal);
        Assert.DoesNotContain("SG-CCC-333", readable, StringComparison.Ordinal);

        var stored = await SampleConcerns.CurrentAsync(host, second);
        Assert.Equal("jo bloggs  (Night Staff)", stored.Subject.RecordedSubject);
        Assert.Equal("rose unit.", stored.Subject.RecordedLocation);
        var history = await host.Stores.ReadAsync(second.Id);
        Assert.Contains(history, e => e.Action == LeadsAudit.SubjectRecorded && e.Actor == People.Dee.Name);

        // The shared channel card never shows what was recorded.
        Assert.All(host.Connector.Of("update"), u => Assert.DoesNotContain("Rose Unit", u.CardJson, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Someone_who_is_not_a_lead_cannot_record_a_subject()
    {
        await using var host = TestHost.Leads();
        var concern = SampleConcerns.Create();
        var post = await LeadsFlow.RouteAsync(host, concern);

        var answer = await LeadsFlow.ActAsync(host, People.Nick, post, LeadsVerbs.RecordSubject, concern.Id, new { recordedSubject = "Someone" });

        Assert.Equal("application/vnd.microsoft.activity.message", answer.GetProperty("type").GetString());
        Assert.Null((await SampleConcerns.CurrentAsync(host, concern)).Subject.RecordedSubject);
    }
}
