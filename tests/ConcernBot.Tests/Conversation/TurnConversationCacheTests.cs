using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using ConcernBot.Storage;
using ConcernBot.Testing;
using I = ConcernBot.Resources.Intake;

namespace ConcernBot.Tests.Conversation;

/// <summary>The storage meter is one per process: these tests count it, so nothing else may run beside them.</summary>
[CollectionDefinition(nameof(StorageMeterCounting), DisableParallelization = true)]
public sealed class StorageMeterCounting;

/// <summary>
/// An ordinary turn costs the store one read and one write, whichever features look at the conversation on the way
/// (the relay, the leads' questions, next steps, the intake): the product's own composition, on the real SQLite store.
/// </summary>
[Collection(nameof(StorageMeterCounting))]
public sealed class TurnConversationCacheTests : IDisposable
{
    private readonly IntakeData _data = new();

    [Fact]
    public async Task A_typed_answer_and_a_pressed_button_mid_concern_each_read_the_conversation_once_and_write_it_once()
    {
        using var host = TestHost.Intake(_data, countConversations: false);
        var chat = host.Chat();
        await chat.SayAsync("raise a concern");
        await chat.PressAsync(I.DangerNo);
        await chat.PressAsync(I.RoleStaff);
        await chat.PressAsync(I.AtRiskAdult);
        await chat.PressAsync(I.ButtonContinue, new { answer = "Mr Jones, room 12" });
        await chat.PressAsync(I.ButtonContinue, new { happened = Walkthrough.Account });
        await chat.SayAsync("yesterday");

        var typed = await CountAsync(() => chat.SayAsync("The lounge on the first floor"));
        var pressed = await CountAsync(() => chat.PressAsync(I.ChoiceNo));

        Assert.True(chat.Last.Says(I.HarmQuestion), "the typed answer and the press moved the conversation on");
        foreach (var turn in new[] { typed, pressed })
        {
            Assert.Equal(1, turn.GetValueOrDefault("conversations.read"));
            Assert.Equal(1, turn.GetValueOrDefault("conversations.write"));
            Assert.Equal(0, turn.GetValueOrDefault("settings.read"));
        }
    }

    public void Dispose() => _data.Dispose();

    private static async Task<IReadOnlyDictionary<string, long>> CountAsync(Func<Task> turn)
    {
        var counts = new ConcurrentDictionary<string, long>(StringComparer.Ordinal);
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == StorageMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == StorageMetrics.OperationTag && tag.Value is string operation)
                {
                    counts.AddOrUpdate(operation, value, (_, total) => total + value);
                }
            }
        });
        listener.Start();
        await turn();
        return counts;
    }
}
