using Summits.Model;
using Summits.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Summits.Classroom;

/// <summary>
/// A shock the facilitator writes on the page rather than picks from the exercise: what happens, and whose position
/// moves on which topic by how much, each as the page's fields hold it (text). It is read as an exercise file's inject
/// with that one change (<see cref="ExerciseFile.ParseInject"/>), so that it is checked, and refused, in the file's words.
/// </summary>
/// <param name="Reason">What happens, in a sentence: the shock's <c>reason</c>.</param>
/// <param name="Country">The actor whose position moves: the change's <c>position</c>.</param>
/// <param name="Topic">The topic it moves on: the change's <c>topic</c>.</param>
/// <param name="By">How far it moves on the topic's 0–100 scale, negative toward 0: the change's <c>by</c>.</param>
[GenerateSerializer, Immutable, Alias("summits.classroom-new-shock")]
public sealed record NewShock([Id(0)] string Reason, [Id(1)] string Country, [Id(2)] string Topic, [Id(3)] string By)
{
    /// <summary>What follows a new shock's step id in the debrief, to tell it from the exercise's own.</summary>
    public const string Written = " (written by the facilitator)";

    /// <summary>
    /// The shock as the step <c>inject-{number}</c> of <paramref name="exercise"/>'s play: the inject
    /// <c>{ round: 1, shock: { reason, changes: [ { position, topic, by } ] } }</c> read as an exercise file's.
    /// </summary>
    /// <exception cref="InputException">
    /// The shock says nothing under What happens (an empty or white-space reason), moves a country that is not one of the exercise's roles, or a topic not on its table (the only
    /// choices the page offers, which <see cref="InputException.Problem"/> lists), or is not one an exercise file could
    /// hold (said in the file's words).
    /// </exception>
    public ShockStep Read(Exercise exercise, int number)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        // Checked against the page's own choices first, so that the refusal lists those and never advises what only a
        // file could give (a position with its salience for a country that holds none).
        var countries = exercise.Roles.Select(r => r.Actor).ToList();
        if (!countries.Contains(Country ?? "", StringComparer.Ordinal))
            throw Refused($"whose position moves must be one of the exercise's countries, {Listed.Or(countries)}, {Given(Country)}");
        if (!exercise.Topics.Contains(Topic ?? "", StringComparer.Ordinal))
            throw Refused($"the topic must be one on the table, {Listed.Or(exercise.Topics)}, {Given(Topic)}");
        if (string.IsNullOrWhiteSpace(Reason))
            throw Refused("What happens must say, in a sentence, what the shock is, and it is empty; write it there, such as 'Typhoon hits.'");
        var change = new YamlMappingNode(
            new YamlScalarNode("position"), new YamlScalarNode(Country ?? ""),
            new YamlScalarNode("topic"), new YamlScalarNode(Topic ?? ""),
            new YamlScalarNode("by"), new YamlScalarNode((By ?? "").Trim()));
        var shock = new YamlMappingNode(new YamlScalarNode("reason"), new YamlScalarNode(Reason ?? ""), new YamlScalarNode("changes"), new YamlSequenceNode(change));
        var inject = new YamlMappingNode(new YamlScalarNode("round"), new YamlScalarNode("1"), new YamlScalarNode("shock"), shock);
        using var text = new StringWriter();
        new YamlStream(new YamlDotNet.RepresentationModel.YamlDocument(inject)).Save(text, assignAnchors: false);
        return ExerciseFile.ParseInject("page", text.ToString(), exercise, number).Shock;
    }

    private static InputException Refused(string problem) => new(new FilePosition("page", 1, 1), problem);

    private static string Given(string? chosen) => string.IsNullOrEmpty(chosen) ? "and none was chosen" : $"not '{chosen}'";
}
