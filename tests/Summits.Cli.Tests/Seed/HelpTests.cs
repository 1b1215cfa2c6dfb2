namespace Summits.Cli.Tests;

public sealed class HelpTests
{
    [Fact]
    public async Task The_root_help_lists_the_seed_command()
    {
        var run = await SummitsProcess.RunAsync("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("summits [command] [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains("\n  seed ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_seed_help_lists_its_options()
    {
        var run = await SummitsProcess.RunAsync("seed", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("summits seed [command] [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains("draft", run.Output, StringComparison.Ordinal);
        Assert.Contains("--world <FILE>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--format <table|csv|json>", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--json", run.Output, StringComparison.Ordinal);
    }
}
