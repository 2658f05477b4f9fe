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

    public static CliProcess Start(Workspace workspace, params string[] args)
    {
        File.Exists(Program).ShouldBeTrue($"{Program} is built beside the tests");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workspace.Root,
        };
        start.ArgumentList.Add("exec");
        var runtimeConfig = Path.ChangeExtension(Program, ".runtimeconfig.json");
        if (!File.Exists(runtimeConfig))
        {
            // A referenced program's runtimeconfig is not always copied; the test assembly's serves the same runtime.
            start.ArgumentList.Add("--runtimeconfig");
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, typeof(CliProcess).Assembly.GetName().Name + ".runtimeconfig.json"));
        }

        start.ArgumentList.Add(Program);
        foreach (var arg in args)
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
