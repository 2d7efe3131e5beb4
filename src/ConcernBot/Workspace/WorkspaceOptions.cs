namespace ConcernBot.Workspace;

/// <summary>Settings under <c>Workspace</c>: the leads' tab. Its sign-in is <c>TabSignIn</c> (the protocol layer's).</summary>
public sealed class WorkspaceOptions
{
    public const string Section = "Workspace";

    /// <summary>
    /// Development only, and only for requests from this machine: a clearly marked page to pick one of the configured
    /// leads, so the tab can be tried without Entra. Never honoured outside Development or from another address.
    /// </summary>
    public bool LocalSignIn { get; set; } = true;
}
