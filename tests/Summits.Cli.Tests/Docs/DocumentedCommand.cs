namespace Summits.Cli.Tests;

/// <summary>
/// A <c>$ summits …</c> line in a fenced block of README.md or docs/, with the output quoted under it.
/// </summary>
/// <param name="Place">Where the command line is: <c>docs/whatif.md:114</c>.</param>
/// <param name="Arguments">The words after <c>summits</c>, with a trailing <c># comment</c> dropped.</param>
/// <param name="Quoted">The lines quoted under it, up to the next <c>$</c> line or the end of the block.</param>
/// <param name="Files">Files the document defines in <c>&lt;!-- file: PATH</c> comments, by path.</param>
public sealed record DocumentedCommand(string Place, string[] Arguments, string[] Quoted, IReadOnlyDictionary<string, string> Files)
{
    public string CommandLine => "summits " + string.Join(' ', Arguments);

    public override string ToString() => $"{Place}: {CommandLine}";
}
