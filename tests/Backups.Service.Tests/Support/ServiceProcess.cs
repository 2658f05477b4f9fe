using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Backups.Service.Tests.Support;

/// <summary>
/// <c>backups run</c> as a child process (<c>dotnet exec backups.dll</c>, built beside the tests), so that a test can kill
/// it the way a crashed machine stops: no shutdown code runs, no check-in says goodbye.
/// </summary>
internal sealed class ServiceProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(Process process) => _process = process;

    public static ServiceProcess Start(string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        var program = Path.Combine(AppContext.BaseDirectory, "backups.dll");
        File.Exists(program).ShouldBeTrue($"{program} is built beside the tests");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add("exec");
        if (!File.Exists(Path.ChangeExtension(program, ".runtimeconfig.json")))
        {
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, typeof(ServiceProcess).Assembly.GetName().Name + ".runtimeconfig.json"));
        }
        start.ArgumentList.Add(program);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }
        var process = new Process { StartInfo = start };
        var child = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>SIGKILL: the process ends at once, holding whatever it held.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>The events of the compact-JSON log files in <paramref name="directory"/>, in order.</summary>
    public static IReadOnlyList<JsonElement> LogEvents(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var events = new List<JsonElement>();
        foreach (var file in Directory.EnumerateFiles(directory, "backups-*.json").Order(StringComparer.Ordinal))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream);
            while (reader.ReadLine() is { } line)
            {
                if (line.Length > 0 && line.EndsWith('}'))
                {
                    events.Add(JsonDocument.Parse(line).RootElement.Clone());
                }
            }
        }
        return events;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
