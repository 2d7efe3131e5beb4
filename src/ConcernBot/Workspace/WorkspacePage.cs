using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ConcernBot.Leads;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Words = ConcernBot.Resources.Workspace;

namespace ConcernBot.Workspace;

/// <summary>
/// GET /workspace: the leads' tab. A small page whose script (with the Teams JavaScript client library, pinned in
/// tools/workspace and served from this host) takes the theme, the locale and the single sign-on token from Teams, then
/// reads the workspace API. GET /workspace/words: the page's words in a language (nothing of any concern). In
/// Development and from this machine only, GET /workspace/local-sign-in: a clearly marked page to pick a lead.
/// </summary>
public static class WorkspacePage
{
    public const string Path = WorkspaceEndpoints.Path;
    public const string LocalSignInPath = Path + "/local-sign-in";

    /// <summary>Where the page's files are copied at build (ConcernBot.csproj): its script and style, and teams-js.</summary>
    public static string AssetFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "workspace");

    /// <summary>Teams, Outlook and the Microsoft 365 app frame the tab (Microsoft's list for tabs' frame-ancestors).</summary>
    private const string TeamsFrames = "https://teams.microsoft.com https://*.teams.microsoft.com https://*.teams.microsoft.us https://*.cloud.microsoft https://*.office.com https://outlook.office.com https://*.microsoft365.com";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static WebApplication MapWorkspacePage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, (HttpContext http) =>
        {
            Secure(http);
            var language = Language(http);
            return Results.Content(Html(language), "text/html; charset=utf-8");
        });

        // The channel tab's configuration page (manifest configurableTabs): Save sets the tab to the workspace.
        app.MapGet(Path + "/configure", (HttpContext http) =>
        {
            Secure(http);
            var language = Language(http);
            return Results.Content(ConfigureHtml(language), "text/html; charset=utf-8");
        });

        app.MapGet(Path + "/words", (HttpContext http) =>
        {
            Secure(http);
            var language = Language(http);
            return Results.Json(new { language = language.Name, direction = language.TextInfo.IsRightToLeft ? "rtl" : "ltr", words = WordsIn(language) });
        });

        app.MapGet(LocalSignInPath, (HttpContext http, WorkspaceSignIn signIn, IOptions<LeadsOptions> leads) =>
        {
            if (!signIn.LocalSignInAllowed(http))
            {
                return Results.NotFound();
            }

            Secure(http);
            return Results.Content(LocalSignInHtml(Language(http), leads.Value), "text/html; charset=utf-8");
        });

        // Only the page's own public files are compressed (teams-js and Chart.js: 420 KB, about 130 KB compressed); never
        // the API's JSON, which carries what reporters said (compression over HTTPS can leak secrets: BREACH).
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path + "/assets"), page => page.UseResponseCompression());
        IFileProvider assets = Directory.Exists(AssetFolder) ? new PhysicalFileProvider(AssetFolder) : new NullFileProvider();
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path + "/assets",
            FileProvider = assets,
            OnPrepareResponse = context =>
            {
                Secure(context.Context);
                context.Context.Response.Headers.CacheControl = "public, max-age=86400";
            },
        });
        return app;
    }

    private static void Secure(HttpContext http)
    {
        var development = http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        var frames = development ? "'self' http://127.0.0.1:* http://localhost:* " + TeamsFrames : TeamsFrames;
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = $"default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; frame-ancestors {frames}; base-uri 'none'; form-action 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
    }

    private static CultureInfo Language(HttpContext http)
    {
        var language = Conversation.Languages.Match(http.Request.Query["lang"].FirstOrDefault())
            ?? Conversation.Languages.For(http.Request.Headers.AcceptLanguage.FirstOrDefault()?.Split(',')[0].Split(';')[0].Trim());
        CultureInfo.CurrentUICulture = language;
        return language;
    }

    /// <summary>Every word of the page (Resources/Workspace.resx) in the language, by key.</summary>
    internal static Dictionary<string, string> WordsIn(CultureInfo language)
    {
        var neutral = Words.ResourceManager.GetResourceSet(CultureInfo.InvariantCulture, createIfNotExists: true, tryParents: true)!;
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in neutral)
        {
            var key = (string)entry.Key;
            words[key] = Words.ResourceManager.GetString(key, language) ?? (string)entry.Value!;
        }

        return words;
    }

    private static string Html(CultureInfo language)
    {
        var e = Encoder;
        var words = e.Encode(JsonSerializer.Serialize(WordsIn(language)));
        return Document(language, Words.PageTitle, $$"""
              <a class="skip" href="#main">{{e.Encode(Words.SkipToContent)}}</a>
              <header><p id="signed-in" class="signed-in" hidden></p></header>
              <main id="main" tabindex="-1" data-words="{{words}}" data-local-sign-in="{{LocalSignInPath}}" data-chart-library="{{Path}}/assets/chart.umd.min.js">
                <h1>{{e.Encode(Words.PageTitle)}}</h1>
                <p role="status">{{e.Encode(Words.Loading)}}</p>
              </main>
            """, "MicrosoftTeams.min.js", "workspace.js"); // Chart.js (72 KB compressed) comes with the dashboard, not the first load
    }

    private static string ConfigureHtml(CultureInfo language)
    {
        var e = Encoder;
        return Document(language, Words.PageTitle, $$"""
              <main id="main" data-tab-name="{{e.Encode(Words.PageTitle)}}">
                <h1>{{e.Encode(Words.PageTitle)}}</h1>
                <p>{{e.Encode(Words.ConfigureIntro)}}</p>
              </main>
            """, "MicrosoftTeams.min.js", "configure.js");
    }

    private static string LocalSignInHtml(CultureInfo language, LeadsOptions leads)
    {
        var e = Encoder;
        var people = LeadsChain.Services(leads)
            .SelectMany(s => s.Service.Designated.Concat(s.Service.Deputies).Select(p => (Person: p, Service: s.Service.Name)))
            .Where(p => p.Person.HasObjectId && p.Person.Name.Length > 0)
            .DistinctBy(p => p.Person.ObjectId, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var choices = people.Count == 0
            ? $"<p>{e.Encode(Words.LocalSignInNone)}</p>"
            : "<ul class=\"people\">" + string.Concat(people.Select(p =>
                $"<li><button type=\"button\" data-oid=\"{e.Encode(p.Person.ObjectId)}\" data-name=\"{e.Encode(p.Person.Name)}\">{e.Encode(p.Person.Name)}{(p.Service is { Length: > 0 } service ? " — " + e.Encode(service) : "")}</button></li>")) + "</ul>";
        return Document(language, Words.LocalSignInTitle, $$"""
              <main id="main" class="local-sign-in">
                <h1>{{e.Encode(Words.LocalSignInTitle)}}</h1>
                <p class="warning" role="note"><strong>{{e.Encode(Words.LocalSignInWarning)}}</strong></p>
                <p>{{e.Encode(Words.LocalSignInPick)}}</p>
                {{choices}}
              </main>
            """, "local-sign-in.js");
    }

    /// <summary>One of the tab's pages: its language and direction, the shared style sheet, the body, then its scripts from this host.</summary>
    private static string Document(CultureInfo language, string title, string body, params string[] scripts)
    {
        var e = Encoder;
        var tags = string.Concat(scripts.Select(script => $"  <script src=\"{Path}/assets/{script}\"></script>\n"));
        return $$"""
            <!DOCTYPE html>
            <html lang="{{e.Encode(language.Name)}}" dir="{{(language.TextInfo.IsRightToLeft ? "rtl" : "ltr")}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="referrer" content="no-referrer">
              <title>{{e.Encode(title)}}</title>
              <link rel="stylesheet" href="{{Path}}/assets/workspace.css">
            </head>
            <body data-theme="default">
            {{body}}{{tags}}</body>
            </html>
            """;
    }
}
