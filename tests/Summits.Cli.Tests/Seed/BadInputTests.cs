using Summits.Tests;

namespace Summits.Cli.Tests;

/// <summary>A user's mistake ends with exit code 2 and one line that says where and what, and nothing else.</summary>
public sealed class BadInputTests
{
    [Fact]
    public async Task A_broken_world_file_gives_one_line_naming_file_line_and_column_and_exit_code_2()
    {
        var folder = Directory.CreateTempSubdirectory("summits-broken-").FullName;
        var sourceName = Path.GetFileName(SeedFiles.Source);
        File.Copy(SeedFiles.Source, Path.Combine(folder, sourceName));
        var text = File.ReadAllText(SeedFiles.World)
            .Replace("source: ../sources/", "source: ", StringComparison.Ordinal)
            .Replace("  - actor: US\n    topic: north-korea\n", "  - actor: USA\n    topic: north-korea\n", StringComparison.Ordinal);
        var world = Path.Combine(folder, "broken.yaml");
        File.WriteAllText(world, text);
        var line = 1 + text.AsSpan(0, text.IndexOf("- actor: USA", StringComparison.Ordinal)).Count('\n');

        SummitsRun run;
        try
        {
            run = await SummitsProcess.RunAsync("seed", "--world", world);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        // 'USA' is one deletion from US, within the nearness allowed (at least 2 edits): named as the one meant.
        Assert.Equal($"{world}:{line}:12: unknown actor 'USA' (did you mean 'US'?); known actors: JP, US, CN and KP{Environment.NewLine}", run.Error);
    }

    [Fact]
    public async Task An_unknown_option_gives_exit_code_2_and_points_to_help()
    {
        var run = await SummitsProcess.RunAsync("seed", "--bogus");

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        var error = Assert.Single(run.ErrorLines);
        Assert.Contains("'--bogus'", error, StringComparison.Ordinal);
        Assert.Contains("see 'summits seed --help'", error, StringComparison.Ordinal);
    }
}
