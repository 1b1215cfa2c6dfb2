namespace Summits.Cli.Output;

/// <summary>How much a command prints, named as the dotnet CLI names its levels: <c>-v q|m|n|d|diag</c>.</summary>
public enum Verbosity
{
    /// <summary>Nothing but errors, and for <c>run</c> the expectations that failed.</summary>
    Quiet = 0,

    /// <summary>The results without the detail: for <c>run</c>, the summary without the timeline (what <c>-q</c> gives).</summary>
    Minimal = 1,

    /// <summary>The default.</summary>
    Normal = 2,

    /// <summary>Accepted for the dotnet CLI's sake; prints as <see cref="Normal"/>.</summary>
    Detailed = 3,

    /// <summary>Accepted for the dotnet CLI's sake; prints as <see cref="Normal"/>.</summary>
    Diagnostic = 4,
}
