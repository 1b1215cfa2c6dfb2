namespace Summits.Cli.Tests;

/// <summary>One run of <c>summits seed</c> and one of <c>summits seed --format json</c>, shared by the tests that read them: each starts a silo.</summary>
public sealed class SeedRuns
{
    private readonly Lazy<Task<SummitsRun>> _text = new(() => SummitsProcess.RunAsync("seed"));
    private readonly Lazy<Task<SummitsRun>> _json = new(() => SummitsProcess.RunAsync("seed", "--format", "json"));

    internal Task<SummitsRun> Text => _text.Value;

    internal Task<SummitsRun> Json => _json.Value;
}
