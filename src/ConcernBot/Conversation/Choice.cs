namespace ConcernBot.Conversation;

/// <summary>One answer a person can pick: the value the flow stores, the words on the button, and other words that mean it.</summary>
public sealed record Choice(string Value, string Title, string? Description = null, IReadOnlyList<string>? Aliases = null);
