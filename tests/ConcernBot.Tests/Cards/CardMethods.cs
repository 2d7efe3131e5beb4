using System.Reflection;
using System.Text.Json;

namespace ConcernBot.Tests.Cards;

/// <summary>Finds every public method that builds a card: returns <see cref="JsonElement"/> on a public <c>...Cards</c> type.</summary>
internal static class CardMethods
{
    public static IReadOnlyList<MethodInfo> InProduct() =>
        typeof(Program).Assembly.GetExportedTypes()
            .Where(type => type.Name.EndsWith("Cards", StringComparison.Ordinal))
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(method => method.ReturnType == typeof(JsonElement))
            .ToList();

    public static string KeyOf(MethodInfo method) => $"{method.DeclaringType!.Name}.{method.Name}";
}
