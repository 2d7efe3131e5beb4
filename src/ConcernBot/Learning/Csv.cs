using System.Text;

namespace ConcernBot.Learning;

/// <summary>RFC 4180 CSV, with cells that a spreadsheet would run as a formula made inert.</summary>
internal sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv Row(IEnumerable<string?> cells)
    {
        _text.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    private static string Cell(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            text = "'" + text;
        }

        return text.IndexOfAny([',', '"', '\r', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
