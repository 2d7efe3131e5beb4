using System.Globalization;
using System.Text;
using Azure;
using Azure.Data.Tables;

namespace ConcernBot.Storage.AzureTables;

/// <summary>Keys and values as Azure Tables needs them.</summary>
internal static class TableKeys
{
    /// <summary>
    /// An id made safe for a partition or row key: '/', '\', '#', '?', control characters, '|' (our separator) and '%'
    /// itself become %XX. Character by character, so the encoding keeps prefixes and is reversible.
    /// </summary>
    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (!value.Any(NeedsEscape))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            if (NeedsEscape(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Ticks as 19 digits, so the string order of row keys is the order of the times.</summary>
    public static string Ticks(long ticks) => ticks.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>The smallest string greater than every string starting with <paramref name="prefix"/>.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static bool IsStatus(this RequestFailedException exception, int status) => exception.Status == status;

    public static string ETagOf(Response response) =>
        response.Headers.ETag?.ToString() ?? throw new InvalidOperationException("The table service returned no ETag.");

    private static bool NeedsEscape(char c) => c is '/' or '\\' or '#' or '?' or '|' or '%' || char.IsControl(c);
}

/// <summary>A JSON document split over string properties D0, D1, ... (one property holds at most 64 KiB).</summary>
internal static class TableDocument
{
    private const int ChunkLength = 30_000;

    public static void Write(TableEntity entity, string json, string name = "D")
    {
        var chunks = (json.Length + ChunkLength - 1) / ChunkLength;
        entity[name + "N"] = chunks;
        for (var i = 0; i < chunks; i++)
        {
            entity[name + i.ToString(CultureInfo.InvariantCulture)] = json.Substring(i * ChunkLength, Math.Min(ChunkLength, json.Length - (i * ChunkLength)));
        }
    }

    public static string Read(TableEntity entity, string name = "D")
    {
        var chunks = entity.GetInt32(name + "N") ?? 0;
        var builder = new StringBuilder();
        for (var i = 0; i < chunks; i++)
        {
            builder.Append(entity.GetString(name + i.ToString(CultureInfo.InvariantCulture)));
        }

        return builder.ToString();
    }
}
