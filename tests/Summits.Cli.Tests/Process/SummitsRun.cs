namespace Summits.Cli.Tests;

/// <summary>What one run of <c>summits</c> left behind: its exit code and everything it wrote.</summary>
public sealed record SummitsRun(int ExitCode, string Output, string Error)
{
    public string[] ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Output}\nstderr:\n{Error}";
}
