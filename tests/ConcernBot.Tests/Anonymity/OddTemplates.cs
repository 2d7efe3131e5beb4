using Microsoft.Extensions.Logging;

namespace ConcernBot.Tests.Anonymity;

/// <summary>Templates the product does not use yet, so the redacting logger is held to the framework on them too.</summary>
internal static partial class OddTemplates
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Retrying {Kind} in {Delay:c} ({Count,5}|{Ratio,-7:F2}|{At:yyyy-MM-dd}) after {Reason}")]
    internal static partial void Formatted(ILogger logger, string reason, double ratio, DateTimeOffset at, int count, TimeSpan delay, string kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} then {Step}, and {Kind} again")]
    internal static partial void Repeated(ILogger logger, string step, string kind);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Braces {{kept}} around {Step} }}")]
    internal static partial void Braces(ILogger logger, string step);
}
