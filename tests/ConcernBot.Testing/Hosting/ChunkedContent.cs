using System.Net.Http.Headers;

namespace ConcernBot.Testing;

/// <summary>A request body sent without Content-Length (chunked), so the host must count bytes as they arrive.</summary>
public sealed class ChunkedContent(byte[] body) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context) => stream.WriteAsync(body).AsTask();

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    public static ChunkedContent Json(byte[] body)
    {
        var content = new ChunkedContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
