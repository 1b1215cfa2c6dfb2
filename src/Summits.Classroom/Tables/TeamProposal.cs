using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Summits.Classroom;

/// <summary>
/// A team's proposal as the page sends it, read as an answers file's proposal is, so that a team is told of a mistake in
/// the same words as a file's author (less the file and line, which a page has not): a topic not on the table, a value
/// that is no number or lies outside 0 to 100, an empty package.
/// </summary>
public static class TeamProposal
{
    /// <summary>
    /// The terms of <paramref name="from"/>'s proposal: each topic of <paramref name="terms"/> with its value, written as
    /// the page's fields hold them (text).
    /// </summary>
    /// <param name="from">One of the exercise's roles (checked by the caller: the team's own country).</param>
    /// <exception cref="InputException">When the terms are not a proposal an answers file could make; <see cref="InputException.Problem"/> says why.</exception>
    public static ImmutableArray<Term> Read(Exercise exercise, string from, IReadOnlyDictionary<string, string> terms)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        ArgumentNullException.ThrowIfNull(terms);
        // The answers of a play stopped in round 1 with this one proposal: the reader then asks for no predictions.
        var termNode = new YamlMappingNode();
        foreach (var (topic, value) in terms)
            termNode.Add(new YamlScalarNode(topic), new YamlScalarNode(value));
        var proposal = new YamlMappingNode(new YamlScalarNode("round"), new YamlScalarNode("1"), new YamlScalarNode("terms"), termNode);
        var answers = new YamlMappingNode(
            new YamlScalarNode("answers"), new YamlScalarNode(exercise.Id),
            new YamlScalarNode("role"), new YamlScalarNode(from),
            new YamlScalarNode("players"), new YamlScalarNode("2"),
            new YamlScalarNode("partial"), new YamlScalarNode("stopped in round 1"),
            new YamlScalarNode("predictions"), new YamlScalarNode(""),
            new YamlScalarNode("proposals"), new YamlSequenceNode(proposal));
        using var text = new StringWriter();
        new YamlStream(new YamlDotNet.RepresentationModel.YamlDocument(answers)).Save(text, assignAnchors: false);
        var read = ExerciseFile.ParseAnswers(Page, text.ToString(), exercise, allowPartial: true);
        return read.Proposals[0].Proposal.Terms;
    }

    /// <summary>The name a proposal from a page is read under: errors are shown without it.</summary>
    private const string Page = "page";
}
