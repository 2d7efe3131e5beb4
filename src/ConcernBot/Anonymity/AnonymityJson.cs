using System.Text.Json.Serialization;

namespace ConcernBot.Anonymity;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, PropertyNameCaseInsensitive = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SealedRoute))]
[JsonSerializable(typeof(SecretHash))]
[JsonSerializable(typeof(AttemptWindow))]
[JsonSerializable(typeof(ChatLinksDocument))]
[JsonSerializable(typeof(ReporterQuestionMessage))]
[JsonSerializable(typeof(ReporterNotifyMessage))]
[JsonSerializable(typeof(ReporterAnswerMessage))]
[JsonSerializable(typeof(ContactEndedMessage))]
internal sealed partial class AnonymityJson : JsonSerializerContext;
