using Backups.Policies.Validation;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Backups.Policies.Yaml;

/// <summary>
/// Reads a policy file into a small node tree with positions, from YamlDotNet's event parser.
/// Unlike the representation model it keeps going past duplicate keys (reporting each), resolves
/// aliases, and turns a syntax error into one positioned error.
/// </summary>
internal sealed class YamlTreeReader
{
    /// <summary>Deeper nesting than any policy needs is refused rather than risking the stack.</summary>
    public const int MaxDepth = 64;

    private readonly IParser _parser;
    private readonly Diagnostics _diagnostics;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<(SourcePosition Start, string Opener)> _open = new();
    private SourcePosition _last = SourcePosition.FileStart;

    private YamlTreeReader(IParser parser, Diagnostics diagnostics)
    {
        _parser = parser;
        _diagnostics = diagnostics;
    }

    /// <summary>The single document's root node, or null (with an error reported) when there is none or the YAML is malformed.</summary>
    public static YamlNode? Read(string text, Diagnostics diagnostics)
    {
        var reader = new YamlTreeReader(new Parser(new StringReader(text)), diagnostics);
        try
        {
            return reader.ReadStream();
        }
        catch (YamlException e)
        {
            diagnostics.Add(Position(e.Start), "invalid YAML: " + CleanMessage(e));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this (not a YamlException) when a plain scalar runs into the
            // end of the file inside a flow collection, e.g. "source: { kind: oracle" with no '}'.
            diagnostics.Add(reader.StoppedAt(out var opener), $"invalid YAML: the file ends inside this {opener}");
            return null;
        }
    }

    /// <summary>Where parsing stopped: the innermost open flow collection if any, else the last event read.</summary>
    private SourcePosition StoppedAt(out string opener)
    {
        foreach (var (start, text) in _open)
        {
            if (text.Length > 0)
            {
                opener = text;
                return start;
            }
        }
        opener = "value";
        return _last;
    }

    private YamlNode? ReadStream()
    {
        _parser.Consume<StreamStart>();
        YamlNode? root = null;
        var documents = 0;
        while (_parser.TryConsume<DocumentStart>(out var documentStart))
        {
            documents++;
            var node = ReadNode();
            _parser.Consume<DocumentEnd>();
            if (documents == 1)
            {
                root = node;
            }
            else if (documents == 2)
            {
                _diagnostics.Add(Position(documentStart.Start), "a policy file holds one YAML document; put each policy in its own file");
            }
        }
        _parser.Consume<StreamEnd>();
        return root;
    }

    private YamlNode ReadNode()
    {
        var current = _parser.Current ?? throw new YamlException("unexpected end of the YAML events");
        _last = Position(current.Start);
        YamlNode node;
        switch (current)
        {
            case AnchorAlias alias:
                _parser.MoveNext();
                if (_anchors.TryGetValue(alias.Value.Value, out var target))
                {
                    return target;
                }
                throw new YamlException(alias.Start, alias.End, $"unknown alias '*{alias.Value.Value}' (no '&{alias.Value.Value}' anchor before it)");
            case Scalar scalar:
                _parser.MoveNext();
                node = new ScalarNode(Position(scalar.Start), Position(scalar.End), scalar.Value, scalar.Style);
                break;
            case SequenceStart start:
                _parser.MoveNext();
                node = ReadSequence(start);
                break;
            case MappingStart start:
                _parser.MoveNext();
                node = ReadMapping(start);
                break;
            default:
                throw new YamlException(current.Start, current.End, $"unexpected {current.GetType().Name}");
        }
        if (current is NodeEvent { Anchor.IsEmpty: false } anchored)
        {
            _anchors[anchored.Anchor.Value] = node;
        }
        return node;
    }

    private SequenceNode ReadSequence(SequenceStart start)
    {
        Enter(start);
        _open.Push((Position(start.Start), start.Style == SequenceStyle.Flow ? "'[' (is a closing ']' missing?)" : ""));
        var items = new List<YamlNode>();
        while (!_parser.TryConsume<SequenceEnd>(out _))
        {
            items.Add(ReadNode());
        }
        _open.Pop();
        return new SequenceNode(Position(start.Start), items);
    }

    private MappingNode ReadMapping(MappingStart start)
    {
        Enter(start);
        _open.Push((Position(start.Start), start.Style == MappingStyle.Flow ? "'{' (is a closing '}' missing?)" : ""));
        var entries = new List<KeyValuePair<ScalarNode, YamlNode>>();
        var seen = new Dictionary<string, ScalarNode>(StringComparer.Ordinal);
        while (!_parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode();
            var value = ReadNode();
            if (key is not ScalarNode scalarKey)
            {
                _diagnostics.Add(key.Start, $"a key must be plain text, found {key.Describe()}");
                continue;
            }
            if (seen.TryGetValue(scalarKey.Value, out var first))
            {
                _diagnostics.Add(scalarKey.Start, $"duplicate key '{scalarKey.Value}' (first defined at line {first.Start.Line})");
                continue;
            }
            seen.Add(scalarKey.Value, scalarKey);
            entries.Add(new(scalarKey, value));
        }
        _open.Pop();
        return new MappingNode(Position(start.Start), entries);
    }

    private void Enter(ParsingEvent start)
    {
        if (_open.Count >= MaxDepth)
        {
            throw new YamlException(start.Start, start.End, $"nesting deeper than {MaxDepth} levels");
        }
    }

    private static SourcePosition Position(Mark mark) => new((int)mark.Line, (int)mark.Column);

    /// <summary>YamlDotNet prefixes messages with "(Line: .., Col: .., Idx: ..) - (...): "; the error has its own position.</summary>
    private static string CleanMessage(YamlException e)
    {
        var message = e.Message;
        var marker = message.IndexOf("): ", StringComparison.Ordinal);
        if (message.StartsWith("(Line:", StringComparison.Ordinal) && marker >= 0)
        {
            message = message[(marker + 3)..];
        }
        message = message.TrimEnd('.');
        return message.Length > 0 && char.IsUpper(message[0]) && !message.StartsWith("YAML", StringComparison.Ordinal)
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }
}
