using System.Reflection;
using ConcernBot.Anonymity.Logging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ConcernBot.Tests.Anonymity;

/// <summary>
/// Every [LoggerMessage] line in the product, written through the redacting logger, says what the framework itself would
/// have said: each hole holds its own value (with its format and alignment), except a value the redaction replaced, which
/// reads "[redacted]" there and nowhere else.
/// </summary>
public sealed class LoggerMessageRenderingTests
{
    public static TheoryData<string, bool> Methods()
    {
        var data = new TheoryData<string, bool>();
        foreach (var method in LoggerMessageSamples.All())
        {
            data.Add(LoggerMessageSamples.NameOf(method), false);
            data.Add(LoggerMessageSamples.NameOf(method), true);
        }

        return data;
    }

    [Fact]
    public void The_scan_finds_the_log_lines_of_every_product_assembly()
    {
        var assemblies = LoggerMessageSamples.All().Select(m => m.DeclaringType!.Assembly.GetName().Name).Distinct().ToList();

        Assert.Contains("ConcernBot", assemblies);
        Assert.Contains("ConcernBot.Channels.Teams", assemblies);
        Assert.Contains("ConcernBot.Channels.DirectLine", assemblies);
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void A_log_line_reads_as_the_framework_writes_it_with_only_redacted_values_replaced(string name, bool sensitive) =>
        AssertReadsAsTheFrameworkWritesIt(LoggerMessageSamples.All().Single(m => LoggerMessageSamples.NameOf(m) == name), sensitive);

    [Theory]
    [InlineData(nameof(OddTemplates.Formatted), false)]
    [InlineData(nameof(OddTemplates.Formatted), true)]
    [InlineData(nameof(OddTemplates.Repeated), false)]
    [InlineData(nameof(OddTemplates.Repeated), true)]
    [InlineData(nameof(OddTemplates.Braces), false)]
    public void Formats_alignments_repeated_names_and_braces_read_as_the_framework_writes_them(string name, bool sensitive) =>
        AssertReadsAsTheFrameworkWritesIt(typeof(OddTemplates).GetMethod(name, BindingFlags.NonPublic | BindingFlags.Static)!, sensitive);

    private static void AssertReadsAsTheFrameworkWritesIt(MethodInfo method, bool sensitive)
    {
        var name = LoggerMessageSamples.NameOf(method);
        Assert.True(method.IsStatic, $"{name} is not static: give the test a way to make its instance");

        var plain = new LastLine();
        var arguments = LoggerMessageSamples.Arguments(method, plain, sensitive);
        method.Invoke(null, arguments);
        var template = method.GetCustomAttribute<LoggerMessageAttribute>()!.Message;
        Assert.Equal(template, plain.Value(LogRedactor.OriginalFormat));

        var redacting = new LastLine();
        using (var factory = RedactingFactory(redacting))
        {
            method.Invoke(null, LoggerMessageSamples.Arguments(method, factory.CreateLogger(method.DeclaringType!.FullName!), sensitive));
        }

        var holes = Template.Parse(template);
        var argumentOf = (Template.Part hole) => arguments[ParameterIndex(method, hole.Name)];

        // The test's own reading of the template must agree with the framework before it can judge the redacting logger.
        Assert.Equal(plain.Message, Template.Render(holes, h => LoggerMessageSamples.FormatHole(argumentOf(h), h.Spec)));

        var expected = Template.Render(holes, h => Equals(redacting.Value(h.Name), LogRedactor.Redacted)
            ? LoggerMessageSamples.FormatHole(LogRedactor.Redacted, h.Spec)
            : LoggerMessageSamples.FormatHole(argumentOf(h), h.Spec));
        Assert.Equal(expected, redacting.Message);

        if (sensitive)
        {
            foreach (var hole in holes.Where(h => h.IsHole && argumentOf(h) is string))
            {
                Assert.Equal(LogRedactor.Redacted, redacting.Value(hole.Name));
            }

            Assert.DoesNotContain("5e1ec7ed", redacting.Message, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static int ParameterIndex(MethodInfo method, string hole)
    {
        var parameter = method.GetParameters().SingleOrDefault(p => string.Equals(p.Name, hole.TrimStart('@'), StringComparison.OrdinalIgnoreCase));
        Assert.True(parameter is not null, $"{method.Name}: no parameter for the hole {{{hole}}}");
        return parameter.Position;
    }

    private static OwnedFactory RedactingFactory(LastLine capture)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Trace));
        services.AddSingleton<ILoggerProvider>(new Provider(capture));
        services.AddLogRedaction();
        return new OwnedFactory(services.BuildServiceProvider());
    }

    /// <summary>The last line a logger was given: its message as its own formatter writes it, and its values.</summary>
    private sealed class LastLine : ILogger
    {
        private KeyValuePair<string, object?>[] _values = [];

        public string? Message { get; private set; }

        public object? Value(string name) => _values.FirstOrDefault(v => v.Key == name).Value;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // The generated state may be reused once the call returns: read it now.
            _values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? [.. pairs] : [];
            Message = formatter(state, exception);
        }
    }

    private sealed class Provider(LastLine line) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => line;

        public void Dispose()
        {
        }
    }

    private sealed class OwnedFactory(ServiceProvider services) : ILoggerFactory
    {
        private readonly ILoggerFactory _inner = services.GetRequiredService<ILoggerFactory>();

        public ILogger CreateLogger(string categoryName) => _inner.CreateLogger(categoryName);

        public void AddProvider(ILoggerProvider provider) => _inner.AddProvider(provider);

        public void Dispose() => services.Dispose();
    }
}
