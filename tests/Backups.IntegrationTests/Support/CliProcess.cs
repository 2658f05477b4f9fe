using System.Diagnostics;
using System.Text;

namespace Backups.IntegrationTests.Support;

/// <summary>
/// The real <c>backups</c> program as a child process (<c>dotnet exec backups.dll</c>, copied beside the tests by
/// the project reference), with the workspace's environment and captured output.
/// </summary>
internal sealed class CliProcess : IDisposable
{
    private readonly StringBuilder _out = new();
    private readonly StringBuilder _error = new();
    private readonly Process _process;

    private CliProcess(Process process) => _process = process;

    public static string Program => Path.Combine(AppContext.BaseDirectory, "backups.dll");

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_out)
            {
                return $"--- stdout ---\n{_out}\n--- stderr ---\n{_error}";
            }
        }
    }

    /// <summary>The command line that runs <c>backups ARGS</c>: <c>dotnet exec [--runtimeconfig ...] backups.dll ARGS</c>.</summary>
    public static IReadOnlyList<string> CommandLine(params string[] args)
    {
        File.Exists(Program).ShouldBeTrue($"{Program} is built beside the tests");
        var line = new List<string> { "dotnet", "exec" };
        var runtimeConfig = Path.ChangeExtension(Program, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            // A referenced program's runtimeconfig is not always copied; the test assembly's serves the same runtime.
            line.Add("--runtimeconfig");
            line.Add(Path.Combine(AppContext.BaseDirectory, typeof(CliProcess).Assembly.GetName().Name + ".runtimeconfig.json"));
        }

        line.Add(Program);
        line.AddRange(args);
        return line;
    }

    public static CliProcess Start(Workspace workspace, params string[] args) => StartCommand(workspace, CommandLine(args));

    /// <summary>Starts any command (e.g. the program under a wrapper) with the workspace's environment and captured output.</summary>
    public static CliProcess StartCommand(Workspace workspace, IReadOnlyList<string> commandLine)
    {
        var start = new ProcessStartInfo(commandLine[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workspace.Root,
        };
        foreach (var arg in commandLine.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Clear();
        foreach (var (name, value) in workspace.Environment)
        {
            if (value is not null)
            {
                start.Environment[name] = value;
            }
        }

        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(cli._out, e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(cli._error, e.Data);
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>SIGKILL: no cleanup code of the program runs.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Standard output alone, as received so far.</summary>
    public string StandardOutput
    {
        get
        {
            lock (_out)
            {
                return _out.ToString();
            }
        }
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancellation.Token);
        return _process.ExitCode;
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

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_out)
        {
            target.AppendLine(line);
        }
    }
}
