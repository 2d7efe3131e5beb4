using System.Globalization;
using ConcernBot.Testing;
using W = ConcernBot.Resources.SpeakUp;

namespace ConcernBot.Tests.SpeakUp;

/// <summary>The web page in the visitor's language: picked on the page, or their browser's; Arabic right to left.</summary>
public sealed class SpeakUpPageLanguageTests
{
    [Fact]
    public async Task The_page_is_in_the_language_picked_on_it_or_the_browsers_and_offers_every_language_in_itself()
    {
        await using var host = TestHost.With(new TestHostOptions { Settings = People.Settings() });

        var arabic = await host.Client.GetStringAsync(new Uri("/speak-up?lang=ar", UriKind.Relative));
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", arabic, StringComparison.Ordinal);
        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(W.ResourceManager.GetString(nameof(W.Danger), CultureInfo.GetCultureInfo("ar"))!), arabic, StringComparison.Ordinal);
        Assert.Contains("<option value=\"ar\" lang=\"ar\" selected>العربية</option>", arabic, StringComparison.Ordinal);
        foreach (var name in new[] { "English", "Cymraeg", "Polski", "Română" })
        {
            Assert.Contains($">{name}</option>", arabic, StringComparison.Ordinal);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, "/speak-up");
        request.Headers.AcceptLanguage.ParseAdd("cy-GB,cy;q=0.9,en;q=0.5");
        using var welshResponse = await host.Client.SendAsync(request);
        var welsh = await welshResponse.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"cy\" dir=\"ltr\">", welsh, StringComparison.Ordinal);
        var encoder = System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);
        Assert.Contains(encoder.Encode(W.ResourceManager.GetString(nameof(W.Danger), CultureInfo.GetCultureInfo("cy"))!), welsh, StringComparison.Ordinal);

        var unknown = await host.Client.GetStringAsync(new Uri("/speak-up?lang=xx", UriKind.Relative));
        Assert.Contains("<html lang=\"en-GB\" dir=\"ltr\">", unknown, StringComparison.Ordinal);
    }
}
