using System.Globalization;
using System.Text.Json;
using ConcernBot.Conversation;
using ConcernBot.Leads;
using ConcernBot.Storage;
using Words = ConcernBot.Resources.Workspace;

namespace ConcernBot.Workspace;

/// <summary>
/// The leads' workspace API under <c>/workspace/api</c>: the case list, a case, and the card's actions. Every request
/// names its caller (<see cref="WorkspaceSignIn"/>): none gets 401, a concern that is not theirs 403, and neither answer
/// carries anything of a concern.
/// </summary>
public static class WorkspaceEndpoints
{
    public const string Path = "/workspace";
    public const string Api = Path + "/api";

    /// <summary>The tab's actions and the card verbs they are (the same service methods, the same ETag rules).</summary>
    private static readonly Dictionary<string, string> Verbs = new(StringComparer.Ordinal)
    {
        ["acknowledge"] = LeadsVerbs.Acknowledge,
        ["assign"] = LeadsVerbs.Assign,
        ["ask"] = LeadsVerbs.Ask,
        ["decide"] = LeadsVerbs.Decide,
        ["note"] = LeadsVerbs.Note,
        ["close"] = LeadsVerbs.Close,
        ["refer"] = LeadsVerbs.Refer,
        ["referral-reply"] = LeadsVerbs.ReferralReply,
    };

    public static WebApplication MapWorkspaceApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup(Api);
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            NoStore(http.Response);
            Conversation.Languages.For(http.Request.Query["lang"].FirstOrDefault() ?? FirstLanguage(http)).Apply();
            var caller = await http.RequestServices.GetRequiredService<WorkspaceSignIn>().IdentifyAsync(http, http.RequestAborted);
            if (caller is null)
            {
                http.Response.Headers.WWWAuthenticate = "Bearer";
                return Results.Json(new WorkspaceMessage(Words.SignInNeeded), statusCode: StatusCodes.Status401Unauthorized);
            }

            http.Items[typeof(WorkspaceCaller)] = caller;
            return await next(context);
        });

        api.MapGet("/cases", ListAsync);
        api.MapGet("/cases/{reference}", CaseAsync);
        api.MapPost("/cases/{reference}/actions", ActAsync);
        api.MapGet("/dashboard", DashboardAsync);
        api.MapWorkspaceEvidence();
        return app;
    }

    private static async Task<IResult> ListAsync(HttpContext http, WorkspaceCases cases, CaseFiles files, TimeProvider time, string? q, bool? mine, bool? overdue)
    {
        var caller = Caller(http);
        var now = time.GetUtcNow();
        var items = (await cases.OpenForAsync(caller, http.RequestAborted)).Select(c => files.ListItem(c.Concern, c.Lead, now));
        if (!string.IsNullOrWhiteSpace(q))
        {
            items = items.Where(i => i.Reference.Contains(q.Trim(), StringComparison.OrdinalIgnoreCase));
        }

        if (mine == true)
        {
            items = items.Where(i => i.AssignedToMe);
        }

        if (overdue == true)
        {
            items = items.Where(i => i.Overdue);
        }

        var ordered = CaseFiles.Ordered(items);
        return Results.Json(new CaseList(ordered, ordered.Count(i => i.Overdue)));
    }

    private static async Task<IResult> CaseAsync(HttpContext http, WorkspaceCases cases, CaseFiles files, TimeProvider time, string reference)
    {
        var (opened, refused) = await cases.OpenAsync(Caller(http), reference, WorkspaceAudit.ViewVerb, http.RequestAborted);
        if (opened is null)
        {
            return Refusal(refused);
        }

        await cases.ViewedAsync(opened, http.RequestAborted);
        var read = opened.Read;
        return Results.Json(await files.FileAsync(read.Value, read.ETag, opened.Lead, null, time.GetUtcNow(), http.RequestAborted));
    }

    private static async Task<IResult> ActAsync(HttpContext http, WorkspaceCases cases, CaseFiles files, LeadsCaseWork work, TimeProvider time, string reference)
    {
        JsonElement body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<JsonElement>(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Results.Json(new WorkspaceMessage(Words.ActionUnknown), statusCode: StatusCodes.Status400BadRequest);
        }

        if (body.ValueKind != JsonValueKind.Object
            || !body.TryGetProperty("verb", out var verbValue)
            || verbValue.ValueKind != JsonValueKind.String
            || !Verbs.TryGetValue(verbValue.GetString()!, out var verb))
        {
            return Results.Json(new WorkspaceMessage(Words.ActionUnknown), statusCode: StatusCodes.Status400BadRequest);
        }

        string? etag = http.Request.Headers.IfMatch;
        if (string.IsNullOrWhiteSpace(etag))
        {
            return Results.Json(new WorkspaceMessage(Words.ActionNeedsVersion), statusCode: StatusCodes.Status428PreconditionRequired);
        }

        var (opened, refused) = await cases.OpenAsync(Caller(http), reference, verb, http.RequestAborted);
        if (opened is null)
        {
            return Refusal(refused);
        }

        // The version the lead was looking at: if anyone changed the concern since, the store refuses the save and the
        // lead is shown what changed meanwhile, as on the card.
        var seen = new Versioned<ConcernBot.Concerns.Concern>(opened.Read.Value, etag);
        var outcome = await work.ActAsync(seen, opened.Lead, new UserAction(verb, body, IsInvoke: false, CardActivityId: null), http.RequestAborted);
        var file = await files.FileAsync(outcome.Concern, outcome.ETag ?? opened.Read.ETag, opened.Lead, outcome.Notice, time.GetUtcNow(), http.RequestAborted);
        var status = outcome.Saved ? StatusCodes.Status200OK
            : outcome.ChangedMeanwhile ? StatusCodes.Status409Conflict
            : StatusCodes.Status422UnprocessableEntity;
        return Results.Json(file, statusCode: status);
    }

    /// <summary>The effectiveness dashboard for the services the caller leads, over a period (the last quarter unless given).</summary>
    private static async Task<IResult> DashboardAsync(HttpContext http, WorkspaceCases cases, DashboardFigures dashboard, TimeProvider time, string? from, string? to)
    {
        var now = time.GetUtcNow();
        var period = string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to)
            ? Learning.ReportPeriod.LastQuarter(now)
            : Learning.ReportPeriod.Parse($"{from} {to}", now);
        if (period is null)
        {
            return Results.Json(new WorkspaceMessage(Resources.Learning.PeriodNotUnderstood), statusCode: StatusCodes.Status400BadRequest);
        }

        var concerns = await cases.ForFiguresAsync(Caller(http), period, http.RequestAborted);
        return concerns is null
            ? Results.Json(new WorkspaceMessage(Words.NotYours), statusCode: StatusCodes.Status403Forbidden)
            : Results.Json(dashboard.Build(period, concerns, now));
    }

    internal static IResult Refusal(bool refused) => refused
        ? Results.Json(new WorkspaceMessage(Words.NotYours), statusCode: StatusCodes.Status403Forbidden)
        : Results.Json(new WorkspaceMessage(Words.CaseNotFound), statusCode: StatusCodes.Status404NotFound);

    internal static WorkspaceCaller Caller(HttpContext http) => (WorkspaceCaller)http.Items[typeof(WorkspaceCaller)]!;

    private static string? FirstLanguage(HttpContext http) =>
        http.Request.Headers.AcceptLanguage.FirstOrDefault()?.Split(',')[0].Split(';')[0].Trim();

    private static void Apply(this CultureInfo language) => CultureInfo.CurrentUICulture = language;

    internal static void NoStore(HttpResponse response)
    {
        response.Headers.CacheControl = "no-store";
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers["Referrer-Policy"] = "no-referrer";
    }
}
