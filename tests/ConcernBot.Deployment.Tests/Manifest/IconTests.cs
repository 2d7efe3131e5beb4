using ConcernBot.Deployment.Tests.Infrastructure;

namespace ConcernBot.Deployment.Tests.Manifest;

/// <summary>Teams shows color.png in the store and app bar, and outline.png (tinted by Teams) in the left rail.</summary>
public sealed class IconTests
{
    private static readonly string ColorIcon = RepoRoot.Combine("manifest", "color.png");
    private static readonly string OutlineIcon = RepoRoot.Combine("manifest", "outline.png");

    [Theory]
    [InlineData("color.png", 192)]
    [InlineData("outline.png", 32)]
    public void Icons_are_the_sizes_Teams_requires(string file, int size)
    {
        var png = PngImage.Read(RepoRoot.Combine("manifest", file));

        Assert.Equal((size, size), (png.Width, png.Height));
    }

    [Fact]
    public void The_outline_icon_is_white_on_transparent()
    {
        var pixels = PngImage.Read(OutlineIcon).Pixels();

        Assert.Empty(NotWhiteOrTransparent(pixels));
        var drawn = pixels.Count(p => p.A > 0);
        Assert.InRange(drawn, pixels.Count / 10, pixels.Count * 9 / 10); // a shape, not an empty or solid square
    }

    [Fact]
    public void The_outline_check_catches_a_coloured_icon()
    {
        var pixels = PngImage.Read(ColorIcon).Pixels();

        Assert.NotEmpty(NotWhiteOrTransparent(pixels));
    }

    [Fact]
    public void The_colour_icon_is_an_opaque_full_colour_picture()
    {
        var pixels = PngImage.Read(ColorIcon).Pixels();

        Assert.All(pixels, p => Assert.Equal(255, p.A));
        Assert.True(pixels.Select(p => (p.R, p.G, p.B)).Distinct().Count() >= 3, "The colour icon should use several colours.");
    }

    private static List<(byte R, byte G, byte B, byte A)> NotWhiteOrTransparent(IReadOnlyList<(byte R, byte G, byte B, byte A)> pixels) =>
        [.. pixels.Where(p => p.A != 0 && (p.R, p.G, p.B) != (255, 255, 255))];
}
