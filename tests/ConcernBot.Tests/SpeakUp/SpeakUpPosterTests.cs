using System.Text.RegularExpressions;
using ConcernBot.SpeakUp;
using ConcernBot.Testing;

namespace ConcernBot.Tests.SpeakUp;

/// <summary>The poster for a noticeboard: the page's address as a QR code and in words, what to report, and 999.</summary>
public sealed partial class SpeakUpPosterTests
{
    [Fact]
    public async Task The_poster_carries_the_page_address_as_a_QR_code_and_in_words()
    {
        const string address = "https://concernbot.oakhouse.example/speak-up";
        await using var host = TestHost.With(new TestHostOptions { Settings = new Dictionary<string, string?> { ["SpeakUp:PublicUrl"] = address, ["SpeakUp:OrganisationName"] = "Oak House Care" } });
        using var response = await host.Client.GetAsync(new Uri("/speak-up/poster", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(address, html, StringComparison.Ordinal);
        Assert.Contains("Oak House Care", html, StringComparison.Ordinal);
        Assert.Contains("call 999", html, StringComparison.Ordinal);
        var png = Convert.FromBase64String(QrImage().Match(html).Groups[1].Value);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(SpeakUpPoster.QrCode(address), png);
        Assert.NotEqual(SpeakUpPoster.QrCode(address + "x"), png);
    }

    [GeneratedRegex("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex QrImage();
}
