namespace ConcernBot.SpeakUp;

/// <summary>The `SpeakUp` configuration section: how the public page introduces the organisation.</summary>
public sealed class SpeakUpOptions
{
    /// <summary>The organisation's name, shown in the page's header.</summary>
    public string? OrganisationName { get; set; }

    /// <summary>The page's public address for the poster's QR code; the address the poster was asked on when unset.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>A logo on this host (a path such as /speak-up/logo.png), or none.</summary>
    public string? LogoPath { get; set; }
}
