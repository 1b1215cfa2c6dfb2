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
