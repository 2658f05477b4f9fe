using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace Backups.Service.Tests.Support;

/// <summary>Keeps every log event the service writes, for assertions on what was logged.</summary>
public sealed class CapturingSink : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> _events = new();

    public IReadOnlyList<LogEvent> Events => [.. _events];

    public void Emit(LogEvent logEvent) => _events.Enqueue(logEvent);

    public IReadOnlyList<LogEvent> At(LogEventLevel level, string templateContains) =>
        [.. _events.Where(e => e.Level == level && e.MessageTemplate.Text.Contains(templateContains, StringComparison.Ordinal))];

    public IReadOnlyList<string> Rendered() => [.. _events.Select(e => e.RenderMessage(System.Globalization.CultureInfo.InvariantCulture))];
}
