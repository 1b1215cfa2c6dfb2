namespace Summits.Scenarios.Tests;

/// <summary>
/// A mistake in the world a scenario names: said at its place in the world file, the path written without '..', and
/// with the scenario line that named the world; and a scenario with a mistake of its own says that one first.
/// </summary>
public sealed class ScenarioWorldErrorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("summits-world-error-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A world of one actor whose capability, 7, is past its 0..1: line 5, and "    - { id: A, name: Alpha, capability: " is 40 characters.</summary>
    private const string BrokenWorld = "format: 2\nworld: broken\ntitle: A world with a mistake\nactors:\n    - { id: A, name: Alpha, capability: 7 }\n"
        + "topics:\n    - { id: t, title: T, scale: { low: a, middle: b, high: c } }\n";

    /// <summary>Writes the world into summits/w.yaml and the scenario into what-if/s.yaml, returning the scenario's path.</summary>
    private string Write(string world, string scenario)
    {
        Directory.CreateDirectory(Path.Combine(_root, "summits"));
        Directory.CreateDirectory(Path.Combine(_root, "what-if"));
        File.WriteAllText(Path.Combine(_root, "summits", "w.yaml"), world);
        var path = Path.Combine(_root, "what-if", "s.yaml");
        File.WriteAllText(path, scenario);
        return path;
    }

    [Fact]
    public void A_world_s_mistake_is_said_at_its_normalized_path_naming_the_scenario_line_that_points_to_it()
    {
        // Line 2 of the scenario is "world: ../summits/w.yaml": the name starts at column 8 ('world: ' is 7 characters).
        var scenario = Write(BrokenWorld, "scenario: s\nworld: ../summits/w.yaml\nsteps:\n  - rounds: 1\n");
        var error = Assert.Throws<InputException>(() => ScenarioFile.Load(scenario));
        // what-if/../summits/w.yaml is summits/w.yaml under the same root, written without the '..'.
        Assert.Equal(Path.Combine(_root, "summits", "w.yaml"), error.Position.File);
        Assert.Equal((5, 41), (error.Position.Line, error.Position.Column));
        Assert.Equal($"'capability' must be a number from 0 to 1, not 7; in world ../summits/w.yaml (from scenario {scenario}:2:8)", error.Problem);
    }

    [Theory]
    // The seed's mistake, on line 5, after the steps: said, though the world is wrong too.
    [InlineData("scenario: s\nworld: ../summits/w.yaml\nsteps:\n  - rounds: 1\nseed: x\n", 5, 7, "'seed' must be a whole number from 0 to 18446744073709551615, not 'x'")]
    // An unknown key of the scenario's, 'stpes' ('steps' with two letters swapped), at 3:1.
    [InlineData("scenario: s\nworld: ../summits/w.yaml\nstpes: []\nsteps:\n  - rounds: 1\n", 3, 1, "unknown key 'stpes' in the scenario")]
    public void A_scenario_s_own_mistake_is_said_before_its_world_s(string text, int line, int column, string problem)
    {
        var scenario = Write(BrokenWorld, text);
        var error = Assert.Throws<InputException>(() => ScenarioFile.Load(scenario));
        Assert.Equal(scenario, error.Position.File);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
        Assert.StartsWith(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scenario_s_own_mistake_is_said_before_a_missing_world()
    {
        // The world file is not there, and the seed, after it in the file, is wrong: the seed, the scenario's own key, at 3:7.
        var scenario = Write(BrokenWorld, "scenario: s\nworld: ../summits/none.yaml\nseed: x\nsteps:\n  - rounds: 1\n");
        var error = Assert.Throws<InputException>(() => ScenarioFile.Load(scenario));
        Assert.Equal((scenario, 3, 7), (error.Position.File, error.Position.Line, error.Position.Column));
    }

    [Theory]
    // A relative path is shown relative to the current folder, its '..' taken away: a/b/../c/w.yaml is a/c/w.yaml.
    [InlineData("a/b/s.yaml", "../c/w.yaml", "a/c/w.yaml")]
    [InlineData("a/b/s.yaml", "./w.yaml", "a/b/w.yaml")]
    [InlineData("s.yaml", "w.yaml", "w.yaml")]
    public void A_named_file_s_path_is_normalized_relative_to_the_current_folder(string referrer, string name, string shown)
    {
        Assert.Equal(shown.Replace('/', Path.DirectorySeparatorChar), InputFile.Named(referrer, name));
    }

    [Fact]
    public void A_named_file_of_an_absolute_referrer_is_absolute_and_normalized()
    {
        // /root/what-if/s.yaml naming ../summits/w.yaml: /root/summits/w.yaml.
        Assert.Equal(Path.Combine(_root, "summits", "w.yaml"), InputFile.Named(Path.Combine(_root, "what-if", "s.yaml"), "../summits/w.yaml"));
    }

    [Fact]
    public void A_named_file_that_is_absolute_under_a_relative_referrer_is_shown_whole()
    {
        // a/b/s.yaml naming /root/summits/w.yaml: the name is absolute, so it is shown as written, not as ../../root/...
        var world = Path.Combine(_root, "summits", "w.yaml");
        Assert.Equal(world, InputFile.Named(Path.Combine("a", "b", "s.yaml"), world));
    }

    [Fact]
    public void A_world_named_past_a_symlinked_scenario_folder_is_the_one_the_system_opens()
    {
        // root/link is a symbolic link to root/real/what-if. The scenario root/link/s.yaml names ../summits/w.yaml: the
        // system follows root/link to root/real/what-if, then '..' is root/real, so it opens root/real/summits/w.yaml
        // (the broken world). The same text with '..' resolved first, root/summits/w.yaml, is a good world: a scenario
        // that read it would load without error. (.NET opens a path with its '..' resolved as text, so the path must be
        // resolved as the system does before it is opened.)
        Directory.CreateDirectory(Path.Combine(_root, "real", "what-if"));
        Directory.CreateDirectory(Path.Combine(_root, "real", "summits"));
        Directory.CreateDirectory(Path.Combine(_root, "summits"));
        File.WriteAllText(Path.Combine(_root, "real", "summits", "w.yaml"), BrokenWorld);
        File.WriteAllText(Path.Combine(_root, "summits", "w.yaml"), BrokenWorld.Replace("capability: 7", "capability: 0.7", StringComparison.Ordinal));
        Directory.CreateSymbolicLink(Path.Combine(_root, "link"), Path.Combine(_root, "real", "what-if"));
        var scenario = Path.Combine(_root, "link", "s.yaml");
        File.WriteAllText(scenario, "scenario: s\nworld: ../summits/w.yaml\nsteps:\n  - rounds: 1\n");

        var read = Path.Combine(_root, "real", "summits", "w.yaml");
        Assert.Equal(read, InputFile.Named(scenario, "../summits/w.yaml"));
        var error = Assert.Throws<InputException>(() => ScenarioFile.Load(scenario));
        // The broken world's mistake (5:41, as in the first test), shown at the path of the file read.
        Assert.Equal((read, 5, 41), (error.Position.File, error.Position.Line, error.Position.Column));
        Assert.StartsWith("'capability' must be a number from 0 to 1, not 7", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_world_named_within_a_symlinked_folder_without_backing_out_of_it_is_shown_normalized()
    {
        // root/link -> root/real; root/link/what-if/s.yaml naming ./w.yaml backs out of no folder, so the shown path is
        // root/link/what-if/w.yaml ('./' taken away), which the system opens as root/real/what-if/w.yaml.
        Directory.CreateDirectory(Path.Combine(_root, "real", "what-if"));
        Directory.CreateSymbolicLink(Path.Combine(_root, "link"), Path.Combine(_root, "real"));
        Assert.Equal(Path.Combine(_root, "link", "what-if", "w.yaml"), InputFile.Named(Path.Combine(_root, "link", "what-if", "s.yaml"), "./w.yaml"));
    }
}
