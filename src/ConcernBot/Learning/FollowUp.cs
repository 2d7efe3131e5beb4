using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ConcernBot.Concerns;
using ConcernBot.Storage;

namespace ConcernBot.Learning;

/// <summary>
/// After a concern is closed, the reporter is asked once (and, where the lead thinks it right, the person at risk through
/// them) whether the outcomes they wanted were achieved and whether they felt listened to.
/// </summary>
public static class FollowUp
{
    public const string Kind = "reporter.followup";
    public const string Verb = "learning.followup";
    public const string AnsweredAction = "learning.feedback.recorded";
    public const int MaxCommentLength = 1000;

    public static class Inputs
    {
        public const string Outcome = "followupOutcome";
        public const string Listened = "followupListened";
        public const string Comment = "followupComment";

        /// <summary>On the lead's "Close with outcome" form.</summary>
        public const string AskPersonAtRisk = "followupPersonAtRisk";
    }

    /// <summary>
    /// Marks the question asked on a concern being closed and returns the outbox message that delivers it; none when it was
    /// asked before or the reporter cannot be reached (an anonymous reporter who ended contact).
    /// </summary>
    public static (Concern Concern, OutboxMessage? Message) Ask(Concern closing, bool askPersonAtRisk, DateTimeOffset now)
    {
        if (closing.ReporterFeedback?.AskedAt is not null
            || (closing.Reporter.Choice != IdentityChoice.Named && closing.Reporter.ReplyRouteToken is null && closing.Reporter.ProtectedIdentity is null))
        {
            return (closing, null);
        }

        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)).Replace('+', '-').Replace('/', '_');
        var updated = closing with
        {
            ReporterFeedback = new ReporterFeedback { AskedAt = now, IncludesPersonAtRisk = askPersonAtRisk, AnswerTokenHash = Hash(token) },
        };
        var message = new OutboxMessage
        {
            Id = closing.Id + ":followup",
            Kind = Kind,
            ConcernId = closing.Id,
            Payload = new JsonObject { ["concernId"] = closing.Id, ["token"] = token }.ToJsonString(),
            CreatedAt = now,
            NotBefore = now,
        };
        return (updated, message);
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool Matches(ReporterFeedback? feedback, string? token) =>
        feedback?.AnswerTokenHash is { } expected && token is not null
        && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(expected), Encoding.ASCII.GetBytes(Hash(token)));
}
