using System.CommandLine;

namespace Summits.Cli.Tests;

/// <summary>The commands of a command line, walked from its root, for the tests that check every command or option.</summary>
internal static class CommandTree
{
    /// <summary>
    /// <paramref name="root"/> and every command under it, depth first, each with its path of names below the root (empty
    /// for the root itself: <c>["export", "ktab"]</c> for <c>summits export ktab</c>); hidden commands and those under
    /// them are left out when <paramref name="visibleOnly"/>.
    /// </summary>
    public static IEnumerable<(string[] Path, Command Command)> Of(Command root, bool visibleOnly = false) => Walk(root, [], visibleOnly);

    private static IEnumerable<(string[] Path, Command Command)> Walk(Command command, string[] path, bool visibleOnly)
    {
        yield return (path, command);
        foreach (var sub in command.Subcommands.Where(c => !visibleOnly || !c.Hidden))
            foreach (var found in Walk(sub, [.. path, sub.Name], visibleOnly))
                yield return found;
    }
}
