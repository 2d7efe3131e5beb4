using System.Text;

namespace ConcernBot.Tests.Anonymity;

/// <summary>A message template read the way the framework reads it: text, "{{" and "}}" for braces, and holes {Name,alignment:format}.</summary>
internal static class Template
{
    public sealed record Part(string Text, string Name, string Spec)
    {
        public bool IsHole => Name.Length > 0;
    }

    public static IReadOnlyList<Part> Parse(string template)
    {
        var parts = new List<Part>();
        var text = new StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            if (template[i] is '{' or '}' && i + 1 < template.Length && template[i + 1] == template[i])
            {
                text.Append(template[i++]);
                continue;
            }

            var close = template[i] == '{' ? template.IndexOf('}', i + 1) : -1;
            if (close < 0)
            {
                text.Append(template[i]);
                continue;
            }

            parts.Add(new(text.ToString(), "", ""));
            text.Clear();
            var body = template[(i + 1)..close];
            var end = body.IndexOfAny([',', ':']);
            parts.Add(end < 0 ? new("", body.Trim(), "") : new("", body[..end].Trim(), body[end..]));
            i = close;
        }

        parts.Add(new(text.ToString(), "", ""));
        return parts;
    }

    public static string Render(IReadOnlyList<Part> parts, Func<Part, string> hole) =>
        string.Concat(parts.Select(p => p.IsHole ? hole(p) : p.Text));
}
