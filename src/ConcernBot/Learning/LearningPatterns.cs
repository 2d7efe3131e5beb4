using ConcernBot.Concerns;

namespace ConcernBot.Learning;

/// <summary>Patterns for one concern, from the store: its organisation's concerns of the look-back period.</summary>
public sealed class LearningPatterns(LearningConcerns concerns, PatternOptions options)
{
    public async Task<IReadOnlyList<PatternMatch>> FindAsync(Concern concern, CancellationToken cancellationToken)
    {
        if (PatternFinder.Normalise(concern.Subject.RecordedSubject) is null && PatternFinder.Normalise(concern.Subject.RecordedLocation) is null)
        {
            return [];
        }

        var others = await concerns.ListAsync(concern.OrganisationId, new HashSet<string?> { concern.ServiceId }, concern.ReceivedAt.AddDays(-options.LookbackDays), cancellationToken);
        return PatternFinder.Find(concern, others, options);
    }
}
