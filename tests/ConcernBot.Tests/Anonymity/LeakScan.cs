using System.Text;
using Azure.Data.Tables;
using ConcernBot.Storage.AzureTables;
using ConcernBot.Testing;
using Microsoft.Data.Sqlite;

namespace ConcernBot.Tests.Anonymity;

/// <summary>
/// Searches everything ConcernBot kept for a reporter's identifiers, in the forms a store could hold them: as written,
/// in any case, URL-encoded, escaped as a table key, and base64.
/// </summary>
internal static class LeakScan
{
    public static IReadOnlyList<string> Forms(string identifier) =>
    [
        identifier,
        Uri.EscapeDataString(identifier),
        TableKeys.Encode(identifier),
        Convert.ToBase64String(Encoding.UTF8.GetBytes(identifier)),
    ];

    /// <summary>"where: identifier" for each identifier found in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Find(string where, string text, IEnumerable<string> identifiers) =>
        identifiers.Where(id => Forms(id).Any(f => text.Contains(f, StringComparison.OrdinalIgnoreCase))).Select(id => $"{where}: {id}");

    /// <summary>Every file under the folder (database, its WAL, the key ring), read as bytes.</summary>
    public static IEnumerable<(string Where, string Text)> Files(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Select(f => ($"file {Path.GetRelativePath(folder, f)}", Encoding.UTF8.GetString(File.ReadAllBytes(f)) + Encoding.Unicode.GetString(File.ReadAllBytes(f))));

    /// <summary>Every row of every table of the SQLite database, every column as text.</summary>
    public static async Task<List<(string Where, string Text)>> SqliteRowsAsync(string path)
    {
        var rows = new List<(string, string)>();
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var values = Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "" : reader.GetValue(i) is byte[] b ? Encoding.UTF8.GetString(b) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture));
                rows.Add(($"sqlite {table}", string.Join(" | ", values)));
            }
        }

        Assert.True(tables.Count >= 8, "The scan must see the store's tables.");
        return rows;
    }

    /// <summary>Every entity of every table with the prefix, keys and properties as text.</summary>
    public static async Task<List<(string Where, string Text)>> AzureTablesAsync(string connectionString, string prefix)
    {
        var rows = new List<(string, string)>();
        var service = new TableServiceClient(connectionString);
        await foreach (var table in service.QueryAsync())
        {
            if (!table.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            await foreach (var entity in service.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                rows.Add(($"table {table.Name}", string.Join(" | ", entity.Select(p => $"{p.Key}={Convert.ToString(p.Value is byte[] b ? Encoding.UTF8.GetString(b) : p.Value, System.Globalization.CultureInfo.InvariantCulture)}"))));
            }
        }

        Assert.NotEmpty(rows);
        return rows;
    }

    public static IEnumerable<(string Where, string Text)> Logs(CapturingLoggerProvider logs) =>
        logs.Entries.Select(e => ($"log {e.Category}", e.AllText));
}
