using ConcernBot.Concerns;
using Microsoft.Extensions.Options;
using Words = ConcernBot.Resources.Leads;

namespace ConcernBot.Leads;

/// <summary>
/// What the reporter reads at each stage (received, acknowledged, a question, closed, overdue). Whoever delivers
/// "reporter.notify" and "reporter.question" (the named reporter's chat, or the anonymity relay) takes the words from here.
/// Never a lead's name: "the safeguarding lead".
/// </summary>
public sealed class ReporterMessages(LeadsDirectory directory, LeadsClocks clocks, IOptions<LeadsOptions> options)
{
    public string Notification(Concern concern, ReporterNotifyPayload payload)
    {
        ArgumentNullException.ThrowIfNull(concern);
        ArgumentNullException.ThrowIfNull(payload);
        return payload.Kind switch
        {
            ReporterNotifyKinds.Received => LeadsText.Format(Words.ReporterReceived, concern.Reference, Receivers(concern)),
            ReporterNotifyKinds.Acknowledged => LeadsText.Format(Words.ReporterAcknowledged, concern.Reference),
            ReporterNotifyKinds.Closed => LeadsText.Format(Words.ReporterClosed, concern.Reference)
                + (payload.Message is { Length: > 0 } said ? "\n\n" + LeadsText.Format(Words.StatusForReporterClosedMessage, said) : "")
                + "\n\n" + Words.ReporterClosedUnhappy,
            ReporterNotifyKinds.Overdue => LeadsText.Format(Words.ReporterOverdue, concern.Reference, clocks.Show(clocks.AcknowledgementDue(concern))) + "\n\n" + NextSteps(concern.ServiceId),
            ReporterNotifyKinds.Question => LeadsText.Format(Words.ReporterQuestionArrived, concern.Reference),
            _ => LeadsText.Format(Words.ReporterAcknowledged, concern.Reference),
        };
    }

    public string Question(Concern concern, ReporterQuestionPayload payload)
    {
        ArgumentNullException.ThrowIfNull(concern);
        ArgumentNullException.ThrowIfNull(payload);
        return LeadsText.Format(Words.ReporterQuestion, concern.Reference, payload.Question);
    }

    /// <summary>What a reporter can do when nothing happens or they are unhappy: the escalation contact, then routes outside.</summary>
    public string NextSteps(string? serviceId = null)
    {
        var lines = new List<string> { Words.NextStepsIntro };
        if (directory.ForService(serviceId).EscalationContact is { Name.Length: > 0 } contact)
        {
            lines.Add(LeadsText.Format(Words.NextStepsContact, contact.Name));
        }

        foreach (var route in options.Value.OutsideRoutes)
        {
            var how = string.Join(" · ", new[] { route.Phone, route.Url?.ToString() }.OfType<string>());
            lines.Add(LeadsText.Format(Words.NextStepsRoute, route.Name, route.Description ?? "", how).Replace(" ()", "", StringComparison.Ordinal).Replace(":  ", ": ", StringComparison.Ordinal));
        }

        lines.Add(Words.NextStepsEmergency);
        return string.Join("\n\n", lines);
    }

    private string Receivers(Concern concern) =>
        LeadsDirectory.IsAboutALead(concern) ? Words.TheReceiversOfAConcernAboutALead
        : directory.ForService(concern.ServiceId).Name is { Length: > 0 } service ? LeadsText.Format(Words.TheLeadsForService, service) : Words.TheSafeguardingLeads;
}
