using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Summits.Scenarios;

/// <summary>
/// Passes parsing events through unchanged and stops, with the place and a readable reason, at what
/// the YAML loader would otherwise accept silently or fail on without a place: a mapping key written
/// twice (naming the key, the mapping and where it first appeared), a second document with anything in it (an
/// empty one, a bare <c>---</c> at the end of the file, is let through and holds nothing), values nested
/// deeper than <see cref="MaxDepth"/> (which would exhaust the stack), and an alias whose anchor is
/// not defined above it or which stands inside its own anchored value.
/// </summary>
internal sealed class CheckingParser(string file, IParser inner) : IParser
{
    /// <summary>The deepest nesting of mappings and lists read; Summits files need six or seven levels.</summary>
    public const int MaxDepth = 64;

    private sealed class Container(string? owner, bool isMapping, AnchorName anchor)
    {
        public string? Owner { get; } = owner;

        public bool IsMapping { get; } = isMapping;

        public AnchorName Anchor { get; } = anchor;

        public bool ExpectingKey { get; set; } = true;

        public string? LastKey { get; set; }

        public Dictionary<string, Mark> Keys { get; } = new(StringComparer.Ordinal);
    }

    private readonly Stack<Container> _open = new();
    private readonly Dictionary<string, Mark> _anchors = new(StringComparer.Ordinal);
    private int _documents;

    /// <summary>Where a document after the first starts, until its first event shows whether it holds anything.</summary>
    private DocumentStart? _further;

    public ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
            return false;
        if (_further is { } further)
        {
            // A document after the first may be empty, as a bare '---' at the end of a file makes it: its one event is
            // an empty plain scalar without anchor or tag. Anything else in it is content the file would hold unread.
            _further = null;
            if (inner.Current is not Scalar { Value.Length: 0, Style: ScalarStyle.Plain } empty || !empty.Anchor.IsEmpty || !empty.Tag.IsEmpty)
                throw Refuse(further, "a second YAML document starts here; a Summits file holds one document: remove this '---' and what follows it, or move that into a file of its own");
            return true;
        }
        switch (inner.Current)
        {
            case DocumentStart start when !start.IsImplicit || _documents > 0:
                if (++_documents > 1)
                    _further = start;
                break;
            case DocumentStart:
                _documents++;
                break;
            case Scalar scalar:
                Node(scalar, scalar.Value);
                Define(scalar);
                break;
            case AnchorAlias alias:
                Alias(alias);
                Node(alias, null);
                break;
            case MappingStart start:
                Open(start, new Container(Node(start, null), isMapping: true, start.Anchor));
                break;
            case SequenceStart start:
                Open(start, new Container(Node(start, null), isMapping: false, start.Anchor));
                break;
            case MappingEnd or SequenceEnd:
                _open.Pop();
                break;
        }
        return true;
    }

    private void Open(NodeEvent start, Container container)
    {
        if (_open.Count >= MaxDepth)
            throw Refuse(start, $"the values nest more than {MaxDepth} levels deep here; a Summits file needs only a few levels of mappings and lists");
        Define(start);
        _open.Push(container);
    }

    private void Define(NodeEvent node)
    {
        if (!node.Anchor.IsEmpty)
            _anchors[node.Anchor.Value] = node.Start;
    }

    private void Alias(AnchorAlias alias)
    {
        var name = alias.Value.Value;
        if (!_anchors.ContainsKey(name))
            throw Refuse(alias, $"the alias '*{name}' refers to no anchor defined above it; write '&{name}' on a value before its first use");
        if (_open.Any(c => !c.Anchor.IsEmpty && c.Anchor.Value == name))
            throw Refuse(alias, $"the alias '*{name}' stands inside the value anchored as '&{name}'; a value cannot contain itself");
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
            throw Refuse(node, $"{where} names '{text}' twice (first at line {first.Line}, column {first.Column}); name each key once");
        }
        parent.Keys[text] = node.Start;
        return null;
    }

    private InputException Refuse(ParsingEvent node, string problem) =>
        new(new FilePosition(file, (int)node.Start.Line, (int)node.Start.Column), problem);
}
