using System.Buffers;
using System.Net.Http.Headers;
using System.Net;
using System.Text.Json.Serialization.Metadata;
using System.Text.Json;

namespace ConcernBot.Channels.Teams.Connector;

/// <summary>
/// A JSON request body serialised once, by the source-generated context, into a pooled buffer: every attempt of a retried
/// call sends the very same bytes with a Content-Length, and no byte[] copy or string is made. The buffer goes back to the
/// pool only when the request is disposed and no send is still reading it (a send that starts after disposal fails).
/// </summary>
internal sealed class JsonRequestContent : HttpContent
{
    private static readonly MediaTypeHeaderValue JsonMediaType = new("application/json") { CharSet = "utf-8" };

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    private byte[]? _buffer;
    private readonly int _length;
    private int _readers;
    private int _disposed;

    private JsonRequestContent(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
        Headers.ContentType = JsonMediaType;
    }

    public static JsonRequestContent Create<T>(T value, JsonTypeInfo<T> type)
    {
        var output = new PooledBuffer();
        try
        {
            var writer = t_writer;
            if (writer is null)
            {
                // The serializer's own writer settings: the options' encoder, not indented, no redundant validation.
                var options = type.Options;
                writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = options.Encoder, Indented = options.WriteIndented, SkipValidation = true });
            }
            else
            {
                t_writer = null;
                writer.Reset(output);
            }

            JsonSerializer.Serialize(writer, value, type);
            writer.Flush();
            writer.Reset();
            t_writer = writer;
            return new JsonRequestContent(output.Detach(out var length), length);
        }
        finally
        {
            output.Dispose();
        }
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = Enter();
        try
        {
            await stream.WriteAsync(buffer.AsMemory(0, _length), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Leave();
        }
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var buffer = Enter();
        try
        {
            stream.Write(buffer, 0, _length);
        }
        finally
        {
            Leave();
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = _length;
        return true;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0 && Volatile.Read(ref _readers) == 0)
        {
            Release();
        }

        base.Dispose(disposing);
    }

    private byte[] Enter()
    {
        // Increment first, then look at _disposed: Dispose does the opposite, so one of the two always sees the other.
        Interlocked.Increment(ref _readers);
        if (Volatile.Read(ref _disposed) == 0 && Volatile.Read(ref _buffer) is { } buffer)
        {
            return buffer;
        }

        Leave();
        throw new ObjectDisposedException(nameof(JsonRequestContent));
    }

    private void Leave()
    {
        if (Interlocked.Decrement(ref _readers) == 0 && Volatile.Read(ref _disposed) == 1)
        {
            Release();
        }
    }

    private void Release()
    {
        if (Interlocked.Exchange(ref _buffer, null) is { } buffer)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool.</summary>
    private sealed class PooledBuffer : IBufferWriter<byte>, IDisposable
    {
        private byte[]? _array = ArrayPool<byte>.Shared.Rent(4096);
        private int _written;

        public void Advance(int count) => _written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => Ensure(sizeHint).AsMemory(_written);

        public Span<byte> GetSpan(int sizeHint = 0) => Ensure(sizeHint).AsSpan(_written);

        public byte[] Detach(out int length)
        {
            var array = _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));
            length = _written;
            _array = null;
            return array;
        }

        public void Dispose()
        {
            if (_array is { } array)
            {
                _array = null;
                ArrayPool<byte>.Shared.Return(array);
            }
        }

        private byte[] Ensure(int sizeHint)
        {
            var array = _array ?? throw new ObjectDisposedException(nameof(PooledBuffer));
            var needed = _written + Math.Max(sizeHint, 1);
            if (needed <= array.Length)
            {
                return array;
            }

            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, array.Length * 2));
            array.AsSpan(0, _written).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(array);
            _array = larger;
            return larger;
        }
    }
}
