namespace ConcernBot.Concerns;

/// <summary>The reporter's own verdict on how a closed concern was handled: involving the people safeguarding serves.</summary>
public sealed record ReporterFeedback
{
    /// <summary>When the follow-up question was sent (it is sent once).</summary>
    public DateTimeOffset? AskedAt { get; init; }

    public DateTimeOffset? AnsweredAt { get; init; }
    public FeedbackOutcome? OutcomesAchieved { get; init; }
    public bool? FeltListenedTo { get; init; }

    /// <summary>Whether the answer includes the person at risk's view, given through the reporter.</summary>
    public bool IncludesPersonAtRisk { get; init; }

    public string? Comment { get; init; }

    /// <summary>The SHA-256 of the one-time token on the question card: only that card can answer, and only once.</summary>
    public string? AnswerTokenHash { get; init; }
}

public enum FeedbackOutcome
{
    Fully,
    Partly,
    NotAchieved,
}
