using System.Globalization;

namespace Backups.Bench;

/// <summary>
/// The command line of a bench mode: positional arguments, <c>--flag</c>s without a value and <c>--option VALUE</c>s.
/// Anything not declared is a <see cref="BenchUsageException"/>.
/// </summary>
internal sealed class BenchArguments
{
    private readonly HashSet<string> flags = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> options = new(StringComparer.Ordinal);
    private readonly List<string> positional = [];

    private BenchArguments()
    {
    }

    public IReadOnlyList<string> Positional => positional;

    public static BenchArguments Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> knownFlags, IReadOnlyCollection<string> knownOptions)
    {
        ArgumentNullException.ThrowIfNull(args);
        var parsed = new BenchArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (knownFlags.Contains(arg))
            {
                parsed.flags.Add(arg);
            }
            else if (knownOptions.Contains(arg))
            {
                parsed.options[arg] = ++i < args.Count ? args[i] : throw new BenchUsageException($"{arg} needs a value");
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new BenchUsageException($"unknown option '{arg}'");
            }
            else
            {
                parsed.positional.Add(arg);
            }
        }

        return parsed;
    }

    public bool Has(string flag) => flags.Contains(flag);

    public string? Value(string option) => options.GetValueOrDefault(option);

    /// <summary>Positional argument <paramref name="index"/>, or a usage error naming it.</summary>
    public string Required(int index, string name) =>
        index < positional.Count ? positional[index] : throw new BenchUsageException($"missing {name}");

    public void NoMoreThan(int count)
    {
        if (positional.Count > count)
        {
            throw new BenchUsageException($"unexpected argument '{positional[count]}'");
        }
    }

    public static int PositiveInt(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : throw new BenchUsageException($"{name} must be a positive whole number, not '{text}'");
}
