using Backups.Service.Settings;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Backups.Service.Hosting;

/// <summary>
/// The service's Serilog logger: human-readable lines on the console and, with a log directory, one compact-JSON
/// file per day. Events carry properties (policy, job, snapshot id), never row data, and connection strings only
/// redacted.
/// </summary>
internal static class LoggingSetup
{
    public static Logger Create(LogSettings settings, ILogEventSink? extraSink)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(settings.Level)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Quartz", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .Enrich.WithProperty("Service", "backups");
        if (settings.Console)
        {
            configuration = configuration.WriteTo.Console(
                outputTemplate: "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }
        if (settings.Directory is { } directory)
        {
            configuration = configuration.WriteTo.File(
                new CompactJsonFormatter(),
                Path.Combine(directory, "backups-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: settings.RetainedFiles);
        }
        if (extraSink is not null)
        {
            configuration = configuration.WriteTo.Sink(extraSink);
        }
        return configuration.CreateLogger();
    }
}
