using System.Diagnostics;

namespace Backups.IntegrationTests.Support;

/// <summary>
/// A test that runs the program in its own mount namespace (<c>unshare -Urm</c>), where it can mount a tiny tmpfs that
/// vanishes with the process; skipped, saying why, where user and mount namespaces are not available.
/// </summary>
public sealed class MountNamespaceFactAttribute : FactAttribute
{
    private static readonly Lazy<string?> Missing = new(Probe);

    public MountNamespaceFactAttribute()
    {
        if (Missing.Value is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? Probe()
    {
        try
        {
            using var probe = Process.Start(new ProcessStartInfo("unshare", ["-Urm", "sh", "-c", "mount -t tmpfs -o size=64k tmpfs /mnt"])
            {
                RedirectStandardError = true,
                UseShellExecute = false,
            })!;
            var error = probe.StandardError.ReadToEnd();
            probe.WaitForExit();
            return probe.ExitCode == 0 ? null : $"cannot mount a tmpfs in a new mount namespace (unshare -Urm): {error.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return $"unshare (util-linux) cannot run: {e.Message}";
        }
    }
}
