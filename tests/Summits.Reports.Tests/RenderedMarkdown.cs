using System.Text;
using Markdig;
using Markdig.Extensions.EmphasisExtras;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Summits.Reports.Tests;

/// <summary>
/// A report's Markdown as a GitHub-flavoured renderer reads it (Markdig with GitHub's extensions: pipe tables,
/// strikethrough, autolinks, task lists, <c>$</c> maths and footnotes): what each heading, paragraph and table cell shows, and every
/// piece of markup in it.
/// </summary>
public static class RenderedMarkdown
{
    /// <summary>GitHub's extensions as Markdig has them: of the emphasis extras only strikethrough, which GitHub has.</summary>
    private static readonly MarkdownPipeline GitHub = new MarkdownPipelineBuilder()
        .UsePipeTables().UseEmphasisExtras(EmphasisExtraOptions.Strikethrough).UseAutoLinks().UseTaskLists()
        .UseMathematics().UseFootnotes().Build();

    /// <summary>
    /// <paramref name="markdown"/> parsed as GitHub would read it (pipe tables, strikethrough, bare addresses linked,
    /// task lists, <c>$</c> maths, footnotes): a document whose blocks and inlines the other members read.
    /// </summary>
    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown, GitHub);

    /// <summary>
    /// Everything in the document that is not plain text in a heading, a paragraph or a table cell, each named with its
    /// line: a list, a quote, code, raw HTML, emphasis, a link, maths. A paragraph set wholly in bold (a warning) is
    /// allowed, bold inside a paragraph is not; so is a bare address, which GitHub links, showing it as written.
    /// </summary>
    public static List<string> Markup(MarkdownDocument document)
    {
        var found = new List<string>();
        foreach (var block in document.Descendants<Block>())
        {
            if (block is not (HeadingBlock or ParagraphBlock or Table or TableRow or TableCell))
                found.Add($"{block.GetType().Name} on line {block.Line + 1}");
        }
        foreach (var leaf in document.Descendants<LeafBlock>())
        {
            if (leaf.Inline is not { } root)
                continue;
            foreach (var inline in root.Descendants<Inline>())
            {
                var wholeWarning = inline is EmphasisInline { DelimiterChar: '*', DelimiterCount: 2 } && leaf is ParagraphBlock
                    && inline.Parent == root && root.FirstChild == inline && root.LastChild == inline;
                // A bare address (GitHub's extended autolink) is a link that shows the address as written.
                // A bracket that closes no link stays in the tree as its delimiter, shown as the bracket itself.
                if (inline is not (LiteralInline or DelimiterInline or LinkInline { IsAutoLink: true }) && !wholeWarning)
                    found.Add($"{inline.GetType().Name} on line {leaf.Line + 1}: {Text(leaf)}");
            }
        }
        return found;
    }

    /// <summary>The text a heading, paragraph or cell shows: its literal pieces in order, a line break read as a space.</summary>
    public static string Text(Block block)
    {
        var text = new StringBuilder();
        var leaves = block is LeafBlock leaf ? [leaf] : block.Descendants<LeafBlock>();
        foreach (var l in leaves)
        {
            foreach (var inline in l.Inline?.Descendants<Inline>() ?? [])
            {
                if (inline is LiteralInline literal)
                    text.Append(literal.Content.ToString());
                else if (inline is DelimiterInline delimiter)
                    text.Append(delimiter.ToLiteral());
                else if (inline is LineBreakInline)
                    text.Append(' ');
            }
        }
        return text.ToString();
    }

    /// <summary>Each table's rows, header first, each row the text of its cells.</summary>
    public static List<List<List<string>>> Tables(MarkdownDocument document) =>
        [.. document.Descendants<Table>().Select(t => t.OfType<TableRow>().Select(r => r.OfType<TableCell>().Select(c => Text(c)).ToList()).ToList())];

    /// <summary>What each paragraph shows, in order.</summary>
    public static List<string> Paragraphs(MarkdownDocument document) =>
        [.. document.Descendants<ParagraphBlock>().Where(p => p.Parent is MarkdownDocument).Select(p => Text(p))];

    /// <summary>The target of each bare address the renderer linked, in order.</summary>
    public static List<string> Links(MarkdownDocument document) =>
        [.. document.Descendants<LinkInline>().Where(l => l.IsAutoLink).Select(l => l.Url ?? "")];

    /// <summary>What each heading shows, in order.</summary>
    public static List<string> Headings(MarkdownDocument document) => [.. document.Descendants<HeadingBlock>().Select(h => Text(h))];
}
