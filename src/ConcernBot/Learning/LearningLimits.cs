namespace ConcernBot.Learning;

public static class LearningLimits
{
    /// <summary>The longest subject or location a lead may record.</summary>
    public const int MaxRecordedLength = 200;
}
