namespace ConcernBot.Conversation;

/// <summary>A flow: its steps in script order. The conversation engine keeps the current step's name in the state.</summary>
public sealed class Flow<TDraft>
{
    private readonly List<FlowStep<TDraft>> _ordered;
    private readonly Dictionary<string, FlowStep<TDraft>> _byName;

    public Flow(string name, IEnumerable<FlowStep<TDraft>> steps)
    {
        Name = name;
        _ordered = steps.ToList();
        _byName = _ordered.ToDictionary(s => s.Name, StringComparer.Ordinal);
        if (_ordered.Count == 0)
        {
            throw new ArgumentException("A flow needs at least one step.", nameof(steps));
        }
    }

    public string Name { get; }

    public string First => _ordered[0].Name;

    public IReadOnlyList<FlowStep<TDraft>> Steps => _ordered;

    public FlowStep<TDraft>? Find(string? name) => name is not null && _byName.TryGetValue(name, out var step) ? step : null;

    /// <summary>The first step of a section on a track (steps with no track belong to every track).</summary>
    public string? FirstOf(string section, string? track) =>
        _ordered.FirstOrDefault(s => s.Section == section && (s.Track is null || s.Track == track))?.Name;
}
