namespace Summits.Cli.Tests;

public sealed class WorldCommandsTests
{
    [Fact]
    public async Task Import_ktab_prints_the_world_that_is_shipped()
    {
        var (code, output, error) = await WorldCommandRunner.RunAsync("import", "ktab", "scenarios/worlds/ktab/dummyData_3Dim.csv", "--id", "dummy-3dim");

        Assert.Equal(ExitCodes.Ok, code);
        Assert.Equal("", error);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(WorldCommandRunner.Root, "scenarios/worlds/dummy-3dim.yaml")), output);
    }

    [Fact]
    public async Task Import_ktab_refuses_tables_with_different_actors_and_writes_nothing()
    {
        var target = Path.Combine(Path.GetTempPath(), $"summits-{Guid.NewGuid():N}.yaml");

        var (code, output, error) = await WorldCommandRunner.RunAsync("import", "ktab", "scenarios/worlds/ktab/SOE-Policy.csv", "scenarios/worlds/ktab/SOE-Competitive.csv", "--out", target);

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal("", output);
        Assert.StartsWith("scenarios/worlds/ktab/SOE-Competitive.csv:5:1: the tables do not name the same actors", error);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task Generate_prints_the_same_world_for_the_same_seed()
    {
        var first = await WorldCommandRunner.RunAsync("generate", "--actors", "12", "--topics", "3", "--seed", "99");
        var second = await WorldCommandRunner.RunAsync("generate", "--actors", "12", "--topics", "3", "--seed", "99");

        Assert.Equal(ExitCodes.Ok, first.ExitCode);
        Assert.StartsWith("format: 2\nworld: generated-12x3-seed-99\n", first.Output);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Generate_takes_every_seed_run_takes()
    {
        // run --seed and generate --seed take one range, 0 to 2^64 − 1: the largest, 18446744073709551615, past the
        // signed range generate took before (to 2^63 − 1), makes a world, named after it.
        var largest = await WorldCommandRunner.RunAsync("generate", "--actors", "2", "--topics", "1", "--seed", "18446744073709551615");

        Assert.Equal(ExitCodes.Ok, largest.ExitCode);
        Assert.StartsWith("format: 2\nworld: generated-2x1-seed-18446744073709551615\n", largest.Output);
        // The help says the range, as run's help does.
        var help = await WorldCommandRunner.RunAsync("generate", "--help");
        Assert.Contains("The seed, 0 to 18446744073709551615;", System.Text.RegularExpressions.Regex.Replace(help.Output, @"\s+", " "), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--actors", "1", "--topics", "3", "--actors must be a whole number from 2 to 5000, not 1")]
    [InlineData("--actors", "3", "--topics", "1001", "--topics must be a whole number from 1 to 1000, not 1001")]
    public async Task Generate_refuses_sizes_out_of_range(string a, string actors, string t, string topics, string expected)
    {
        var (code, _, error) = await WorldCommandRunner.RunAsync("generate", a, actors, t, topics, "--seed", "1");

        Assert.Equal(ExitCodes.BadInput, code);
        Assert.Equal($"summits generate: error: {expected} (see 'summits generate --help')\n", error);
    }

    [Fact]
    public async Task Seed_draft_counts_one_of_each_in_the_singular()
    {
        var folder = Directory.CreateTempSubdirectory("summits-draft-one-").FullName;
        try
        {
            var readout = Path.Combine(folder, "readout.txt");
            var draft = Path.Combine(folder, "draft.yaml");
            // Line 1 is a heading (no '.', '!' or '?' at its end): the one line not drafted. Line 2 is one
            // statement by Abe, on one subject (North Korea): one candidate topic.
            File.WriteAllText(readout, "Opening remarks\nAbe: Japan will keep up maximum pressure on North Korea.\n");

            var made = await WorldCommandRunner.RunAsync("seed", "draft", readout, "--out", draft);

            Assert.Equal(ExitCodes.Ok, made.ExitCode);
            // Where the draft went is said on standard error, after the notes, as every command says where it wrote.
            Assert.Equal("", made.Output);
            Assert.StartsWith($"wrote {draft}: 1 statement by Abe in 1 candidate topic, 1 line or sentence not drafted;", made.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Seed_draft_writes_a_draft_that_seed_then_refuses()
    {
        var folder = Directory.CreateTempSubdirectory("summits-draft-").FullName;
        try
        {
            var draft = Path.Combine(folder, "draft.yaml");

            var made = await WorldCommandRunner.RunAsync("seed", "draft", "scenarios/sources/abe-trump-summit-2017-11-06.txt", "--out", draft);
            var seeded = await WorldCommandRunner.RunAsync("seed", "--world", draft);

            Assert.Equal(ExitCodes.Ok, made.ExitCode);
            // 9 speaker lines give 12 sentences (a sentence never ends on "U.S.", so the procurement line has two),
            // the Japanese side's (Abe's) two-sentence reply on line 64 gives 2, 7 joint lines give 12, and one
            // sentence says what was not discussed: 27. Of the 12 joint sentences, 10 fall on a topic where Abe or
            // Trump also speaks alone (line 18's two on defence and North Korea, line 30's two on China, 44 and 47
            // on defence, 55 and line 58's three on trade): they go to the topics defence-alliance-joint,
            // north-korea-joint, china-joint and trade-economy-joint as both leaders', so all 27 are drafted. Not
            // drafted: lines 1, 4, 6 and 9 and the three bullets: 7. Topics: the 8 subjects, the not-discussed trade
            // topic, one each for the two sentences with no subject's word (line 24's "We welcome your action." and
            // the second sentence of line 64's reply) and the 4 joint topics: 15.
            Assert.Equal("", made.Output);
            Assert.StartsWith($"wrote {draft}: 27 statements by Abe and Trump in 15 candidate topics, 7 lines or sentences not drafted", made.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
            var notDrafted = made.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.Contains(": not drafted: ", StringComparison.Ordinal)).ToArray();
            Assert.Equal(7, notDrafted.Length);
            Assert.Equal(10, made.Error.Split('\n').Count(l => l.Contains(": joint, on a topic of its own: ", StringComparison.Ordinal)));
            Assert.Equal("scenarios/sources/abe-trump-summit-2017-11-06.txt:9:1: not drafted: \"Opening remarks\": not a sentence (no '.', '!' or '?' at its end): a title, heading or label", notDrafted[3]);
            Assert.StartsWith("format: 2\ndraft: true\n", string.Join('\n', File.ReadLines(draft).SkipWhile(l => l.StartsWith('#'))) + "\n");
            Assert.Equal(ExitCodes.BadInput, seeded.ExitCode);
            // 2 capabilities, 15 scales, and a value and a salience for each of 24 positions: north-korea Abe;
            // trade-economy Abe and Trump; bilateral-relations Trump; defence-alliance Abe; unassigned-1 Trump;
            // china Abe and Trump; maritime-order and indo-pacific both actors each (joint); united-nations
            // Trump; the not-discussed trade topic both actors; unassigned-2 Abe (16); and both actors on each of
            // the 4 joint topics (8): 2 + 15 + 48 = 65.
            Assert.StartsWith($"{draft}:13:5: draft world: 65 entries still to fill in: Abe capability (line 13)", seeded.Error);
            // The places docs/worlds.md quotes: the first topic's scale (line 23, after 9 header lines, 'actors:'
            // and two actors of 4 lines, a blank and 'topics:'), and Abe's first position (line 55: the 15 topics
            // take 30 lines from line 23, then a blank and 'positions:').
            Assert.Contains("north-korea scale (line 23)", seeded.Error);
            Assert.Contains("Abe north-korea value (line 55), Abe north-korea salience (line 55)", seeded.Error);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task Seed_draft_of_a_missing_briefing_is_bad_input()
    {
        var (code, _, error) = await WorldCommandRunner.RunAsync("seed", "draft", "no-such-briefing.txt");

        Assert.Equal(ExitCodes.BadInput, code);
        // Run from the repository's root, which holds no .txt file: the line names the three shipped briefings.
        Assert.Equal($"summits seed draft: error: no such file: no-such-briefing.txt; the shipped briefings: {ShippedFileLists.ShippedBriefings} (see 'summits seed draft --help')\n", error);
    }

    /// <summary>The output with each line the width of the output wrapped (its continuations start with four spaces) joined again.</summary>
    private static string Unwrapped(string output) => output.ReplaceLineEndings("\n").Replace("\n    ", " ", StringComparison.Ordinal);
}
