using System.Net;
using ConcernBot.Channels.Turns;
using ConcernBot.Testing;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Hosting;

/// <summary>Logs never hold what a person wrote, nor their name or ids: whether the turn succeeds, is refused, or fails.</summary>
public sealed class LogPrivacyTests
{
    private const string Disclosure = "Zebra-quartz-7731 my neighbour hurts the children";

    private static readonly Dictionary<string, string?> EverythingLogged = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Trace",
        ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace",
    };

    [Fact]
    public async Task Message_text_names_and_ids_never_reach_the_logs()
    {
        using var logs = new CapturingLoggerProvider();
        await using (var host = TestHost.With(new() { Settings = EverythingLogged, Logs = logs }))
        {
            using var handled = await host.PostAsync(TestActivity.Message(People.Tester, Disclosure));
            using var greeted = await host.PostAsync(TestActivity.Message(People.Tester, "hi"));
            using var refused = await host.PostAsync(TestActivity.Message(People.Tester, Disclosure, serviceUrl: "https://smba.trafficmanager.net/emea/"));
            Assert.Equal(HttpStatusCode.OK, handled.StatusCode);
            Assert.Equal(HttpStatusCode.OK, greeted.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        AssertNothingPersonal(logs);
        Assert.Contains(logs.Entries, e => e.Message.Contains("401", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_failing_turn_logs_the_failure_without_the_message_or_the_exception_text()
    {
        using var logs = new CapturingLoggerProvider();
        await using (var host = TestHost.With(new() { Settings = EverythingLogged, Logs = logs, ExtraServices = s =>
        {
            s.RemoveAll<IBot>();
            s.AddSingleton<IBot, MessagingEndpointStatusTests.ThrowingBot>();
        } }))
        {
            using var response = await host.PostAsync(TestActivity.Message(People.Tester, Disclosure));
            Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        }

        AssertNothingPersonal(logs);
        Assert.DoesNotContain(logs.Entries, e => e.AllText.Contains(MessagingEndpointStatusTests.ThrowingBot.Secret, StringComparison.Ordinal));
        Assert.Contains(logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains(nameof(InvalidOperationException), StringComparison.Ordinal));
    }

    private static void AssertNothingPersonal(CapturingLoggerProvider logs)
    {
        Assert.NotEmpty(logs.Entries);
        string[] personal = ["Zebra-quartz-7731", "neighbour", People.Tester.Name, People.Tester.Id, People.Tester.AadObjectId];
        foreach (var entry in logs.Entries)
        {
            foreach (var secret in personal)
            {
                Assert.False(entry.AllText.Contains(secret, StringComparison.OrdinalIgnoreCase), $"The log from {entry.Category} contains personal data: {entry.Message}");
            }
        }
    }
}
