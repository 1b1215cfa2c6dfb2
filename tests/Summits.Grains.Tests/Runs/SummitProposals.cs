using Summits.Scenarios;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>Scenarios of one proposal on the Abe–Trump summit's world, written to a temporary file and loaded as a user's would be.</summary>
internal static class SummitProposals
{
    /// <summary>
    /// Scenario <paramref name="id"/> (seed 7) on the summit's world, whose one step, of id <paramref name="step"/>, is the
    /// proposal <paramref name="propose"/> in the scenario file's flow form (<c>{ from: US, to: [JP], terms: { … } }</c>).
    /// The file is deleted once loaded.
    /// </summary>
    public static LoadedScenario Load(string id, string step, string propose)
    {
        var directory = Directory.CreateTempSubdirectory($"summits-{id}-");
        try
        {
            var file = Path.Combine(directory.FullName, $"{id}.yaml");
            File.WriteAllText(file, $"""
                format: 2
                scenario: {id}
                world: {SeedFiles.World}
                seed: 7
                steps:
                  - id: {step}
                    propose: {propose}
                """);
            return ScenarioFile.Load(file);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
