using System.Text.Json.Nodes;
using System.Text;
using ConcernBot.Concerns;
using ConcernBot.Leads;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Leads;

/// <summary>
/// The rule that must never break: a concern about a lead never reaches that lead. Each test raises the concern through the
/// real host as a member of staff would (the intake's cards, over /api/messages), routes it, lets every deadline pass, has the
/// lead ask for `open concerns` and `export`, and has them try to open and act on every copy of the card; then counts every
/// message that reached them naming the concern. That count must be 0, for every configuration docs/deploy.md shows.
/// </summary>
public sealed class ConcernAboutALeadTests
{
    private const string OakChannel = "19:oak-leads@thread.tacv2";

    public static TheoryData<string, string> EveryLeadOfEveryShape() => new()
    {
        { "top-level leads", People.Asha.Name },
        { "top-level leads", People.Ben.Name },
        { "top-level leads", People.Dee.Name },
        { "per-service leads", People.Asha.Name },
        { "per-service leads", People.Ben.Name },
        { "per-service leads", People.Dee.Name },
        { "a lead who is also a deputy", People.Asha.Name },
        { "a lead who is also a deputy", People.Ben.Name },
        { "one lead only", People.Asha.Name },
    };

    /// <summary>The configuration shapes, written with the documented keys (Leads__Designated__0__ObjectId, ...).</summary>
    public static Dictionary<string, string?> Shape(string shape)
    {
        var settings = new Dictionary<string, string?>
        {
            ["AllowUnauthenticatedLocalRequests"] = "true",
            ["Leads:Admins:0"] = People.Ada.ObjectId,
            ["Leads:Channel:ServiceUrl"] = People.ServiceUrl,
            ["Leads:Channel:ConversationId"] = People.LeadsChannel,
        };
        void Person(string prefix, Person p)
        {
            settings[prefix + ":ObjectId"] = p.ObjectId;
            settings[prefix + ":Name"] = p.Name;
        }

        switch (shape)
        {
            case "top-level leads":
                Person("Leads:Designated:0", People.Asha);
                Person("Leads:Designated:1", People.Ben);
                Person("Leads:Deputies:0", People.Dee);
                Person("Leads:EscalationContact", People.Erin);
                break;
            case "per-service leads":
                settings["Leads:Services:oak:Name"] = "Oak House";
                settings["Leads:Services:oak:Channel:ServiceUrl"] = People.ServiceUrl;
                settings["Leads:Services:oak:Channel:ConversationId"] = OakChannel;
                Person("Leads:Services:oak:Designated:0", People.Asha);
                Person("Leads:Services:oak:Designated:1", People.Ben);
                Person("Leads:Services:oak:Deputies:0", People.Dee);
                Person("Leads:Services:oak:EscalationContact", People.Erin);
                break;
            case "a lead who is also a deputy":
                Person("Leads:Designated:0", People.Asha);
                Person("Leads:Designated:1", People.Ben);
                Person("Leads:Deputies:0", People.Asha);
                Person("Leads:EscalationContact", People.Erin);
                break;
            case "one lead only":
                Person("Leads:Designated:0", People.Asha);
                Person("Leads:EscalationContact", People.Erin);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
        }

        return settings;
    }

    private static readonly Person[] Everyone = [People.Asha, People.Ben, People.Dee, People.Erin];

    private static Person Named(string name) => Everyone.Single(p => p.Name == name);

    [Theory]
    [MemberData(nameof(EveryLeadOfEveryShape))]
    public async Task A_concern_about_a_lead_pressed_on_the_card_never_reaches_them_and_the_others_can_handle_it(string shape, string leadName)
    {
        var lead = Named(leadName);
        await using var host = NewHost(shape);

        var concern = await RaiseAsync(host, about: chat => AboutALeadAsync(chat, () => chat.PressAsync(lead.Name)));

        await KeptFromThemAsync(host, concern, lead);
    }

    [Theory]
    [InlineData("asha")]
    [InlineData("  ASHA   designated ")]
    [InlineData("It's Asha Designated, the day lead")]
    public async Task A_typed_name_that_matches_a_lead_keeps_it_from_them(string typed)
    {
        await using var host = NewHost("top-level leads");

        var concern = await RaiseAsync(host, about: chat => AboutALeadAsync(chat, () => chat.PressAsync(I.ButtonContinue, new { answer = typed })));

        await KeptFromThemAsync(host, concern, People.Asha);
    }

    [Theory]
    [InlineData("dont-know")]
    [InlineData("Someone called Sam")]
    public async Task A_concern_about_a_lead_nobody_could_name_goes_only_to_the_escalation_contact_and_the_reporter_is_told(string answer)
    {
        await using var host = NewHost("top-level leads");

        var concern = await RaiseAsync(host, about: chat => AboutALeadAsync(chat, () => answer == "dont-know" ? chat.PressAsync(I.ChoiceDontKnow) : chat.PressAsync(I.ButtonContinue, new { answer })), review: review => Assert.True(review.Says("Only Erin Trustee, in a private chat"), review.Words));

        Assert.Null(concern.Subject.LeadAadObjectId);
        await EverythingHappensAsync(host, concern, People.Asha);
        foreach (var anyLead in new[] { People.Asha, People.Ben, People.Dee })
        {
            Assert.Equal(0, Reached(host, anyLead, concern.Reference));
        }

        var stored = await SampleConcerns.CurrentAsync(host, concern);
        var post = Assert.Single(stored.Leads.Posts);
        Assert.Equal("a:personal-" + People.Erin.ObjectId, post.ConversationId);

        // Erin handles it: she had the reminder in her chat, and is not escalated to as if someone else had it.
        var toErin = host.Connector.Calls.Where(c => c.Operation == "send" && c.ConversationId == post.ConversationId).Select(c => c.Activity?.Text ?? "").ToList();
        Assert.Contains(toErin, t => t.Contains("has not been acknowledged yet", StringComparison.Ordinal));
        Assert.DoesNotContain(toErin, t => t.Contains("You are receiving this as the escalation contact", StringComparison.Ordinal));
        await SomeoneElseCanAsync(host, concern, People.Asha, expected: People.Erin);
    }

    [Fact]
    public async Task On_the_simple_path_someone_who_works_here_who_is_a_lead_is_kept_from_it()
    {
        await using var host = NewHost("top-level leads");
        var chat = Chat(host);
        await chat.SayAsync("raise a concern");
        await chat.SayAsync("no");
        await chat.PressAsync(I.RolePersonUsingService);
        foreach (var answer in new[] { "me", "Ben shouted at me in the lounge.", "today", "The lounge", "yes", "Unkind or scary words" })
        {
            await chat.SayAsync(answer);
        }

        Assert.True((await chat.SayAsync("yes")).Says(I.SimpleAboutLeadQuestion));
        Assert.True((await chat.PressAsync(People.Ben.Name)).Says(I.SimpleWantsQuestion));
        foreach (var answer in new[] { "I want to feel safe", "no one", "yes", "no" })
        {
            await chat.SayAsync(answer);
        }

        var review = await chat.PressAsync(I.SimpleKnownNamed);
        Assert.True(review.Says("Ben Designated will not see it"), review.Words);
        await chat.PressAsync(I.ReviewSubmit);
        var concern = Assert.Single(await host.Stores.Concerns.ListByStatusAsync(People.Tenant, ConcernStatus.Received).ToListAsync());

        Assert.Equal(SubjectKind.SafeguardingLead, concern.Subject.Kind);
        await EverythingHappensAsync(host, concern, People.Ben);
        Assert.Equal(0, Reached(host, People.Ben, concern.Reference));
        await TheyCannotOpenOrActAsync(host, concern, People.Ben);
    }

    [Fact]
    public async Task On_the_one_form_path_a_lead_written_in_the_form_is_kept_from_it()
    {
        await using var host = NewHost("top-level leads");
        var chat = Chat(host);
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaffForm);

        var review = await chat.PressAsync(I.FormCheck, new
        {
            f_danger = "No", f_urgent = "false", f_atrisk = "AdultAtRisk", f_atriskwho = "Mr Jones", f_happened = Walkthrough.Account,
            f_when = "yesterday", f_where = "The lounge", f_ongoing = "No", f_harm = "Physical", f_about = "SafeguardingLead", f_lead = "ben",
            f_knows = "Yes", f_asked = "NotAsked", f_reporterwants = "That he is safe", f_consent = "Yes", f_identity = "Named",
        });
        Assert.True(review.Says("Ben Designated will not see it"), review.Words);
        await chat.PressAsync(I.ReviewSubmit);
        var concern = Assert.Single(await host.Stores.Concerns.ListByStatusAsync(People.Tenant, ConcernStatus.Received).ToListAsync());

        await KeptFromThemAsync(host, concern, People.Ben);
    }

    [Fact]
    public async Task Information_the_reporter_adds_later_reaches_only_the_people_handling_it()
    {
        await using var host = NewHost("top-level leads");
        var chat = Chat(host);
        await Walkthrough.ToReviewAsync(chat, I.IdentityConfidential, about: c => AboutALeadAsync(c, () => c.PressAsync(People.Asha.Name)));
        var receipt = await chat.PressAsync(I.ReviewSubmit);
        var secret = System.Text.RegularExpressions.Regex.Match(receipt.Words, @"\b[A-Z0-9]{4}(-[A-Z0-9]{4}){3}\b").Value;
        Assert.NotEmpty(secret);
        var concern = Assert.Single(await host.Stores.Concerns.ListByStatusAsync(People.Tenant, ConcernStatus.Received).ToListAsync());
        await host.DeliverOutboxAsync();

        var added = await chat.SendValueAsync(new JsonObject
        {
            ["verb"] = ConcernBot.Anonymity.RelayVerbs.Status,
            ["reference"] = concern.Reference,
            ["secret"] = secret,
            ["addition"] = "She did it again this morning.",
        });
        Assert.True(added.Says(ConcernBot.Resources.Anonymity.AddSent), added.Words);
        await EverythingHappensAsync(host, concern, People.Asha);

        Assert.Equal(0, Reached(host, People.Asha, concern.Reference));
        Assert.DoesNotContain(host.Connector.Calls, c => (c.Activity?.Text ?? c.CardJson).Contains("again this morning", StringComparison.Ordinal) && (IsTo(c, People.Asha) || IsInAChannel(c)));
        var bens = (await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts.First(p => p.ConversationId == "a:personal-" + People.Ben.UserId);
        var view = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, People.Ben, bens, LeadsVerbs.View, concern.Id)));
        Assert.Contains("She did it again this morning.", view, StringComparison.Ordinal);
    }

    private static async Task AboutALeadAsync(TeamsChat chat, Func<Task<BotReplies>> which)
    {
        await chat.PressAsync(I.SubjectLead);
        await which();
    }

    /// <summary>The whole rule for one concern about <paramref name="lead"/>: matched, never reached, refused, and handled by others.</summary>
    private static async Task KeptFromThemAsync(TestHost host, Concern concern, Person lead)
    {
        Assert.Equal(lead.ObjectId, concern.Subject.LeadAadObjectId);
        await EverythingHappensAsync(host, concern, lead);
        Assert.Equal(0, Reached(host, lead, concern.Reference));
        await TheyCannotOpenOrActAsync(host, concern, lead);
        await SomeoneElseCanAsync(host, concern, lead);
        var toReporter = string.Join("\n", host.Connector.Calls.Where(c => c.ConversationId == ReporterChat).Select(c => c.Activity?.Text));
        Assert.Contains("has reached the people your organisation has chosen to handle a concern about a safeguarding lead", toReporter, StringComparison.Ordinal);
    }

    private const string ReporterChat = "a:rosa-chat";

    private static TestHost NewHost(string shape)
    {
        var host = TestHost.Leads(new() { Preset = Shape(shape) });
        var roster = new List<ConcernBot.Channels.Teams.Connector.TeamsMember> { People.Asha.AsMember(), People.Ben.AsMember(), People.Dee.AsMember(), People.Nick.AsMember() };
        host.Connector.Members[People.LeadsChannel] = roster;
        host.Connector.Members[OakChannel] = roster;
        return host;
    }

    private static TeamsChat Chat(TestHost host) =>
        host.Chat(new TeamsUser("29:rosa", "Rosa Ellery", "00000000-0000-0000-0000-0000000005a0", People.Tenant, ReporterChat));

    private static async Task<Concern> RaiseAsync(TestHost host, Func<TeamsChat, Task> about, Action<BotReplies>? review = null)
    {
        var chat = Chat(host);
        await Walkthrough.ToReviewAsync(chat, I.IdentityNamed, about: about);
        Assert.True(chat.Last.Says(I.ReviewWhoSeesIt), chat.Last.Words);
        review?.Invoke(chat.Last);
        await chat.PressAsync(I.ReviewSubmit);
        return Assert.Single(await host.Stores.Concerns.ListByStatusAsync(People.Tenant, ConcernStatus.Received).ToListAsync());
    }

    /// <summary>Routing, every deadline passing (reminder, deputies, escalation contact), and the lead's own commands.</summary>
    private static async Task EverythingHappensAsync(TestHost host, Concern concern, Person lead)
    {
        await host.DeliverOutboxAsync();
        var scanner = host.Get<EscalationScanner>();
        for (var step = 0; step < 4; step++)
        {
            host.Clock.Advance(TimeSpan.FromHours(6));
            await scanner.ScanAsync(host.Clock.GetUtcNow(), CancellationToken.None);
            await host.DeliverOutboxAsync();
        }

        var fired = (await SampleConcerns.CurrentAsync(host, concern)).Leads.EscalationsFired;
        Assert.Contains(EscalationStep.AckReminder, fired);
        Assert.Contains(EscalationStep.AckContact, fired);

        foreach (var channel in new[] { People.LeadsChannel, OakChannel })
        {
            await host.TurnAsync(TestActivity.ChannelMessage(lead, "open concerns", channel));
            await host.TurnAsync(TestActivity.ChannelMessage(lead, "report 2026-10-01 2026-12-31", channel));
            await host.TurnAsync(TestActivity.ChannelMessage(lead, "export 2026-10-01 2026-12-31 with accounts", channel));
        }
    }

    private static async Task TheyCannotOpenOrActAsync(TestHost host, Concern concern, Person lead)
    {
        var posts = (await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts;
        Assert.NotEmpty(posts);
        var before = (await host.Stores.ReadAsync(concern.Id)).Count(e => e.Action == LeadsAudit.Refused);
        foreach (var post in posts)
        {
            var view = await LeadsFlow.ActAsync(host, lead, post, LeadsVerbs.View, concern.Id);
            Assert.DoesNotContain("Mr Jones", view.GetRawText(), StringComparison.Ordinal);
            Assert.DoesNotContain("Ben shouted", view.GetRawText(), StringComparison.Ordinal);
            var act = LeadsFlow.MessageOf(await LeadsFlow.ActAsync(host, lead, post, LeadsVerbs.Acknowledge, concern.Id));
            Assert.Contains("only the safeguarding leads handling this concern", act, StringComparison.Ordinal);
        }

        var stored = await SampleConcerns.CurrentAsync(host, concern);
        Assert.Null(stored.AcknowledgedAt);
        Assert.Equal(before + (2 * posts.Count), (await host.Stores.ReadAsync(concern.Id)).Count(e => e.Action == LeadsAudit.Refused));
    }

    private static async Task SomeoneElseCanAsync(TestHost host, Concern concern, Person lead, Person? expected = null)
    {
        var posts = (await SampleConcerns.CurrentAsync(host, concern)).Leads.Posts;
        bool Theirs(LeadsCardPost post, Person p) => post.ConversationId == "a:personal-" + p.UserId || post.ConversationId == "a:personal-" + p.ObjectId;
        var other = expected ?? Everyone.First(p => p.ObjectId != lead.ObjectId && posts.Any(post => Theirs(post, p)));
        var theirs = posts.First(p => Theirs(p, other));
        var view = LeadsFlow.Readable(LeadsFlow.CardOf(await LeadsFlow.ActAsync(host, other, theirs, LeadsVerbs.View, concern.Id)));
        Assert.Contains(concern.Account.WhatHappened, view, StringComparison.Ordinal);
        Assert.Contains(LeadsAudit.DetailViewed, (await host.Stores.ReadAsync(concern.Id)).Select(e => e.Action));
    }

    /// <summary>Every message that reached the lead naming the concern: a 1:1 to them, or anything in a channel they are in.</summary>
    private static int Reached(TestHost host, Person lead, string reference) =>
        host.Connector.Calls.Count(c => Names(c, reference) && (IsTo(c, lead) || IsInAChannel(c)));

    private static bool IsTo(ConnectorCall call, Person person) =>
        call.ConversationId is { } id && (id == "a:personal-" + person.UserId || id == "a:personal-" + person.ObjectId);

    private static bool IsInAChannel(ConnectorCall call) =>
        call.Parameters?.IsGroup == true || call.ConversationId?.StartsWith("19:", StringComparison.Ordinal) == true;

    private static bool Names(ConnectorCall call, string reference)
    {
        var activity = call.Activity ?? call.Parameters?.Activity;
        if (activity is null)
        {
            return false;
        }

        var text = new StringBuilder(activity.Text);
        foreach (var attachment in activity.Attachments ?? [])
        {
            text.Append(attachment.Content?.GetRawText());
            if (attachment.ContentUrl is { } url && url.IndexOf("base64,", StringComparison.Ordinal) is var at and > 0)
            {
                text.Append(Encoding.UTF8.GetString(Convert.FromBase64String(url[(at + 7)..])));
            }
        }

        return text.ToString().Contains(reference, StringComparison.Ordinal);
    }
}
