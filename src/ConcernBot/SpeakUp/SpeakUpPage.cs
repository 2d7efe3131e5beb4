using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Words = ConcernBot.Resources.SpeakUp;

namespace ConcernBot.SpeakUp;

/// <summary>
/// GET /speak-up: the same conversation on a plain web page, for people without a Teams account (people who use the
/// service, families, whistleblowers). The official Web Chat (npm botframework-webchat, pinned in tools/webchat) is
/// served from this host with the page's own script: no CDN, no third-party script, no cookies, no analytics.
/// </summary>
public static class SpeakUpPage
{
    public const string Path = "/speak-up";

    /// <summary>Where the page's files are copied at build (ConcernBot.csproj): the page's script and style, and Web Chat.</summary>
    public static string AssetFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "speak-up");

    public static WebApplication MapSpeakUpPage(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, (HttpContext http, IOptions<SpeakUpOptions> options) =>
        {
            Secure(http.Response);
            // The page's language: the one picked on it (?lang=cy), else the browser's first; read, never kept.
            var language = Conversation.Languages.Match(http.Request.Query["lang"].FirstOrDefault())
                ?? Conversation.Languages.For(http.Request.Headers.AcceptLanguage.FirstOrDefault()?.Split(',')[0].Split(';')[0].Trim());
            CultureInfo.CurrentUICulture = language;
            return Results.Content(Html(options.Value, language), "text/html; charset=utf-8");
        });

        // Web Chat is 3.9 MB, under 1 MB compressed. Only the page's own files are compressed: never the conversation's
        // JSON, which carries a secret code (compression over HTTPS can leak secrets: BREACH).
        app.UseWhen(http => http.Request.Path.StartsWithSegments(Path), page => page.UseResponseCompression());
        var assets = new PhysicalFileProvider(Directory.Exists(AssetFolder) ? AssetFolder : AppContext.BaseDirectory);
        app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Path,
            FileProvider = assets,
            OnPrepareResponse = context =>
            {
                Secure(context.Context.Response);
                // Public code, the same for everyone: a visit after the first need not fetch it again.
                context.Context.Response.Headers.CacheControl = "public, max-age=86400";
            },
        });
        return app;
    }

    internal static void Secure(HttpResponse response)
    {
        var headers = response.Headers;
        // Web Chat styles itself with inline styles (emotion); scripts come only from this host.
        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self' blob:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
    }

    // Every script as itself (Arabic, Welsh's ŵ), not as numeric entities; markup characters are still encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static string Html(SpeakUpOptions options, CultureInfo language)
    {
        var e = Encoder;
        var culture = language.Name;
        var direction = language.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var choices = string.Concat(Conversation.Languages.Offered.Select(l =>
            $"<option value=\"{e.Encode(l.Culture.Name)}\" lang=\"{e.Encode(l.Culture.Name)}\"{(l.Culture.Equals(language) ? " selected" : "")}>{e.Encode(l.NameInItself)}</option>"));
        var organisation = string.IsNullOrWhiteSpace(options.OrganisationName) ? null : options.OrganisationName.Trim();
        var logo = options.LogoPath is { Length: > 0 } path && path.StartsWith('/') && !path.StartsWith("//", StringComparison.Ordinal)
            ? $"<img class=\"logo\" src=\"{e.Encode(path)}\" alt=\"\">"
            : "";
        var heading = organisation is null ? Words.Heading : Conversation.Words.Format(Words.HeadingFor, organisation);
        return $$"""
            <!DOCTYPE html>
            <html lang="{{e.Encode(culture)}}" dir="{{direction}}">
            <head>
              <meta charset="utf-8">
              <meta name="viewport" content="width=device-width, initial-scale=1">
              <meta name="referrer" content="no-referrer">
              <title>{{e.Encode(heading)}}</title>
              <link rel="stylesheet" href="{{Path}}/speak-up.css">
            </head>
            <body>
              <header>
                {{logo}}
                <h1>{{e.Encode(heading)}}</h1>
                <p>{{e.Encode(Words.Intro)}}</p>
                <p>{{e.Encode(Words.Safe)}}</p>
                <p class="danger"><strong>{{e.Encode(Words.Danger)}}</strong></p>
                <label for="language">{{e.Encode(Words.LanguageLabel)}}</label>
                <select id="language">{{choices}}</select>
              </header>
              <main id="chat" aria-label="{{e.Encode(Words.ChatLabel)}}" data-locale="{{e.Encode(culture)}}"
                    data-unavailable="{{e.Encode(Words.Unavailable)}}"></main>
              <script src="{{Path}}/webchat.js"></script>
              <script src="{{Path}}/speak-up.js"></script>
            </body>
            </html>
            """;
    }
}
