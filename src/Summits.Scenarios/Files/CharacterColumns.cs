using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Summits.Scenarios;

/// <summary>
/// Passes a YAML parser's events through with their places' columns counted in characters, so that every place a
/// YAML file's error is reported at (a node's, a parsing event's) counts an emoji as one column, as an editor shows
/// it and as the places of JSON errors count (<see cref="Grains.JsonErrorText.Column"/>). YamlDotNet counts UTF-16
/// units: a character outside the Basic Multilingual Plane (an emoji) is two of them. A place's line and index are
/// kept as YamlDotNet gives them; the index stays the place's offset in the text, in UTF-16 units.
/// </summary>
/// <param name="text">The text <paramref name="inner"/> reads, from its first character.</param>
/// <param name="inner">The parser whose events are passed on.</param>
internal sealed class CharacterColumns(string text, IParser inner) : IParser
{
    private ParsingEvent? _current;

    /// <summary>The error the parser passed on last threw, whose places are YamlDotNet's (see <see cref="Of(Mark)"/>).</summary>
    public YamlException? Thrown { get; private set; }

    public ParsingEvent? Current => _current;

    public bool MoveNext()
    {
        try
        {
            if (!inner.MoveNext())
            {
                _current = null;
                return false;
            }
        }
        catch (YamlException e)
        {
            Thrown = e;
            throw;
        }
        _current = Converted(inner.Current!);
        return true;
    }

    /// <summary>
    /// <paramref name="mark"/>, a place as YamlDotNet gives it, with its column counted in characters: one more than the
    /// Unicode scalar values (runes) between the start of its line and it, a lone surrogate counting one. A place whose
    /// line start cannot be found in the text (past its end) keeps its column.
    /// </summary>
    public Mark Of(Mark mark) => new(mark.Index, mark.Line, Column(text, mark));

    /// <summary>The 1-based column of <paramref name="mark"/> in <paramref name="text"/>, counted in characters (see <see cref="Of(Mark)"/>).</summary>
    public static int Column(string text, Mark mark)
    {
        var index = mark.Index;
        var lineStart = index - (mark.Column - 1);
        if (index > text.Length || lineStart < 0)
            return (int)mark.Column;
        return text.Substring((int)lineStart, (int)(index - lineStart)).EnumerateRunes().Count() + 1;
    }

    private ParsingEvent Converted(ParsingEvent e) => e switch
    {
        Scalar s => new Scalar(s.Anchor, s.Tag, s.Value, s.Style, s.IsPlainImplicit, s.IsQuotedImplicit, Of(s.Start), Of(s.End), s.IsKey),
        MappingStart m => new MappingStart(m.Anchor, m.Tag, m.IsImplicit, m.Style, Of(m.Start), Of(m.End)),
        SequenceStart q => new SequenceStart(q.Anchor, q.Tag, q.IsImplicit, q.Style, Of(q.Start), Of(q.End)),
        AnchorAlias a => new AnchorAlias(a.Value, Of(a.Start), Of(a.End)),
        MappingEnd m => new MappingEnd(Of(m.Start), Of(m.End)),
        SequenceEnd q => new SequenceEnd(Of(q.Start), Of(q.End)),
        DocumentStart d => new DocumentStart(d.Version, d.Tags, d.IsImplicit, Of(d.Start), Of(d.End)),
        DocumentEnd d => new DocumentEnd(d.IsImplicit, Of(d.Start), Of(d.End)),
        StreamStart s => new StreamStart(Of(s.Start), Of(s.End)),
        StreamEnd s => new StreamEnd(Of(s.Start), Of(s.End)),
        Comment c => new Comment(c.Value, c.IsInline, Of(c.Start), Of(c.End)),
        _ => e,
    };
}
