using ConcernBot.Concerns;
using ConcernBot.Storage;

namespace ConcernBot.Leads;

/// <summary>
/// Finds concerns whose next deadline has passed and fires the due step: a reminder in the thread, a 1:1 to the deputies,
/// then to the escalation contact; LADO and feedback reminders later. The step is recorded on the concern with an
/// ETag-guarded update that writes its outbox message in the same step, so each step fires once, however many instances scan.
/// </summary>
public sealed partial class EscalationScanner(
    IConcernStore store,
    LeadsClocks clocks,
    LeadsOrganisations organisations,
    ILogger<EscalationScanner> logger)
{
    /// <summary>One pass over every watched organisation; returns how many steps this instance fired.</summary>
    public async Task<int> ScanAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var fired = 0;
        foreach (var organisationId in await organisations.ListAsync(cancellationToken))
        {
            var due = new List<string>();
            await foreach (var concern in store.ListByDeadlineAsync(organisationId, now, cancellationToken))
            {
                due.Add(concern.Id);
            }

            foreach (var concernId in due)
            {
                if (await FireAsync(concernId, now, cancellationToken))
                {
                    fired++;
                }
            }
        }

        return fired;
    }

    private async Task<bool> FireAsync(string concernId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var read = await store.GetAsync(concernId, cancellationToken);
        if (read is null || clocks.DueStep(read.Value, now) is not { } step)
        {
            return false;
        }

        var concern = read.Value;
        var updated = concern with { Leads = concern.Leads with { EscalationsFired = [.. concern.Leads.EscalationsFired, step.Name] } };
        updated = updated with { NextDeadline = clocks.NextDeadline(updated) };

        var outbox = new List<OutboxMessage>
        {
            LeadsOutbox.Create(
                IsOneToOne(step.Name) ? LeadsOutbox.Escalation : LeadsOutbox.Reminder,
                concern.Id,
                new StagePayload(concern.Id, step.Name),
                now,
                $"{concern.Id}:{step.Name}"),
        };
        if (step.Name == EscalationStep.AckReminder)
        {
            // Nothing has happened by the deadline: the reporter is offered the next step (the escalation contact, outside routes).
            outbox.Add(LeadsOutbox.Create(LeadsOutbox.ReporterNotify, concern.Id, new ReporterNotifyPayload(concern.Id, ReporterNotifyKinds.Overdue), now, $"{concern.Id}:notify:overdue"));
        }

        var entry = new AuditEntry { Actor = LeadsAudit.System, At = now, Action = LeadsAudit.Escalated + "." + step.Name, Detail = "due=" + step.At.ToString("O", System.Globalization.CultureInfo.InvariantCulture) };
        try
        {
            await store.UpdateAsync(updated, read.ETag, entry, outbox, cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another instance fired it, or a lead acted meanwhile: the next pass looks again with fresh eyes.
            return false;
        }

        LogFired(logger, step.Name);
        Telemetry.OperatorMetrics.EscalationsFired.Add(1, new KeyValuePair<string, object?>("concernbot.escalation.step", step.Name));
        return true;
    }

    /// <summary>The deputies' and the contact's steps go by 1:1 chat; reminders go into the leads' thread.</summary>
    private static bool IsOneToOne(string step) =>
        step is EscalationStep.AckDeputies or EscalationStep.AckContact
        || (ReferralSteps.TryRead(step, out _, out var stage) && stage is ReferralStage.Deputies or ReferralStage.Contact);

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalation step {Step} fired")]
    private static partial void LogFired(ILogger logger, string step);
}
