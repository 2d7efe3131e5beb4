using System.Net;
using System.Text;
using ConcernBot.Evidence;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Evidence;
using ConcernBot.Tests.Support;
using ConcernBot.Workspace;

namespace ConcernBot.Tests.Workspace;

/// <summary>
/// The concern's photos and documents open only for its own leads, through the tab's API: a photo shown inline, a
/// document as a download, every opening in the concern's audit. Anyone else gets 403 and nothing of the file.
/// </summary>
public sealed class EvidenceInTheWorkspaceTests
{
    private static string Bearer(string token) => "Bearer " + token;

    private static async Task<(WorkspaceTab Tab, Concerns.Concern Concern, EvidenceFile Photo, EvidenceFile Document)> WithEvidenceAsync()
    {
        var tab = await WorkspaceTab.StartAsync();
        var concern = SampleConcerns.Create() with { EvidenceCount = 2 };
        var locker = tab.Host.Get<EvidenceLocker>();
        var photo = (await locker.AddAsync(concern.Id, false, new IncomingFile("bruise on arm.jpg", "image/jpeg", EvidenceSamples.JpegWithGps()), CancellationToken.None)).File!;
        var document = (await locker.AddAsync(concern.Id, false, new IncomingFile("diary.docx", null, EvidenceSamples.WordWithCreator()), CancellationToken.None)).File!;
        await tab.RouteAsync(concern);
        return (tab, concern, photo, document);
    }

    [Fact]
    public async Task A_lead_lists_the_files_sees_the_photo_inline_downloads_the_document_and_each_opening_is_audited()
    {
        var (tab, concern, photo, document) = await WithEvidenceAsync();
        await using var _ = tab;
        var asha = Bearer(tab.Token(People.Asha));

        using var list = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}/evidence", asha);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        var files = (await WorkspaceTab.JsonOf(list)).GetProperty("files");
        Assert.Equal(["bruise on arm.jpg", "diary.docx"], files.EnumerateArray().Select(f => f.GetProperty("name").GetString()));

        using var shown = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}/evidence/{photo.Id}", asha);
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal("image/jpeg", shown.Content.Headers.ContentType?.MediaType);
        Assert.Null(shown.Content.Headers.ContentDisposition);
        Assert.Equal("nosniff", shown.Headers.GetValues("X-Content-Type-Options").Single());
        var bytes = await shown.Content.ReadAsByteArrayAsync();
        Assert.DoesNotContain(EvidenceCleanerTests.Tags(bytes), t => t.StartsWith("GPS/", StringComparison.Ordinal));

        using var downloaded = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}/evidence/{document.Id}", asha);
        Assert.Equal(HttpStatusCode.OK, downloaded.StatusCode);
        Assert.Equal("attachment", downloaded.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("diary.docx", downloaded.Content.Headers.ContentDisposition?.FileNameStar ?? downloaded.Content.Headers.ContentDisposition?.FileName?.Trim('"'));

        var opened = (await tab.Host.Stores.ReadAsync(concern.Id)).Where(e => e.Action == WorkspaceAudit.EvidenceOpened).ToList();
        Assert.Equal(["photo 1", "document 1"], opened.Select(e => e.Detail));
        Assert.All(opened, e => Assert.Equal(People.Asha.Name, e.Actor));
    }

    [Fact]
    public async Task A_lead_of_another_service_gets_403_and_nothing_of_the_files()
    {
        var (tab, concern, photo, document) = await WithEvidenceAsync();
        await using var _ = tab;
        var olive = Bearer(tab.Token(WorkspaceTab.Olive));

        foreach (var path in new[] { "/evidence", $"/evidence/{photo.Id}", $"/evidence/{document.Id}" })
        {
            using var response = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}{path}", olive);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            var body = await response.Content.ReadAsByteArrayAsync();
            var text = Encoding.UTF8.GetString(body);
            Assert.DoesNotContain("bruise", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("diary", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(photo.Id, text, StringComparison.Ordinal);
            Assert.Equal(-1, EvidenceCleanerTests.IndexOf(body, [0xFF, 0xD8, 0xFF]));
            Assert.Equal(-1, EvidenceCleanerTests.IndexOf(body, [0x50, 0x4B, 0x03, 0x04]));
        }

        var audit = await tab.Host.Stores.ReadAsync(concern.Id);
        Assert.Equal(3, audit.Count(e => e.Action == LeadsAudit.Refused && e.Detail == "verb=" + WorkspaceAudit.EvidenceVerb));
        Assert.DoesNotContain(audit, e => e.Action == WorkspaceAudit.EvidenceOpened);
    }

    [Fact]
    public async Task A_file_of_another_concern_is_not_found_even_for_a_lead()
    {
        var (tab, concern, _, _) = await WithEvidenceAsync();
        await using var __ = tab;
        var elsewhere = (await tab.Host.Get<EvidenceLocker>().AddAsync("concern-other", false, new IncomingFile("x.png", null, EvidenceSamples.PngWithText()), CancellationToken.None)).File!;

        using var response = await tab.GetAsync($"/workspace/api/cases/{concern.Reference}/evidence/{elsewhere.Id}", Bearer(tab.Token(People.Asha)));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
