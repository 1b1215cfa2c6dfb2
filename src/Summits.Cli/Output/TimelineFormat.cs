namespace Summits.Cli.Output;

/// <summary>How <c>summits run</c> prints its timeline: <c>--format table|csv|json</c>.</summary>
public enum TimelineFormat
{
    /// <summary>A table that fits the terminal, then the summary.</summary>
    Table = 0,

    /// <summary>One CSV row an event (RFC 4180, invariant-culture numbers), nothing else on standard output.</summary>
    Csv = 1,

    /// <summary>One JSON object an event, the lines of <c>timeline.jsonl</c>, nothing else on standard output.</summary>
    Json = 2,
}

/// <summary>Reads the <c>--format</c> option's value into a <see cref="TimelineFormat"/>.</summary>
public static class TimelineFormats
{
    /// <summary>
    /// <c>csv</c> → <see cref="TimelineFormat.Csv"/>, <c>json</c> → <see cref="TimelineFormat.Json"/>, anything else
    /// (<c>table</c>, or the option left out) → <see cref="TimelineFormat.Table"/>; the option's own choices have
    /// refused any other word before this is asked.
    /// </summary>
    public static TimelineFormat Of(string? value) => value switch
    {
        "csv" => TimelineFormat.Csv,
        "json" => TimelineFormat.Json,
        _ => TimelineFormat.Table,
    };
}
