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
    public async Task The_root_help_names_both_models_SMP_among_them_and_how_to_run_it()
    {
        var run = await SummitsProcess.RunAsync("--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        // The help wraps to the terminal's width: read it with its white space folded.
        var help = string.Join(' ', run.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("with two models: bargaining (what can the parties agree?) and SMP, KTAB's spatial model of politics", help, StringComparison.Ordinal);
        Assert.Contains("(run --world FILE --model smp: where will the positions converge?)", help, StringComparison.Ordinal);
        Assert.Contains("run <scenario> Run a scenario, or a world with --world, in the bargaining model (proposals, shocks and rounds) or in SMP, KTAB's spatial model (--model smp)", help, StringComparison.Ordinal);
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

    [Fact]
    public async Task The_run_help_shows_no_fixed_engine_default_and_says_which_model_runs_where()
    {
        var run = await SummitsProcess.RunAsync("run", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        // run's engine follows the model (grains for bargaining, local for the spatial model), so a single
        // "[default: grains]" would be wrong for one of them: the help shows none for --engine, and its
        // sentence names both. The help wraps, so it is read with its whitespace folded.
        var help = System.Text.RegularExpressions.Regex.Replace(run.Output, @"\s+", " ");
        var engine = help[help.IndexOf("--engine <grains|local>", StringComparison.Ordinal)..];
        engine = engine[..engine.IndexOf(" -", 10, StringComparison.Ordinal)];
        Assert.DoesNotContain("[default:", engine, StringComparison.Ordinal);
        Assert.Contains("the bargaining model runs in grains and the spatial model", engine, StringComparison.Ordinal);
        Assert.DoesNotContain("--json", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("--csv", run.Output, StringComparison.Ordinal);
    }
}
