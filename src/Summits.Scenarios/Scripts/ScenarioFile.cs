using System.Collections.Immutable;
using System.Globalization;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Loads a scenario file: the world it names, the seed, model parameters, overrides of the world,
/// and the steps. Every mistake is reported as one line with file, line and column, and a file
/// with a mistake runs nothing.
/// </summary>
public static class ScenarioFile
{
    public static LoadedScenario Load(string path, ulong? seedOverride = null)
    {
        if (!File.Exists(path))
            throw new InputException(new FilePosition(path, 1, 1), InputFile.NotThere(path, "scenario file"));
        return Parse(path, InputFile.ReadText(path, path, "scenario file", InputFile.YamlLimit, problem => new InputException(new FilePosition(path, 1, 1), problem)), seedOverride);
    }

    /// <summary>Every key of a scenario file's top level, in the order docs/scenarios.md lists them.</summary>
    public static readonly string[] Keys = [FileFormat.Key, "scenario", "about", "world", "seed", "model", "actors", "topics", "positions", "steps", "vary"];

    public static LoadedScenario Parse(string path, string text, ulong? seedOverride = null)
    {
        var root = new MappingReader(path, YamlDocument.LoadMapping(path, text, expected: FileKind.Scenario), "the scenario", Keys, identifiedBy: "scenario");
        var format = FileFormat.Read(root, "scenario");
        var id = root.String("scenario", Summits.Grains.WorldKey.IdRule);
        if (id.Trim().Length == 0)
            throw root.Fail(root.Required("scenario"), "'scenario' must name the scenario, for example 'baseline'");
        if (!Summits.Grains.WorldKey.IsId(id))
            throw root.Fail(root.Required("scenario"), $"'scenario' must be {Summits.Grains.WorldKey.IdRule}, not '{id}'");
        var about = root.OptionalString("about") ?? "";
        var worldName = root.String("world", WorldName);
        var worldPath = InputFile.Named(path, worldName);
        var worldNode = root.Required("world");
        var seed = root.Has("seed") ? Seed(root) : 0UL;
        // 'model: smp' runs the autonomous steps through KTAB's spatial model; a mapping sets the bargaining model's parameters.
        var model = root.Has("model") && root.Required("model") is YamlScalarNode ? ModelName(root) : ForecastModel.Bargaining;
        var parameters = root.Has("model") && !(root.Required("model") is YamlScalarNode)
            ? Parameters(new MappingReader(path, root.Required("model"), "the model parameters", ParameterKeys)) : ModelParameters.Default;
        var actorNodes = root.OptionalList("actors");
        var topicNodes = root.OptionalList("topics");
        var positionNodes = root.OptionalList("positions");
        var stepNodes = root.List("steps");
        var varyNodes = root.OptionalList("vary");
        root.RejectUnknownKeys();

        // The scenario's own keys are all checked above, before its world is read: a mistake in them is said even when
        // the world is wrong too. Its overrides and steps name the world's actors and topics, so they are checked below.
        if (InputFile.SameFile(worldPath, path))
            throw root.Fail(worldNode, $"the world file '{worldName}' is this scenario file itself; name the world file the scenario runs on");
        if (InputFile.Problem(worldPath, worldName, "world file", InputFile.YamlLimit, path) is { } worldProblem)
            throw root.Fail(worldNode, worldProblem);
        var world = WorldFile.Load(worldPath, worldName, problem => root.Fail(worldNode, problem), "scenario");
        world = WorldOverrides.Apply(path, world, actorNodes, topicNodes, positionNodes, id, format);
        var forks = new ForkReader(path, world);
        var (shared, fork) = forks.Split(stepNodes);
        var steps = new StepReader(path, world).ReadAll(shared);
        if (model == ForecastModel.Smp)
            SmpCheck.Table(worldPath, world);
        // The scenario and each of its branches are made from the same settings, so that a branch runs the model,
        // seed and parameters the file says, as the scenario without its fork would.
        var settings = new ScenarioSettings(id, about, seedOverride ?? seed, model, world.ParametersFor(parameters));
        // A forked scenario's own steps never run alone: each branch is checked as the fork is read.
        if (fork is null && settings.Unrunnable(steps) is { } why)
            throw root.Fail(root.Required("model"), why);
        var scenario = settings.Script(steps);
        if (format < FileFormat.Current)
            FormatNotes.Say(FileFormat.Note(path, FileFormat.ScenarioChanges));
        return new LoadedScenario(path, worldPath, scenario, world)
        {
            Vary = new VaryReader(path, world, format).ReadAll(varyNodes),
            Fork = fork is null ? null : forks.Read(fork, shared, settings),
        };
    }

    /// <summary>What a file's 'world' must be, as its errors say it.</summary>
    public const string WorldName = "the world file's path, relative to this file's folder";

    private static ForecastModel ModelName(MappingReader root)
    {
        var node = root.Required("model");
        return root.Scalar(node, "model") switch
        {
            "smp" => ForecastModel.Smp,
            "bargaining" => ForecastModel.Bargaining,
            var other => throw root.Fail(node, $"'model' must be smp (KTAB's spatial model of politics), bargaining or a mapping of the bargaining model's parameters, not '{other}'{Closest.DidYouMean(other, ["smp", "bargaining"])}"),
        };
    }

    private static ulong Seed(MappingReader root)
    {
        var node = root.Required("seed");
        var text = root.Scalar(node, "seed", SeedExpected);
        return ulong.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed)
            ? seed
            : throw root.Fail(node, $"'seed' must be {SeedExpected}, not '{text}'");
    }

    /// <summary>What a file's 'seed' must be, as its errors say it.</summary>
    public static readonly string SeedExpected = $"a whole number from 0 to {ulong.MaxValue}";

    /// <summary>The bargaining model's parameters a scenario's <c>model</c> mapping may set.</summary>
    private static readonly string[] ParameterKeys = ["influence-rate", "window-min", "window-span", "breach-factor", "convergence",
        "boulware-exponent", "conceder-exponent", "initial-concession", "opening-concession", "acceptance-time"];

    private static ModelParameters Parameters(MappingReader r)
    {
        var d = ModelParameters.Default;
        var parameters = new ModelParameters(
            r.OptionalNumber("influence-rate", 0, 1) ?? d.InfluenceRate,
            r.OptionalNumber("window-min", 0, 100) ?? d.WindowMin,
            r.OptionalNumber("window-span", 0, 100) ?? d.WindowSpan,
            r.OptionalNumber("breach-factor", 1, 10) ?? d.BreachFactor,
            r.OptionalNumber("convergence", 0, 10) ?? d.Convergence,
            r.OptionalNumber("boulware-exponent", 0.01, 1) ?? d.BoulwareExponent,
            r.OptionalNumber("conceder-exponent", 1, 100) ?? d.ConcederExponent,
            r.OptionalNumber("initial-concession", 0, 1) ?? d.InitialConcession,
            r.OptionalNumber("opening-concession", 0, 1) ?? d.OpeningConcession,
            r.OptionalNumber("acceptance-time", 0, 1) ?? d.AcceptanceTime);
        r.RejectUnknownKeys();
        return parameters;
    }
}
