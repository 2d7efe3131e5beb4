namespace ConcernBot.Evidence;

/// <summary>What a file is, read from its first bytes, never from its name alone.</summary>
public enum EvidenceType
{
    Unknown,
    Jpeg,
    Png,
    Pdf,
    Word,
    Excel,
    PowerPoint,
    Heic,
}

/// <summary>
/// The accepted types, their names and content types, and the magic bytes that must match what the file says it is.
/// Office files are zip packages: the name's type picks Word, Excel or PowerPoint, and the cleaner's open proves it.
/// </summary>
public static class EvidenceTypes
{
    private static readonly Dictionary<string, EvidenceType> Extensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = EvidenceType.Jpeg, [".jpeg"] = EvidenceType.Jpeg, [".png"] = EvidenceType.Png, [".pdf"] = EvidenceType.Pdf,
        [".docx"] = EvidenceType.Word, [".xlsx"] = EvidenceType.Excel, [".pptx"] = EvidenceType.PowerPoint,
        [".heic"] = EvidenceType.Heic, [".heif"] = EvidenceType.Heic,
    };

    private static readonly Dictionary<string, EvidenceType> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/jpeg"] = EvidenceType.Jpeg, ["image/jpg"] = EvidenceType.Jpeg, ["image/png"] = EvidenceType.Png, ["application/pdf"] = EvidenceType.Pdf,
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = EvidenceType.Word,
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = EvidenceType.Excel,
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = EvidenceType.PowerPoint,
        ["image/heic"] = EvidenceType.Heic, ["image/heif"] = EvidenceType.Heic,
    };

    public static bool IsPhoto(EvidenceType type) => type is EvidenceType.Jpeg or EvidenceType.Png;

    /// <summary>"image/*" or any image type: what a pasted image says of itself.</summary>
    public static bool IsAnyImage(string? contentType) => contentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true;

    public static string ContentTypeOf(EvidenceType type) => ContentTypes.First(p => p.Value == type).Key;

    public static string ExtensionOf(EvidenceType type) => Extensions.First(p => p.Value == type).Key;

    /// <summary>What the file says it is: its name's type, else its content type (Teams' "jpg" file type counts as a name).</summary>
    public static EvidenceType Declared(string? name, string? contentType)
    {
        var extension = Path.GetExtension(name ?? "");
        if (extension.Length > 0)
        {
            return Extensions.GetValueOrDefault(extension);
        }

        return contentType is null ? EvidenceType.Unknown : ContentTypes.GetValueOrDefault(contentType.Split(';')[0].Trim());
    }

    /// <summary>What the first bytes say the file is (Office packages: only that it is a zip).</summary>
    public static EvidenceType Sniffed(ReadOnlySpan<byte> bytes, EvidenceType declared)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return EvidenceType.Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return EvidenceType.Png;
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return EvidenceType.Pdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return declared is EvidenceType.Word or EvidenceType.Excel or EvidenceType.PowerPoint ? declared : EvidenceType.Unknown;
        }

        // ISO base media: "ftyp" at offset 4, then a HEIF brand.
        if (bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            var brand = bytes[8..12];
            if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8) || brand.SequenceEqual("hevc"u8))
            {
                return EvidenceType.Heic;
            }
        }

        return EvidenceType.Unknown;
    }
}
