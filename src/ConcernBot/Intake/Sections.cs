namespace ConcernBot.Intake;

/// <summary>The parts of a concern, as the review card shows them (each with its own Change button).</summary>
public static class Sections
{
    public const string Safety = "safety";
    public const string You = "you";
    public const string Person = "person";
    public const string Happened = "happened";
    public const string Harm = "harm";
    public const string About = "about";
    public const string Wishes = "wishes";
    public const string Sharing = "sharing";
    public const string Evidence = "evidence";
    public const string Known = "known";

    public static IReadOnlyList<string> InOrder { get; } = [Safety, You, Person, Happened, Harm, About, Wishes, Sharing, Evidence, Known];
}

/// <summary>The tracks of the intake flow; shared steps have none.</summary>
public static class Tracks
{
    public const string Guided = "guided";
    public const string Simple = "simple";

    public static string Of(IntakeDraft draft) => draft.Track == IntakeTrack.Simple ? Simple : Guided;
}
