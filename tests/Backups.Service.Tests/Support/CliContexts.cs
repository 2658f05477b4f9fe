using Backups.Cli.Infrastructure;
using Backups.Service.Hosting;

namespace Backups.Service.Tests.Support;

/// <summary>Contexts for running the <c>backups</c> command tree in this process, with captured output.</summary>
internal static class CliContexts
{
    public static (CliContext Context, StringWriter Out, StringWriter Error) Create(TempDirectory home, params (string Name, string Value)[] environment)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var variables = new Dictionary<string, string?> { ["HOME"] = home.Path };
        foreach (var (name, value) in environment)
        {
            variables[name] = value;
        }
        return (new CliContext(output, error, TextReader.Null, new ServiceClock(TimeProvider.System), variables, IsTerminal: false), output, error);
    }
}
