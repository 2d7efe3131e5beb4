using ConcernBot.Leads;
using ConcernBot.Testing;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Tests.Leads;

/// <summary>The leads are read once, and the host refuses to start (Production) or warns (Development) when the rule cannot hold.</summary>
public sealed class LeadsSettingsCheckTests
{
    private static Dictionary<string, string?> With(params (string Key, string? Value)[] changes)
    {
        var settings = People.Settings();
        settings.Remove("AllowUnauthenticatedLocalRequests");
        foreach (var (key, value) in changes)
        {
            if (value is null)
            {
                settings.Remove(key);
            }
            else
            {
                settings[key] = value;
            }
        }

        return settings;
    }

    private static string StartFails(Dictionary<string, string?> settings, string environment = "Production")
    {
        using var host = TestHost.Leads(new() { Preset = settings, Environment = environment });
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        var message = error.ToString();
        Assert.Contains("ConcernBot will not start: the safeguarding leads are not set up", message, StringComparison.Ordinal);
        return message;
    }

    [Fact]
    public async Task The_settings_as_docs_deploy_shows_them_start_in_Production_and_log_each_role_and_its_route_without_names()
    {
        await using var host = TestHost.Leads(new() { Preset = With(), Environment = "Production" });
        _ = host.CreateClient();

        var routes = host.Logs.Entries.Where(e => e.Message.StartsWith("Escalation chain", StringComparison.Ordinal)).Select(e => e.Message).ToList();
        Assert.Equal(4, routes.Count);
        Assert.Contains("Escalation chain, service default: designated lead 1 is reached by", routes[0], StringComparison.Ordinal);
        Assert.Contains(routes, r => r.Contains("deputy 1 is reached by the channel roster when they are in the leads' channel, else a 1:1 by their Entra object id", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Contains("escalation contact is reached by the channel roster when they are in the leads' channel, else the Teams user id in the settings, else their Entra object id", StringComparison.Ordinal));
        foreach (var person in new[] { People.Asha, People.Ben, People.Dee, People.Erin })
        {
            Assert.DoesNotContain(host.Logs.Entries, e => e.Message.Contains(person.Name, StringComparison.Ordinal) || e.Message.Contains(person.ObjectId, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_lead_with_no_object_id_stops_the_start_in_Production()
    {
        var message = StartFails(With(("Leads:Designated:1:ObjectId", null)));
        Assert.Contains("Leads:Designated:1 has no ObjectId", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_lead_with_no_object_id_is_a_warning_in_Development_that_says_what_will_not_work()
    {
        await using var host = TestHost.Leads(new() { Preset = With(("Leads:Deputies:0:ObjectId", null)) });
        _ = host.CreateClient();

        var warning = Assert.Single(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Leads:Deputies:0 has no ObjectId", StringComparison.Ordinal));
        Assert.Contains("a concern about them cannot be kept from them", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bare_name_in_the_list_stops_the_start_in_Production()
    {
        var message = StartFails(With(("Leads:Designated:0:ObjectId", null), ("Leads:Designated:0:Name", null), ("Leads:Designated:0", "Asha Designated")));
        Assert.Contains("Leads:Designated:0 is a name only", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Development")]
    [InlineData("Production")]
    public void A_key_ConcernBot_does_not_know_stops_the_start_everywhere(string environment)
    {
        var message = StartFails(With(("Leads:Deputies:0:Email", "dee@example.org")), environment);
        Assert.Contains("Leads:Deputies:0:Email is not a setting ConcernBot knows", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_different_object_ids_for_one_person_stop_the_start_everywhere()
    {
        var message = StartFails(With(("Leads:Designated:0:AadObjectId", People.Nick.ObjectId)), "Development");
        Assert.Contains("Leads:Designated:0 has two different object ids", message, StringComparison.Ordinal);
    }

    [Fact]
    public void One_person_under_two_names_stops_the_start_in_Production()
    {
        var message = StartFails(With(("Leads:Deputies:0:ObjectId", People.Asha.ObjectId)));
        Assert.Contains("Leads:Designated:0 and Leads:Deputies:0 are one person (the same ObjectId) under different names", message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_deputies_and_no_escalation_contact_stops_the_start_in_Production()
    {
        var message = StartFails(With(("Leads:Deputies:0:ObjectId", null), ("Leads:Deputies:0:Name", null), ("Leads:EscalationContact:ObjectId", null), ("Leads:EscalationContact:Name", null), ("Leads:EscalationContact:UserId", null)));
        Assert.Contains("Leads has no EscalationContact and no Deputies", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AadObjectId_is_read_as_another_spelling_of_ObjectId_so_routing_still_keeps_the_concern_from_the_lead()
    {
        await using var host = TestHost.Leads(new() { Preset = With(("Leads:Designated:0:ObjectId", null), ("Leads:Designated:0:AadObjectId", People.Asha.ObjectId)) });
        _ = host.CreateClient();

        var directory = host.Get<LeadsDirectory>();
        Assert.Equal(People.Asha.ObjectId, directory.MatchLead(null, "Asha Designated")?.ObjectId);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("Leads:Designated:0", StringComparison.Ordinal));
    }
}
