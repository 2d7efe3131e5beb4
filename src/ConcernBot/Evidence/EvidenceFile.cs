using System.Text.Json.Serialization;

namespace ConcernBot.Evidence;

/// <summary>A file as the reporter hands it over, still in memory: never written anywhere as it is.</summary>
public sealed record IncomingFile(string? Name, string? ContentType, byte[] Bytes);

/// <summary>
/// A stored evidence file as the leads see it: the reporter's own name for it (never for an anonymous concern: then it
/// is only "Photo 1", "Document 2" by its <see cref="Number"/>), its type and size. Sealed in the store like the file.
/// </summary>
public sealed record EvidenceFile(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("type")] EvidenceType Type,
    [property: JsonPropertyName("bytes")] long Length,
    [property: JsonPropertyName("number")] int Number,
    [property: JsonPropertyName("sequence")] int Sequence = 0)
{
    [JsonIgnore]
    public bool IsPhoto => EvidenceTypes.IsPhoto(Type);

    [JsonIgnore]
    public string ContentType => EvidenceTypes.ContentTypeOf(Type);

    /// <summary>The name shown and saved under, in the reader's language when the reporter's own is not kept.</summary>
    [JsonIgnore]
    public string DisplayName => Name ?? EvidenceWords.Numbered(IsPhoto, Number);

    /// <summary>The name a download is saved under: the shown name with the type's own extension.</summary>
    [JsonIgnore]
    public string DownloadName => Path.GetFileNameWithoutExtension(DisplayName) + EvidenceTypes.ExtensionOf(Type);
}

/// <summary>Why a file was not kept; each has its own kind message (Resources/Evidence.resx).</summary>
public enum EvidenceRefusal
{
    None,
    Empty,
    TooLarge,
    TooMany,
    ConcernFull,
    NotAccepted,
    NotWhatItSays,
    Heic,
    Unreadable,
}

/// <summary>What became of one file handed over: kept (with its entry), or refused and why.</summary>
public sealed record EvidenceAdded(EvidenceRefusal Refusal, EvidenceFile? File)
{
    public bool Kept => Refusal == EvidenceRefusal.None;
}

/// <summary>The `Evidence` settings: the limits a reporter is told about.</summary>
public sealed class EvidenceOptions
{
    public const string SectionName = "Evidence";

    public int MaxFiles { get; set; } = 10;
    public long MaxFileBytes { get; set; } = 10 * 1024 * 1024;
    public long MaxConcernBytes { get; set; } = 50 * 1024 * 1024;
}
