using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Tests.Anonymity;

/// <summary>
/// Whatever a developer writes into a log, through the real host's logging pipeline nothing that identifies a reporter or
/// repeats what they wrote reaches a provider.
/// </summary>
public sealed class LogRedactionTests
{
    private const string Name = "Zebedee Quartermaine-Xylo";
    private const string UserId = "29:zzz-distinctive-user";
    private const string AadObjectId = "5e1ec7ed-0b5c-4d1e-9a1e-00000000d157";
    private const string ConversationId = "a:1zzz-distinctive-conversation";
    private const string Email = "zebedee.qx@distinctive.example";
    private const string Disclosure = "my manager Xanthippe hits the residents";
    private const string SecretLine = "status SG-7K3-Q9P K7QP-3MXD-9RTW-H2FB";

    private static readonly string[] Forbidden = [Name, "Zebedee", "Quartermaine", UserId, "zzz-distinctive", AadObjectId, ConversationId, Email, "Xanthippe", "hits the residents", "SG-7K3-Q9P", "K7QP-3MXD"];

    [Fact]
    public async Task The_host_s_start_up_lines_an_operator_needs_stay_whole_and_a_person_s_data_in_the_same_category_does_not()
    {
        using var logs = new CapturingLoggerProvider();
        await using (var host = TestHost.With(new() { Logs = logs }))
        {
            var lifetime = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.Hosting.Lifetime");
            var other = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics");
#pragma warning disable CA1848, CA2254, CA1873, CA1727 // the framework's own templates, as it writes them
            lifetime.LogInformation("Now listening on: {address}", "http://127.0.0.1:3978");
            lifetime.LogInformation("Content root path: {contentRoot}", "/home/site/wwwroot");
            other.LogInformation("Request starting {Path} from {RemoteIpAddress}", "/api/messages", "203.0.113.77");
#pragma warning restore CA1848, CA2254, CA1873, CA1727
        }

        Assert.Contains(logs.Entries, e => e.Message == "Now listening on: http://127.0.0.1:3978");
        Assert.Contains(logs.Entries, e => e.Message == "Content root path: /home/site/wwwroot");
        Assert.DoesNotContain(logs.Entries, e => e.AllText.Contains("203.0.113.77", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_worst_a_developer_could_write_never_reaches_the_logs()
    {
        using var logs = new CapturingLoggerProvider();
        await using (var host = TestHost.With(new() { Settings = new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" }, Logs = logs }))
        {
            var logger = host.Services.GetRequiredService<ILogger<LogRedactionTests>>();
            var factoryLogger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("ConcernBot.Intake.Careless");
#pragma warning disable CA1848, CA2254, CA1873 // The point of this test: the careless ways of logging.
            logger.LogInformation($"Reporter {Name} ({UserId}, {AadObjectId}) said: {Disclosure}");
            logger.LogInformation("Message {Text} from {UserName} in {ConversationId}", Disclosure, Name, ConversationId);
            logger.LogWarning("Reporter {Who} wrote {What}", Name, Disclosure);
            logger.LogInformation("Contact {Contact} on {Account}", Email, AadObjectId);
            logger.LogInformation("Typed: {Typed}", SecretLine);
            logger.LogError(new InvalidOperationException($"Could not save the draft of {Name} <{Email}>: {Disclosure}"), "Saving failed");
            factoryLogger.LogDebug(Disclosure);
            factoryLogger.LogInformation(Name);
            using (logger.BeginScope("Conversation {ConversationId} of {User}", ConversationId, UserId))
            {
                logger.LogInformation("Inside a scope");
            }

            using (logger.BeginScope($"{Name} {Email}"))
            {
                logger.LogInformation("Inside another scope");
            }
#pragma warning restore CA1848, CA2254, CA1873
        }

        Assert.NotEmpty(logs.Entries);
        foreach (var entry in logs.Entries)
        {
            foreach (var forbidden in Forbidden)
            {
                Assert.False(entry.AllText.Contains(forbidden, StringComparison.OrdinalIgnoreCase), $"A log line from {entry.Category} holds \"{forbidden}\": {entry.AllText}");
            }
        }

        // Still useful for operations: the failure is there, with its type; constant text survives.
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Message == "Saving failed" && e.Exception!.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Message == "Inside a scope");
        Assert.Contains(logs.Entries, e => e.Message.StartsWith("Message [redacted] from [redacted]", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_hole_is_filled_with_its_own_value_whatever_order_the_values_come_in()
    {
        var values = new List<KeyValuePair<string, object?>> { new("Delay", TimeSpan.FromSeconds(5)), new("Attempt", 7), new("Kind", "concern.submitted") };

        var line = ConcernBot.Anonymity.Logging.LogRedactor.Render("Delivering a {Kind} message failed (attempt {Attempt}); retrying in {Delay}", values);

        Assert.Equal("Delivering a concern.submitted message failed (attempt 7); retrying in 00:00:05", line);
    }

    [Fact]
    public void A_name_given_twice_takes_its_values_in_turn_and_a_hole_with_no_value_borrows_none()
    {
        var twice = new List<KeyValuePair<string, object?>> { new("Step", "first"), new("Step", "second"), new("Count", 3) };

        Assert.Equal("first then second (3)", ConcernBot.Anonymity.Logging.LogRedactor.Render("{Step} then {Step} ({Count})", twice));
        Assert.Equal("3 of {Missing}", ConcernBot.Anonymity.Logging.LogRedactor.Render("{Count} of {Missing}", twice));
    }
}
