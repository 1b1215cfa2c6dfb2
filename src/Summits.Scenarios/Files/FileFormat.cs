using System.Globalization;

namespace Summits.Scenarios;

/// <summary>
/// The format version of world and scenario files, under the top-level key <c>format</c>. A file without
/// it is format 1, written before the negotiation model of format 2; it loads with a note of what changed
/// in its meaning, or, where the model now needs something format 1 did not say, is refused with a
/// pointer to <c>summits migrate</c>, which rewrites it.
/// </summary>
public static class FileFormat
{
    /// <summary>The format this Summits writes and reads without a note.</summary>
    public const int Current = 2;

    public const string Key = "format";

    /// <summary>What format 2 changed in the meaning of a world file written for format 1, in one line.</summary>
    public const string WorldChanges =
        "strategies now concede toward each actor's reservation value (by default the edge of its window) and accept only terms at least as good as their own next offer, " +
        "'risk' is now called 'curvature', 'tit-for-tat' is now 'relative-tit-for-tat' and mirrors what the other side actually conceded, " +
        "and every quote must stand on a line of its position's speaker";

    /// <summary>What format 2 changed in the meaning of a scenario file written for format 1, in one line.</summary>
    public const string ScenarioChanges =
        "its steps run under the format 2 model: offers concede toward reservation values, acceptance compares terms with the actor's own next offer, " +
        "a proposal moves its recipients once, not each round it is renewed, and in actor overrides and 'vary' 'risk' is now called 'curvature' and 'tit-for-tat' is now 'relative-tit-for-tat'";

    /// <summary>The file's format: 1 when it names none.</summary>
    /// <exception cref="InputException">The format is not a whole number from 1 to <see cref="Current"/>.</exception>
    public static int Read(MappingReader root, string what)
    {
        if (root.Optional(Key) is not { } node)
            return 1;
        var text = root.Scalar(node, Key, $"a whole number, 1 to {Current}");
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var format) || format < 1)
            throw root.Fail(node, $"'{Key}' must be a whole number, 1 to {Current}, not '{text}'");
        if (format > Current)
            throw root.Fail(node, $"this {what} is written in format {format}, newer than this Summits reads (format {Current}); use a newer Summits");
        return format;
    }

    /// <summary>The note a format-1 file loads with: what changed, and how to make the note go away; the file as the person named it (<see cref="InputPath.Said"/>).</summary>
    public static string Note(string path, string changes) =>
        $"note: {InputPath.Said(path)} is format 1 (it has no 'format: {Current}'); in format {Current} {changes}; 'summits migrate {InputPath.Said(path)}' marks it format {Current}";

    /// <summary>The error for a format-1 file that cannot load without being rewritten; the file as the person named it (<see cref="InputPath.Said"/>).</summary>
    public static string NeedsMigration(string path, string what) =>
        $"this file is format 1 (it has no 'format: {Current}'), and {what}; run 'summits migrate {InputPath.Said(path)}' to rewrite it in format {Current}";
}
