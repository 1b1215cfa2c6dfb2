using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Summits.Scenarios;

/// <summary>
/// Passes parsing events through unchanged and fails on a mapping key written twice, naming the key,
/// the mapping it stands in and where it first appeared. The YAML loader would otherwise stop at a
/// bare "duplicate key", which does not tell a reader that, say, a package names a topic twice.
/// </summary>
internal sealed class UniqueKeyParser(string file, IParser inner) : IParser
{
    private sealed class Container(string? owner, bool isMapping)
    {
        public string? Owner { get; } = owner;

        public bool IsMapping { get; } = isMapping;

        public bool ExpectingKey { get; set; } = true;

        public string? LastKey { get; set; }

        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);
    }

    private readonly Stack<Container> _open = new();

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
            return false;
        switch (inner.Current)
        {
            case Scalar scalar:
                Node(scalar, scalar.Value);
                break;
            case AnchorAlias alias:
                Node(alias, null);
                break;
            case MappingStart start:
                _open.Push(new Container(Node(start, null), isMapping: true));
                break;
            case SequenceStart start:
                _open.Push(new Container(Node(start, null), isMapping: false));
                break;
            case MappingEnd or SequenceEnd:
                _open.Pop();
                break;
        }
        return true;
    }

    /// <summary>Notes a node in the enclosing container; returns the key it is the value of, to name a nested container.</summary>
    private string? Node(ParsingEvent node, string? text)
    {
        if (!_open.TryPeek(out var parent))
            return null;
        if (!parent.IsMapping)
            return null;
        if (!parent.ExpectingKey)
        {
            parent.ExpectingKey = true;
            return parent.LastKey;
        }
        parent.ExpectingKey = false;
        parent.LastKey = text;
        if (text is null)
            return null;
        if (parent.Keys.TryGetValue(text, out var first))
        {
            var where = parent.Owner is null ? "this mapping" : $"'{parent.Owner}'";
            throw new InputException(new FilePosition(file, (int)node.Start.Line, (int)node.Start.Column),
                $"{where} names '{text}' twice (first at line {first.Line}, column {first.Column}); name each key once");
        }
        parent.Keys[text] = node.Start;
        return null;
    }
}
