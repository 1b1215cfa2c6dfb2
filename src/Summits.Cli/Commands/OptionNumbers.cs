using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Summits.Cli.Commands;

/// <summary>
/// The whole numbers an option takes, from its least to its greatest value. Every option whose value is a number
/// registers here (<see cref="Whole(Option{int}, int, int)"/> and its overloads), and so reads its value the one
/// way: a value that is not a whole number and a value outside the range are both refused while the command line
/// is read, in the same words, <c>--rounds must be a whole number from 1 to 100000, not 'x'</c> (a number is
/// shown as written, without quotes: <c>not 0</c>). Being the option's own error, it is said before any error of
/// the command as a whole, such as an option that does not apply (<see cref="CommonOptions.RefuseUnless"/>), and
/// after an argument the command requires left out (<c>whatif --runs 0</c> names the missing scenario), unless the
/// value refused looks like the file left out (<c>whatif --runs scenario.yaml</c>: <see cref="UsageError.Of(System.CommandLine.ParseResult)"/>).
/// </summary>
public static class OptionNumbers
{
    private static readonly ConditionalWeakTable<Option, Bounds> Ranges = [];

    /// <summary>The least and greatest value an option takes, both included.</summary>
    private sealed record Bounds(BigInteger Least, BigInteger Greatest);

    /// <summary>Makes <paramref name="option"/> take a whole number from <paramref name="least"/> to <paramref name="greatest"/>; returns it.</summary>
    public static Option<int> Whole(Option<int> option, int least, int greatest)
    {
        Ranges.AddOrUpdate(option, new Bounds(least, greatest));
        option.CustomParser = result => Read(result, option) is { } value ? (int)value : default;
        return option;
    }

    /// <summary>As <see cref="Whole(Option{int}, int, int)"/>, for an option that may be left out (its value is then null).</summary>
    public static Option<int?> Whole(Option<int?> option, int least, int greatest)
    {
        Ranges.AddOrUpdate(option, new Bounds(least, greatest));
        option.CustomParser = result => Read(result, option) is { } value ? (int)value : null;
        return option;
    }

    /// <summary>As <see cref="Whole(Option{int}, int, int)"/>, for a 64-bit value.</summary>
    public static Option<long> Whole(Option<long> option, long least, long greatest)
    {
        Ranges.AddOrUpdate(option, new Bounds(least, greatest));
        option.CustomParser = result => Read(result, option) is { } value ? (long)value : default;
        return option;
    }

    /// <summary>
    /// As <see cref="Whole(Option{int}, int, int)"/>, for an option whose value the command keeps as the text written
    /// (a seed that overrides a file's only when given); the text is checked here and then read with
    /// <see cref="ulong.Parse(string, IFormatProvider)"/> or its kind.
    /// </summary>
    public static Option<string?> Whole(Option<string?> option, BigInteger least, BigInteger greatest)
    {
        Ranges.AddOrUpdate(option, new Bounds(least, greatest));
        option.CustomParser = result => Read(result, option) is { } value ? value.ToString(CultureInfo.InvariantCulture) : null;
        return option;
    }

    /// <summary>
    /// What the option takes, as its errors say it: <c>a whole number from 1 to 1000</c>; null for an option that
    /// takes no number.
    /// </summary>
    public static string? Of(Option option) =>
        Ranges.TryGetValue(option, out var bounds) ? $"a whole number from {bounds.Least.ToString(CultureInfo.InvariantCulture)} to {bounds.Greatest.ToString(CultureInfo.InvariantCulture)}" : null;

    /// <summary>The one line that refuses <paramref name="written"/> for <paramref name="option"/>: <c>--rounds must be a whole number from 1 to 100000, not 'x'</c>.</summary>
    public static string Refusal(Option option, string written) =>
        $"{option.Name} must be {Of(option)}, not {(IsWhole(written, out _) ? written : $"'{written}'")}";

    /// <summary>The value written for the option when it is a whole number within its range; otherwise adds the option's one error and returns null.</summary>
    private static BigInteger? Read(ArgumentResult result, Option option)
    {
        if (result.Tokens.Count == 0)
            return null;
        var written = result.Tokens[^1].Value;
        var bounds = Ranges.TryGetValue(option, out var b) ? b : throw new InvalidOperationException($"{option.Name} has no range");
        if (IsWhole(written, out var value) && value >= bounds.Least && value <= bounds.Greatest)
            return value;
        result.AddError(Refusal(option, written));
        return null;
    }

    /// <summary>Whether <paramref name="text"/> is a whole number in decimal digits, with an optional leading sign and nothing else.</summary>
    private static bool IsWhole(string text, out BigInteger value) =>
        BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
