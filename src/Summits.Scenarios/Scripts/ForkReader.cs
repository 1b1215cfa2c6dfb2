using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Reads a <c>fork</c> step: named alternatives, each a list of steps, that share every step
/// before the fork. A fork is the last step of a scenario and forks do not nest, so that each
/// branch is one straight script.
/// </summary>
public sealed partial class ForkReader(string file, World world)
{
    /// <summary>The steps before the fork, and the fork step itself if there is one.</summary>
    public (IReadOnlyList<YamlNode> Shared, YamlMappingNode? Fork) Split(IReadOnlyList<YamlNode> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (!IsFork(steps[i]))
                continue;
            if (i < steps.Count - 1)
                throw new InputException(YamlDocument.At(file, steps[i + 1]), "a fork is the last step of a scenario; move the steps after it into each branch");
            return ([.. steps.Take(i)], (YamlMappingNode)steps[i]);
        }
        return (steps, null);
    }

    /// <summary>
    /// Reads the fork step <paramref name="node"/> into its branches: each the <paramref name="shared"/> steps and then its
    /// own, made into a scenario by <paramref name="settings"/> as the scenario itself is.
    /// </summary>
    /// <exception cref="InputException">
    /// The fork or one of its branches is not of a fork's shape, a step of a branch is wrong (at its place), or the settings
    /// cannot run a branch (at its name; <see cref="ScenarioSettings.Unrunnable"/>).
    /// </exception>
    public ScenarioFork Read(YamlMappingNode node, IReadOnlyList<YamlNode> shared, ScenarioSettings settings)
    {
        var r = new MappingReader(file, node, "a fork step", ["fork"]);
        var pairs = r.Pairs("fork", $"a mapping of branch names to their steps, {Example}");
        r.RejectUnknownKeys();
        if (pairs.Count == 0)
            throw r.Fail(r.Required("fork"), $"'fork' names at least one branch with its steps, {Example}");
        var branches = ImmutableArray.CreateBuilder<ScenarioBranch>(pairs.Count);
        foreach (var (key, value) in pairs)
        {
            var name = key.Value ?? "";
            if (!Summits.Grains.WorldKey.IsId(name))
                throw r.Fail(key, $"a branch name must be {Summits.Grains.WorldKey.IdRule}, not '{name}'");
            if (value is not YamlSequenceNode { Children.Count: > 0 } list)
                throw r.Fail(value, $"the branch '{name}' must be a list of at least one step, for example '{name}: [{{ rounds: 5 }}]', not {FoundValue.Of(value)}");
            foreach (var step in list.Children.Where(IsFork))
                throw r.Fail(step, "forks do not nest; a branch is one list of steps");
            var steps = new StepReader(file, world).ReadAll([.. shared, .. list.Children]);
            if (settings.Unrunnable(steps, name) is { } why)
                throw r.Fail(key, why);
            branches.Add(new ScenarioBranch(name, settings.Script(steps, name)));
        }
        return new ScenarioFork(YamlDocument.At(file, node), branches.MoveToImmutable());
    }

    /// <summary>A fork's shape, as its errors show it.</summary>
    private const string Example = "for example 'fork: { press: [{ rounds: 5 }], wait: [{ rounds: 5 }] }'";

    private static bool IsFork(YamlNode node) =>
        node is YamlMappingNode mapping && mapping.Children.Keys.Any(k => k is YamlScalarNode { Value: "fork" });


}
