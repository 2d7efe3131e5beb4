using ConcernBot.Storage;
using ConcernBot.Storage.Outbox;
using ConcernBot.Testing;
using ConcernBot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConcernBot.Tests.Storage;

/// <summary>What a change writes to the outbox leaves at once, not at the next poll (the leads see a concern in moments).</summary>
public sealed class OutboxWakeTests
{
    private static readonly TimeSpan LongPoll = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task A_concern_change_with_outbox_messages_is_delivered_without_waiting_for_the_next_poll()
    {
        var handler = new CapturingHandler();
        await using var host = StartHost(handler);
        var concerns = host.Services.GetRequiredService<IConcernStore>();
        await WaitUntilDispatcherSleepsAsync();

        var concern = SampleConcerns.Create();
        await concerns.CreateAsync(concern, Entry(), [Message("wake-1")]);

        var delivered = await handler.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("wake-1", delivered.Id);
    }

    [Fact]
    public async Task Messages_enqueued_on_their_own_are_delivered_without_waiting_for_the_next_poll()
    {
        var handler = new CapturingHandler();
        await using var host = StartHost(handler);
        await WaitUntilDispatcherSleepsAsync();

        await host.Services.GetRequiredService<IOutbox>().EnqueueAsync([Message("wake-2")]);

        var delivered = await handler.Delivered.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("wake-2", delivered.Id);
    }

    private static TestHost StartHost(CapturingHandler handler) => TestHost.With(new()
    {
        Settings = new Dictionary<string, string?> { ["Storage:Outbox:PollInterval"] = LongPoll.ToString() },
        ExtraServices = s => s.AddSingleton<IOutboxHandler>(handler),
    });

    // The dispatcher looks once at start, then sleeps for the long poll; give it that first look.
    private static Task WaitUntilDispatcherSleepsAsync() => Task.Delay(TimeSpan.FromMilliseconds(500));

    private static AuditEntry Entry() => new() { Actor = "Test", At = DateTimeOffset.UtcNow, Action = "test" };

    private static OutboxMessage Message(string id) => new()
    {
        Id = id,
        Kind = CapturingHandler.TestKind,
        Payload = "{}",
        CreatedAt = DateTimeOffset.UtcNow,
    };

    private sealed class CapturingHandler : IOutboxHandler
    {
        public const string TestKind = "test.wake";

        public TaskCompletionSource<OutboxMessage> Delivered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Kind => TestKind;

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            Delivered.TrySetResult(message);
            return Task.CompletedTask;
        }
    }
}
