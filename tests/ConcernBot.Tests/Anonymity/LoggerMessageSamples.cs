using System.Globalization;
using System.Reflection;
using ConcernBot.Anonymity.Logging;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Tests.Anonymity;

/// <summary>
/// Every [LoggerMessage] method in the product's assemblies, and sample arguments for it: each parameter a value of its own
/// type that no other parameter of the call shares, so a hole filled with another parameter's value shows.
/// </summary>
internal static class LoggerMessageSamples
{
    public static IReadOnlyList<MethodInfo> All()
    {
        var assemblies = new Dictionary<string, Assembly>(StringComparer.Ordinal);
        var pending = new Queue<Assembly>([typeof(LogRedactor).Assembly]);
        while (pending.TryDequeue(out var assembly))
        {
            if (!assemblies.TryAdd(assembly.GetName().Name!, assembly))
            {
                continue;
            }

            foreach (var reference in assembly.GetReferencedAssemblies().Where(r => r.Name!.StartsWith("ConcernBot", StringComparison.Ordinal)))
            {
                pending.Enqueue(Assembly.Load(reference));
            }
        }

        const BindingFlags Everything = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        return
        [
            .. assemblies.Values
                .SelectMany(a => a.GetTypes())
                .SelectMany(t => t.GetMethods(Everything))
                .Where(m => m.GetCustomAttribute<LoggerMessageAttribute>() is not null)
                .OrderBy(m => m.DeclaringType!.FullName, StringComparer.Ordinal)
                .ThenBy(m => m.Name, StringComparer.Ordinal),
        ];
    }

    public static string NameOf(MethodInfo method) => $"{method.DeclaringType!.FullName}.{method.Name}";

    /// <summary>The arguments for one call: the logger where the method takes it, samples elsewhere.</summary>
    public static object?[] Arguments(MethodInfo method, ILogger logger, bool sensitive) =>
        [.. method.GetParameters().Select((p, i) => typeof(ILogger).IsAssignableFrom(p.ParameterType) ? logger : Sample(p, i, sensitive))];

    /// <summary>
    /// A value of the parameter's type, distinct by position. Sensitive samples hold what must never be logged (an object
    /// id), so the redaction has to replace them.
    /// </summary>
    public static object? Sample(ParameterInfo parameter, int index, bool sensitive)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return type switch
        {
            _ when type == typeof(string) || type == typeof(object) => sensitive
                ? $"{parameter.Name} 5e1ec7ed-0b5c-4d1e-9a1e-0000000{index:D5}"
                : $"{parameter.Name}-sample-{index}",
            _ when type == typeof(int) => 100 + (index * 11),
            _ when type == typeof(long) => 5_000_000_000L + index,
            _ when type == typeof(double) => 1.25 + index,
            _ when type == typeof(bool) => index % 2 == 0,
            _ when type == typeof(TimeSpan) => new TimeSpan(0, 1, index + 2, 20, 250),
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 3, 4, 5, 6, index, TimeSpan.Zero),
            _ when type == typeof(DateTime) => new DateTime(2026, 3, 4, 5, 6, index, DateTimeKind.Utc),
            _ when type == typeof(Guid) => new Guid(index, 0x0b5c, 0x4d1e, 9, 0x1e, 0, 0, 0, 0, 0xd1, 0x57),
            _ when type == typeof(Uri) => new Uri($"https://host{index}.example/path/{index}"),
            _ when type.IsEnum => Enum.GetValues(type).GetValue(Math.Min(index, Enum.GetValues(type).Length - 1)),
            _ when typeof(Exception).IsAssignableFrom(type) => new InvalidOperationException($"exception sample {index}"),
            _ => throw new InvalidOperationException(
                $"No sample value for a {type} parameter ({parameter.Member.DeclaringType}.{parameter.Member.Name}); add one here"),
        };
    }

    /// <summary>How the framework writes one value into a hole: "(null)", else the value formatted in the invariant culture.</summary>
    public static string FormatHole(object? value, string alignmentAndFormat) =>
        value is null ? "(null)" : string.Format(CultureInfo.InvariantCulture, "{0" + alignmentAndFormat + "}", value);
}
