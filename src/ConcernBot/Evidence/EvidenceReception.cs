using ConcernBot.Channels.Turns;

namespace ConcernBot.Evidence;

/// <summary>
/// Takes the files of a reporter's message, whatever the channel (<see cref="ITurnContext.ReadFilesAsync"/>), into the
/// concern's evidence, and says in one message what became of each.
/// </summary>
public sealed class EvidenceReception(EvidenceLocker locker)
{
    public async Task<(int Kept, string Told)> TakeAsync(ITurnContext turn, string concernId, bool anonymous, CancellationToken cancellationToken)
    {
        var (kept, told) = await TakeNamedAsync(turn, concernId, anonymous, cancellationToken);
        return (kept.Count, told);
    }

    /// <summary>As <see cref="TakeAsync"/>, with the names the kept files are shown by.</summary>
    public async Task<(IReadOnlyList<string> Kept, string Told)> TakeNamedAsync(ITurnContext turn, string concernId, bool anonymous, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var limits = locker.Limits;
        var files = await turn.ReadFilesAsync(limits.MaxFileBytes, cancellationToken);
        var told = new List<string>();
        var kept = new List<string>();
        foreach (var file in files)
        {
            if (file.Problem == ChannelFileProblem.TooLarge)
            {
                told.Add(EvidenceWords.Told(new EvidenceAdded(EvidenceRefusal.TooLarge, null), limits));
                continue;
            }

            if (file.Bytes is not { } bytes)
            {
                told.Add(Resources.Intake.FilesNotFetched);
                continue;
            }

            var added = await locker.AddAsync(concernId, anonymous, new IncomingFile(file.Name, file.ContentType, bytes), cancellationToken);
            if (added.Kept)
            {
                kept.Add(added.File!.DisplayName);
            }

            told.Add(EvidenceWords.Told(added, limits));
        }

        return (kept, told.Count == 0 ? Resources.Intake.FilesNotFetched : string.Join("\n\n", told));
    }
}
