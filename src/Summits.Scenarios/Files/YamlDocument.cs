using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Reads a YAML file into nodes that remember where they stand, turning syntax errors into
/// <see cref="InputException"/> at their real place. Every file Summits reads as YAML (worlds,
/// scenarios with their vary and fork parts) comes through here, so each check holds for all of them.
/// Merge keys (<c>&lt;&lt;: *base</c>) are applied as YAML 1.1 defines them: the mapping's own keys win.
/// </summary>
public static class YamlDocument
{
    private const string MergeKey = "<<";

    /// <summary>The mapping at the top of <paramref name="text"/>, the text of <paramref name="file"/>.</summary>
    /// <param name="namedAt">Where another file names this one, with what it names it as (the world file, say): added
    /// to the refusal of a file that is empty or holds no mapping at all, which is then likely not the file meant, so
    /// that the place to correct is said beside the place of the mistake.</param>
    /// <param name="what">What <paramref name="namedAt"/> names the file as, with its article: "the world file".</param>
    /// <param name="expected">The kind of file read, for the refusal of a KTAB table read in its place
    /// (<see cref="KtabTable.NotYaml"/>); null for a world or a scenario (<c>migrate</c>).</param>
    /// <exception cref="InputException">The text is not YAML, is empty, holds more than one document, or holds no mapping at its top;
    /// a text that is no YAML mapping and is shaped as a KTAB table (<see cref="KtabTable.Shaped"/>), or is named .csv, is said to be a table.</exception>
    public static YamlMappingNode LoadMapping(string file, string text, FilePosition? namedAt = null, string what = "the file", FileKind? expected = null)
    {
        var named = namedAt is { } at ? $"; this is {what} named at {at}" : "";
        // Told by what it holds, not only by its name: a world written into a .csv is read as the world it is.
        bool Table() => KtabTable.Shaped(text) || string.Equals(Path.GetExtension(file), ".csv", StringComparison.OrdinalIgnoreCase);
        var stream = new YamlStream();
        // Every place below, the nodes' included, has its column counted in characters (CharacterColumns).
        var parser = new CharacterColumns(text, new Parser(new StringReader(text)));
        try
        {
            stream.Load(new CheckingParser(file, parser));
        }
        catch (YamlException) when (Table())
        {
            throw KtabTable.NotYaml(file, expected, namedAt);
        }
        catch (YamlException e)
        {
            var start = ReferenceEquals(e, parser.Thrown) ? parser.Of(e.Start) : e.Start;
            var reason = FirstSentence(e.InnerException?.Message ?? e.Message);
            if (reason.Contains("tab", StringComparison.Ordinal) && FirstIndentingTab(text, (int)start.Line) is { } tab)
                throw new InputException(new FilePosition(file, tab.Line, tab.Column), tab.Blank
                    ? "this is not valid YAML: a tab on a line with nothing else on it is read as indentation; leave the line empty, or indent with spaces only"
                    : "this is not valid YAML: a tab is used for indentation; indent with spaces only");
            var lines = TextLines.Of(text);
            if (start.Line > lines.Count || (start.Line == lines.Count + 1 && start.Column == 1) || lines.Count == 0)
            {
                var (line, column) = TextLines.End(lines);
                throw new InputException(new FilePosition(file, line, column), $"this is not valid YAML: the file ends here, {reason}");
            }
            if ((reason.Contains("found invalid mapping", StringComparison.Ordinal) || reason.Contains("did not find expected key", StringComparison.Ordinal))
                && MisIndented(lines, (int)start.Line) is { } indent)
                throw new InputException(new FilePosition(file, indent.Line, indent.Column), indent.Problem);
            throw new InputException(new FilePosition(file, (int)start.Line, (int)start.Column), $"this is not valid YAML: {reason}");
        }
        catch (InvalidOperationException) when (Table())
        {
            throw KtabTable.NotYaml(file, expected, namedAt);
        }
        catch (InvalidOperationException)
        {
            // The scanner gives up without a position on some unclosed constructs; the last value read is the nearest place.
            var near = parser.Current?.Start ?? Mark.Empty;
            throw new InputException(new FilePosition(file, (int)near.Line, (int)near.Column),
                "this is not valid YAML: the text after this point cannot be read; expected a closing ']', '}' or quote");
        }
        if (stream.Documents.Count == 0)
            throw NoDocument(file, text, named);
        if (stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Table() ? KtabTable.NotYaml(file, expected, namedAt) : new InputException(At(file, stream.Documents[0].RootNode), $"the file holds {Kind(stream.Documents[0].RootNode, text)} at its top; expected a mapping of keys to values, such as 'key: value'{named}");
        Merge(file, root, new HashSet<YamlNode>(ReferenceEqualityComparer.Instance));
        return root;
    }

    /// <summary>
    /// The refusal of a text that holds no YAML document, saying what it does hold (<see cref="HeldText.Blank(string, string, string)"/>):
    /// nothing (<c>the file is empty (0 bytes)</c>, at 1:1), only blank lines or whitespace (at 1:1), or only comments,
    /// and blank lines between (at the first comment: <c>the file holds only a comment</c>); each with the mapping
    /// expected. Anything else that makes no document (a lone end marker, '...') is said to be no document.
    /// </summary>
    private static InputException NoDocument(string file, string text, string named)
    {
        const string expected = "a mapping of keys to values, such as 'key: value'";
        if (HeldText.Blank(file, text, expected + named) is { } blank)
            return blank;
        var lines = TextLines.Of(text.TrimStart('\uFEFF'));
        var comments = lines.Select((line, i) => (Line: i + 1, Column: line.Length - line.TrimStart().Length + 1, Text: line.Trim()))
            .Where(l => l.Text.StartsWith('#')).ToList();
        var blanks = lines.Count(l => l.Trim().Length == 0);
        if (comments.Count + blanks < lines.Count || comments.Count == 0)
            return new InputException(new FilePosition(file, 1, 1), $"the file holds no YAML document; expected {expected}{named}");
        var what = comments.Count == 1 ? "a comment" : $"comments ({comments.Count} lines)";
        return new InputException(new FilePosition(file, comments[0].Line, comments[0].Column),
            $"the file holds only {what}{(blanks > 0 ? " and blank lines" : "")}; expected {expected}, after {(comments.Count == 1 ? "it" : "them")}{named}");
    }

    /// <summary>
    /// What a node that is not a mapping is, for the refusal of a file that holds one at its top: "a list of 2 items",
    /// "an empty list ([])", "an empty value", "a null ('~')", "a single value ('3')" (cut at 24 characters), or "text that YAML reads as a single value" when the value
    /// spans lines or more text follows it (a file of 'Name:&lt;tab&gt;value' lines).
    /// </summary>
    private static string Kind(YamlNode node, string text) => node switch
    {
        YamlSequenceNode { Children.Count: 0 } => "an empty list ([])",
        YamlSequenceNode list => $"a list of {Counted.Of(list.Children.Count, "item")}",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "" } => "an empty value",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: "~" or "null" or "Null" or "NULL" } scalar => $"a null ('{scalar.Value}')",
        YamlScalarNode scalar when scalar.End.Line > scalar.Start.Line || text[(int)Math.Min(scalar.End.Index, text.Length)..].Trim().Length > 0 => "text that YAML reads as a single value",
        YamlScalarNode scalar => $"a single value ('{Short(scalar.Value ?? "")}')",
        _ => "no mapping",
    };

    private static string Short(string value)
    {
        var line = value.ReplaceLineEndings(" ").Replace('\t', ' ');
        return line.Length <= 24 ? line : line[..23] + "…";
    }

    /// <summary>Where <paramref name="node"/> starts in <paramref name="file"/>: its line and its column in characters (an emoji one), as every node <see cref="LoadMapping"/> reads has it.</summary>
    public static FilePosition At(string file, YamlNode node) => new(file, (int)node.Start.Line, (int)node.Start.Column);

    /// <summary>Applies merge keys, innermost first, so a merged mapping brings its own merges with it.</summary>
    private static void Merge(string file, YamlNode node, HashSet<YamlNode> done)
    {
        if (!done.Add(node))
            return;
        switch (node)
        {
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children)
                    Merge(file, item, done);
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children.ToArray())
                {
                    Merge(file, key, done);
                    Merge(file, value, done);
                }
                MergeInto(file, mapping);
                break;
        }
    }

    private static void MergeInto(string file, YamlMappingNode mapping)
    {
        var entry = mapping.Children.FirstOrDefault(p => p.Key is YamlScalarNode { Value: MergeKey, Style: YamlDotNet.Core.ScalarStyle.Plain });
        if (entry.Key is null)
            return;
        var sources = entry.Value switch
        {
            YamlMappingNode one => [one],
            YamlSequenceNode many when many.Children.All(c => c is YamlMappingNode) && many.Children.Count > 0 => many.Children.Cast<YamlMappingNode>().ToArray(),
            _ => throw new InputException(At(file, entry.Value), "'<<' merges mappings into this one; write '<<: *name' naming a mapping's anchor, or a list of them such as '<<: [*a, *b]'"),
        };
        mapping.Children.Remove(entry.Key);
        var own = mapping.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value).ToHashSet(StringComparer.Ordinal);
        // The mapping's own keys win; among several merged mappings, the first to name a key wins.
        foreach (var source in sources)
        {
            foreach (var (key, value) in source.Children)
            {
                if (key is YamlScalarNode { Value: { } name } && own.Add(name))
                    mapping.Children.Add(key, value);
            }
        }
    }

    /// <summary>
    /// The key line indented unlike its neighbours, when the parser stops at <paramref name="line"/> on a key that stands
    /// deeper than the key before it while that key has its value on its own line (<c>key: value</c>, a flow value
    /// <c>[…]</c> or <c>{…}</c>, or the first key of a list item, <c>- id: x</c>), which YAML can only read as a value
    /// running on or a key it did not expect. A key's depth is where the key itself begins, after a list item's
    /// <c>- </c>. When the line after stands as deep as this one, the key before is the odd one (<c>from: US</c> one
    /// space short of <c>to:</c> and <c>terms:</c> below it); otherwise this one is (<c>rounds:</c> a space deeper
    /// than <c>- id:</c>'s key above it). Null when the lines do not fit that shape, so that the parser's own words
    /// are said instead.
    /// </summary>
    private static (int Line, int Column, string Problem)? MisIndented(IReadOnlyList<string> lines, int line)
    {
        static string Item(string text) => text.TrimStart() is var t && t.StartsWith("- ", StringComparison.Ordinal) ? t[2..].TrimStart() : t;
        static int KeyColumn(string text) => text.Length - Item(text).Length;
        static bool Content(string text) => text.Trim() is { Length: > 0 } t && !t.StartsWith('#');
        static bool Key(string text) => Item(text) is var t && t.Length > 0 && !t.StartsWith('-') && !t.StartsWith('#')
            && (t.TrimEnd().EndsWith(':') || t.Contains(": ", StringComparison.Ordinal));
        static bool KeyWithValue(string text) => Key(text) && !Item(text).TrimEnd().EndsWith(':');
        if (line < 2 || line > lines.Count)
            return null;
        var at = lines[line - 1];
        var before = Enumerable.Range(1, line - 1).Select(i => line - i).FirstOrDefault(i => Content(lines[i - 1]));
        if (before == 0 || !KeyWithValue(lines[before - 1]) || !Key(at) || at.TrimStart().StartsWith('-')
            || KeyColumn(at) <= KeyColumn(lines[before - 1]))
            return null;
        var after = Enumerable.Range(line + 1, Math.Max(0, lines.Count - line)).FirstOrDefault(i => Content(lines[i - 1]));
        var odd = after != 0 && KeyColumn(lines[after - 1]) == KeyColumn(at) && !lines[before - 1].TrimStart().StartsWith('-') ? before : line;
        var even = odd == before ? KeyColumn(at) : KeyColumn(lines[before - 1]);
        var text = lines[odd - 1];
        var spaces = KeyColumn(text);
        return (odd, spaces + 1,
            $"this is not valid YAML, most likely an indentation mistake: '{Item(text).Trim()}' is indented {spaces} spaces, but the key {(odd == before ? "after" : "before")} it {even}; "
            + $"indent the keys of one mapping alike, here {even} spaces");
    }

    /// <summary>
    /// The first tab in a line's indentation at or after <paramref name="fromLine"/>, then from the first line (the
    /// scanner sometimes reports 1:1, or the line before the tab's); failing that, the first tab on a line of nothing
    /// but spaces and tabs (<paramref name="fromLine"/> first), which the scanner reads as indentation too, marked
    /// <c>Blank</c>.
    /// </summary>
    private static (int Line, int Column, bool Blank)? FirstIndentingTab(string text, int fromLine)
    {
        var lines = TextLines.Of(text);
        foreach (var blank in new[] { false, true })
            foreach (var from in new[] { Math.Max(1, fromLine), 1 })
            {
                for (var i = from - 1; i < lines.Count; i++)
                {
                    // The line's indentation: its leading spaces and tabs, the whole of a blank line.
                    var indentation = lines[i].AsSpan(0, lines[i].Length - lines[i].AsSpan().TrimStart(" \t").Length);
                    if ((indentation.Length == lines[i].Length) == blank && indentation.IndexOf('\t') is var tab and >= 0)
                        return (i + 1, tab + 1, blank);
                }
            }
        return null;
    }

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf("). ", StringComparison.Ordinal);
        var text = (cut >= 0 ? message[(cut + 3)..] : message).TrimEnd('.').Trim();
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "it cannot be read";
    }
}
