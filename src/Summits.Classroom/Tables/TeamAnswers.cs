using System.Collections.Immutable;
using Summits.Model;
using Summits.Scenarios;
using YamlDotNet.RepresentationModel;

namespace Summits.Classroom;

/// <summary>
/// What a team's page sends, read as an answers file is (<see cref="ExerciseFile.ParseAnswers"/>), so that a team is
/// told of a mistake in the same words as a file's author (less the file and line, which a page has not): a topic not
/// on the table, a value that is no number or lies outside 0 to 100, an empty package, an unknown prediction question,
/// a question left unanswered, an answer that is none of the question's choices.
/// </summary>
public static class TeamAnswers
{
    /// <summary>
    /// The terms of <paramref name="from"/>'s proposal: each topic of <paramref name="terms"/> with its value, written as
    /// the page's fields hold them (text).
    /// </summary>
    /// <param name="from">One of the exercise's roles (checked by the caller: the team's own country).</param>
    /// <exception cref="InputException">When the terms are not a proposal an answers file could make; <see cref="InputException.Problem"/> says why.</exception>
    public static ImmutableArray<Term> Proposal(Exercise exercise, string from, IReadOnlyDictionary<string, string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        var termNode = Mapping(terms);
        var proposal = new YamlMappingNode(new YamlScalarNode("round"), new YamlScalarNode("1"), new YamlScalarNode("terms"), termNode);
        // The answers of a play stopped in round 1 with this one proposal: the reader then asks for no predictions.
        var answers = Answers(exercise, from, new YamlScalarNode(""), partial: true);
        answers.Add(new YamlScalarNode("proposals"), new YamlSequenceNode(proposal));
        return Read(exercise, answers, partial: true).Proposals[0].Proposal.Terms;
    }

    /// <summary>
    /// <paramref name="from"/>'s answers to the exercise's prediction questions, each question's id with its answer as
    /// the page's fields hold it (text): every question must be answered, as in a whole play's answers file.
    /// </summary>
    /// <param name="from">One of the exercise's roles (checked by the caller: the team's own country).</param>
    /// <returns>Each question's answer as the file's reader gives it: <c>yes</c> or <c>no</c>, an option's id, a value as written.</returns>
    /// <exception cref="InputException">When the answers are not an answers file's predictions; <see cref="InputException.Problem"/> says why.</exception>
    public static ImmutableSortedDictionary<string, string> Predictions(Exercise exercise, string from, IReadOnlyDictionary<string, string> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        return Read(exercise, Answers(exercise, from, Mapping(predictions), partial: false), partial: false).Predictions;
    }

    /// <summary>The answers of a play by two players as <paramref name="from"/>'s player, with these predictions; stopped in round 1 when <paramref name="partial"/>.</summary>
    private static YamlMappingNode Answers(Exercise exercise, string from, YamlNode predictions, bool partial)
    {
        ArgumentNullException.ThrowIfNull(exercise);
        var answers = new YamlMappingNode(
            new YamlScalarNode("answers"), new YamlScalarNode(exercise.Id),
            new YamlScalarNode("role"), new YamlScalarNode(from),
            new YamlScalarNode("players"), new YamlScalarNode("2"));
        if (partial)
            answers.Add(new YamlScalarNode("partial"), new YamlScalarNode("stopped in round 1"));
        answers.Add(new YamlScalarNode("predictions"), predictions);
        return answers;
    }

    private static YamlMappingNode Mapping(IReadOnlyDictionary<string, string> pairs)
    {
        var node = new YamlMappingNode();
        foreach (var (key, value) in pairs)
            node.Add(new YamlScalarNode(key), new YamlScalarNode(value));
        return node;
    }

    private static ExerciseAnswers Read(Exercise exercise, YamlMappingNode answers, bool partial)
    {
        using var text = new StringWriter();
        new YamlStream(new YamlDotNet.RepresentationModel.YamlDocument(answers)).Save(text, assignAnchors: false);
        return ExerciseFile.ParseAnswers(Page, text.ToString(), exercise, allowPartial: partial);
    }

    /// <summary>The name what a page sends is read under: errors are shown without it.</summary>
    private const string Page = "page";
}
