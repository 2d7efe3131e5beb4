using System.Text.Encodings.Web;
using Microsoft.Extensions.Options;
using QRCoder;
using Words = ConcernBot.Resources.SpeakUp;

namespace ConcernBot.SpeakUp;

/// <summary>
/// GET /speak-up/poster: a print-ready A4 page for a care home's noticeboard, with the page's address as a QR code
/// (QRCoder, drawn here: no service is asked), plain words on what to report, and the 999 line.
/// </summary>
public static class SpeakUpPoster
{
    public const string Path = SpeakUpPage.Path + "/poster";

    public static WebApplication MapSpeakUpPoster(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet(Path, (HttpContext http, IOptions<SpeakUpOptions> options) =>
        {
            SpeakUpPage.Secure(http.Response);
            var address = options.Value.PublicUrl is { Length: > 0 } configured ? configured : $"{http.Request.Scheme}://{http.Request.Host}{SpeakUpPage.Path}";
            return Results.Content(Html(address, options.Value), "text/html; charset=utf-8");
        });
        return app;
    }

    public static byte[] QrCode(string address)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(address, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(12);
    }

    private static string Html(string address, SpeakUpOptions options)
    {
        var e = HtmlEncoder.Default;
        var organisation = string.IsNullOrWhiteSpace(options.OrganisationName) ? null : options.OrganisationName.Trim();
        var qr = Convert.ToBase64String(QrCode(address));
        return $$"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head>
              <meta charset="utf-8">
              <title>{{e.Encode(Words.PosterTitle)}}</title>
              <link rel="stylesheet" href="{{SpeakUpPage.Path}}/poster.css">
            </head>
            <body>
              <main>
                <h1>{{e.Encode(Words.PosterTitle)}}</h1>
                {{(organisation is null ? "" : $"<p class=\"organisation\">{e.Encode(organisation)}</p>")}}
                <p class="lead">{{e.Encode(Words.PosterWhat)}}</p>
                <ul>
                  <li>{{e.Encode(Words.PosterExample1)}}</li>
                  <li>{{e.Encode(Words.PosterExample2)}}</li>
                  <li>{{e.Encode(Words.PosterExample3)}}</li>
                </ul>
                <p>{{e.Encode(Words.PosterHow)}}</p>
                <img class="qr" src="data:image/png;base64,{{qr}}" alt="{{e.Encode(Words.PosterQrAlt)}}">
                <p class="address">{{e.Encode(address)}}</p>
                <p>{{e.Encode(Words.Safe)}}</p>
                <p class="danger">{{e.Encode(Words.Danger)}}</p>
              </main>
            </body>
            </html>
            """;
    }
}
