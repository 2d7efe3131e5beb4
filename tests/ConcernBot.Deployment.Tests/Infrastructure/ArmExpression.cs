using System.Globalization;
using System.Text;

namespace ConcernBot.Deployment.Tests.Infrastructure;

/// <summary>A parsed ARM template expression: enough of the grammar to read what a template computes, not to evaluate it.</summary>
internal abstract record ArmExpression
{
    /// <summary>This node and every node below it.</summary>
    public IEnumerable<ArmExpression> DescendantsAndSelf()
    {
        yield return this;
        var children = this switch
        {
            ArmCall call => call.Arguments,
            ArmMember member => [member.Target],
            ArmIndex index => [index.Target, index.Key],
            _ => [],
        };
        foreach (var descendant in children.SelectMany(c => c.DescendantsAndSelf()))
        {
            yield return descendant;
        }
    }

    /// <summary>Parses "[expr]" (or a bare expression). A plain string value becomes a literal.</summary>
    public static ArmExpression Parse(string text)
    {
        if (!(text.StartsWith('[') && text.EndsWith(']')) || text.StartsWith("[[", StringComparison.Ordinal))
        {
            return new ArmLiteral(text);
        }

        var parser = new Parser(text[1..^1]);
        var expression = parser.Expression();
        parser.End();
        return expression;
    }

    private sealed class Parser(string text)
    {
        private int _pos;

        public ArmExpression Expression()
        {
            var expression = Primary();
            while (true)
            {
                SkipSpace();
                if (Peek('.'))
                {
                    _pos++;
                    expression = new ArmMember(expression, Identifier());
                }
                else if (Peek('['))
                {
                    _pos++;
                    var key = Expression();
                    Expect(']');
                    expression = new ArmIndex(expression, key);
                }
                else
                {
                    return expression;
                }
            }
        }

        public void End()
        {
            SkipSpace();
            if (_pos != text.Length)
            {
                throw new FormatException($"Unexpected '{text[_pos..]}' in ARM expression");
            }
        }

        private ArmExpression Primary()
        {
            SkipSpace();
            if (Peek('\''))
            {
                return new ArmLiteral(StringLiteral());
            }

            if (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '-'))
            {
                var start = _pos++;
                while (_pos < text.Length && (char.IsDigit(text[_pos]) || text[_pos] == '.'))
                {
                    _pos++;
                }

                return new ArmNumber(double.Parse(text[start.._pos], CultureInfo.InvariantCulture));
            }

            var name = Identifier();
            SkipSpace();
            if (!Peek('('))
            {
                return new ArmCall(name, []);
            }

            _pos++;
            var arguments = new List<ArmExpression>();
            SkipSpace();
            if (!Peek(')'))
            {
                arguments.Add(Expression());
                SkipSpace();
                while (Peek(','))
                {
                    _pos++;
                    arguments.Add(Expression());
                    SkipSpace();
                }
            }

            Expect(')');
            return new ArmCall(name, arguments);
        }

        private string StringLiteral()
        {
            var value = new StringBuilder();
            _pos++; // opening quote
            while (true)
            {
                if (_pos >= text.Length)
                {
                    throw new FormatException("Unterminated string in ARM expression");
                }

                if (text[_pos] == '\'')
                {
                    if (_pos + 1 < text.Length && text[_pos + 1] == '\'')
                    {
                        value.Append('\'');
                        _pos += 2;
                        continue;
                    }

                    _pos++;
                    return value.ToString();
                }

                value.Append(text[_pos++]);
            }
        }

        private string Identifier()
        {
            SkipSpace();
            var start = _pos;
            while (_pos < text.Length && (char.IsLetterOrDigit(text[_pos]) || text[_pos] == '_' || text[_pos] == '$'))
            {
                _pos++;
            }

            if (start == _pos)
            {
                throw new FormatException($"Expected a name at {_pos} in ARM expression");
            }

            return text[start.._pos];
        }

        private bool Peek(char c) => _pos < text.Length && text[_pos] == c;

        private void Expect(char c)
        {
            SkipSpace();
            if (!Peek(c))
            {
                throw new FormatException($"Expected '{c}' at {_pos} in ARM expression");
            }

            _pos++;
        }

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                _pos++;
            }
        }
    }
}

internal sealed record ArmLiteral(string Value) : ArmExpression;

internal sealed record ArmNumber(double Value) : ArmExpression;

internal sealed record ArmCall(string Name, IReadOnlyList<ArmExpression> Arguments) : ArmExpression;

internal sealed record ArmMember(ArmExpression Target, string Name) : ArmExpression;

internal sealed record ArmIndex(ArmExpression Target, ArmExpression Key) : ArmExpression;
