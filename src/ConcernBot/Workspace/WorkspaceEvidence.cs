using ConcernBot.Evidence;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Workspace;

namespace ConcernBot.Workspace;

/// <summary>
/// The concern's photos and documents in the leads' workspace: the list (names and sizes), and one file, a photo shown
/// inline and a document as a download. Only the concern's authorised leads (<see cref="WorkspaceCases.OpenAsync"/>,
/// whose refusals are audited) get anything; every file opened is an audit entry of the concern.
/// </summary>
public static class WorkspaceEvidence
{
    public static RouteGroupBuilder MapWorkspaceEvidence(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/cases/{reference}/evidence", ListAsync);
        api.MapGet("/cases/{reference}/evidence/{fileId}", OpenAsync);
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, WorkspaceCases cases, EvidenceLocker locker, string reference)
    {
        var (opened, refused) = await cases.OpenAsync(WorkspaceEndpoints.Caller(http), reference, WorkspaceAudit.EvidenceVerb, http.RequestAborted);
        if (opened is null)
        {
            return WorkspaceEndpoints.Refusal(refused);
        }

        var files = await locker.ListAsync(opened.Read.Value.Id, http.RequestAborted);
        return Results.Json(new EvidenceList([.. files.Select(f => new EvidenceListItem(f.Id, f.DisplayName, f.IsPhoto, f.Length))]));
    }

    private static async Task<IResult> OpenAsync(HttpContext http, WorkspaceCases cases, EvidenceLocker locker, IAuditLog audit, TimeProvider time, string reference, string fileId)
    {
        var (opened, refused) = await cases.OpenAsync(WorkspaceEndpoints.Caller(http), reference, WorkspaceAudit.EvidenceVerb, http.RequestAborted);
        if (opened is null)
        {
            return WorkspaceEndpoints.Refusal(refused);
        }

        var concernId = opened.Read.Value.Id;
        if (await locker.OpenAsync(concernId, fileId, http.RequestAborted) is not var (file, bytes))
        {
            return Results.Json(new WorkspaceMessage(Words.EvidenceNotFound), statusCode: StatusCodes.Status404NotFound);
        }

        await audit.AppendAsync(concernId, new AuditEntry
        {
            Actor = opened.Lead.Name,
            At = time.GetUtcNow(),
            Action = WorkspaceAudit.EvidenceOpened,
            Detail = (file.IsPhoto ? "photo " : "document ") + file.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, http.RequestAborted);

        // Shown only as what it is: no sniffing, no scripts, nothing it could load.
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        return Results.File(bytes, file.ContentType, file.IsPhoto ? null : file.DownloadName);
    }
}

public sealed record EvidenceList(IReadOnlyList<EvidenceListItem> Files);

public sealed record EvidenceListItem(string Id, string Name, bool Photo, long Bytes);
