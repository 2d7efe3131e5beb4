using ConcernBot.Channels.Activities;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace ConcernBot.Channels.DirectLine;

/// <summary>
/// Direct Line 3.0's upload (<c>POST /conversations/{id}/upload</c>, multipart/form-data), as Web Chat's upload button
/// sends it: one part per file, and an optional part of type <c>application/vnd.microsoft.activity</c> with the message.
/// Parts are read into memory by hand: the framework's form reader would spill larger files to a temporary file on disk.
/// </summary>
public static partial class DirectLineEndpoints
{
    public const string ActivityPartType = "application/vnd.microsoft.activity";

    /// <summary>
    /// One upload request at most: a concern holds 50 MB of files in all, so a request never needs more (with room for
    /// the multipart framing); a public page must not let a stranger make the host hold more than that per request.
    /// </summary>
    public const long MaxUploadBytes = 51L * 1024 * 1024;

    private const int MaxFiles = 20;

    private static async Task<IResult> UploadAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, DirectLineConversations conversations, DirectLineAdapter adapter, DirectLineUploads uploads,
        IServiceProvider services, ILoggerFactory loggers)
    {
        if (Grant(http, tokens) is not { } grant || grant.ConversationId != conversationId)
        {
            return Forbidden();
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxUploadBytes;
        }

        if (http.Request.ContentLength > MaxUploadBytes)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "TooLarge", "Those files are too big to send.");
        }

        var boundary = MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            ? HeaderUtilities.RemoveQuotes(type.Boundary).Value : null;
        if (string.IsNullOrEmpty(boundary))
        {
            return Error(StatusCodes.Status400BadRequest, "BadArgument", "An upload is multipart/form-data.");
        }

        Activity? activity = null;
        var files = new List<(string? Name, string? ContentType, byte[] Bytes)>();
        try
        {
            var reader = new MultipartReader(boundary, http.Request.Body) { BodyLengthLimit = MaxUploadBytes };
            while (await reader.ReadNextSectionAsync(http.RequestAborted) is { } section)
            {
                using var memory = new MemoryStream();
                await section.Body.CopyToAsync(memory, http.RequestAborted);
                var disposition = ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var d) ? d : null;
                var partType = section.ContentType?.Split(';')[0].Trim();
                if (string.Equals(partType, ActivityPartType, StringComparison.OrdinalIgnoreCase) || disposition?.Name.Value == "activity")
                {
                    activity = memory.Length <= MaxActivityBytes ? ActivityJson.TryParse(memory.ToArray()) : null;
                    if (activity is null)
                    {
                        return Error(StatusCodes.Status400BadRequest, "BadArgument", "That is not an activity.");
                    }
                }
                else if (files.Count < MaxFiles)
                {
                    var name = HeaderUtilities.RemoveQuotes(disposition?.FileNameStar.HasValue == true ? disposition.FileNameStar : disposition?.FileName ?? default).Value;
                    files.Add((name, partType, memory.ToArray()));
                }
                else
                {
                    return Error(StatusCodes.Status400BadRequest, "BadArgument", "Too many files in one upload.");
                }
            }
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
        {
            return Error(StatusCodes.Status413PayloadTooLarge, "TooLarge", "Those files are too big to send.");
        }

        activity ??= new Activity { Type = ActivityTypes.Message };
        activity.Type = ActivityTypes.Message;
        // The page's echo names the files; the bytes are never served back.
        activity.Attachments = [.. files.Select(f => new Attachment { Name = f.Name, ContentType = f.ContentType })];
        var held = new List<string>();
        foreach (var file in files)
        {
            if (!uploads.TryHold(conversationId, file.Bytes, out var id))
            {
                return Error(StatusCodes.Status503ServiceUnavailable, "Busy", "Too many files are being sent; try again in a minute.");
            }

            held.Add(id);
        }

        return await RunAsync(http, grant, activity, conversations, adapter, services, loggers, turn =>
        {
            for (var i = 0; i < held.Count && i < (turn.Attachments?.Count ?? 0); i++)
            {
                turn.Attachments![i].ContentUrl = DirectLineUploads.ContentUrlPrefix + held[i];
            }
        });
    }
}
