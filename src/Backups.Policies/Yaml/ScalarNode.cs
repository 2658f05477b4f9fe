using YamlDotNet.Core;

namespace Backups.Policies.Yaml;

/// <summary>A scalar with its text, its quoting style and where it ends.</summary>
internal sealed class ScalarNode(SourcePosition start, SourcePosition end, string value, ScalarStyle style) : YamlNode(start)
{
    public SourcePosition End { get; } = end;

    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    /// <summary>An empty plain scalar, <c>~</c> or <c>null</c>: the key has no value.</summary>
    public bool IsNull =>
        Style == ScalarStyle.Plain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "no value" : "a text value";

    /// <summary>
    /// The position of the character at <paramref name="index"/> of <see cref="Value"/>, when the scalar is
    /// written on one line without escapes (so text and source line up); otherwise the start of the scalar.
    /// </summary>
    public SourcePosition At(int index)
    {
        var quote = Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted ? 1 : 0;
        var lined = Style is ScalarStyle.Plain or ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted
            && End.Line == Start.Line
            && End.Column - Start.Column == Value.Length + 2 * quote;
        return lined && index >= 0 && index <= Value.Length
            ? Start with { Column = Start.Column + quote + index }
            : Start;
    }
}
