using System.Globalization;
using Summits.Model;
using Summits.Scenarios;

namespace Summits.Cli.Output;

/// <summary>Prints timeline events as aligned lines: step, round, actor, event, topic, value before → after, cause, why.</summary>
public static class TimelineText
{
    public static void WriteHeader(TextWriter output) =>
        output.WriteLine($"{"step",-14} {"rnd",3} {"actor",-6} {"event",-20} {"topic",-24} {"before → after",-15} {"cause",-22} why");

    public static void Write(TextWriter output, TimelineEvent e)
    {
        var values = (e.Before, e.After) switch
        {
            ({ } b, { } a) when N(b) == N(a) => $"{b.ToString("0.####", CultureInfo.InvariantCulture)} → {a.ToString("0.####", CultureInfo.InvariantCulture)}",
            ({ } b, { } a) => $"{N(b)} → {N(a)}",
            (null, { } a) => $"→ {N(a)}",
            _ => "",
        };
        var why = e.Why ?? "";
        if (e.Terms is { IsDefaultOrEmpty: false } terms)
            why = $"{string.Join(", ", terms.Select(t => $"{t.Topic}={N(t.Value)}"))}; {why}";
        output.WriteLine($"{Cut(e.Step, 14),-14} {(e.Round?.ToString(CultureInfo.InvariantCulture) ?? ""),3} {e.Actor ?? "",-6} {KebabCase.Of(e.Kind),-20} {Cut(e.Topic ?? "", 24),-24} {values,-15} {Cut(e.Cause, 22),-22} {why}");
    }

    public static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
