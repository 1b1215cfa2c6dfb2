using System.Globalization;
using System.Text;

namespace Summits.Scenarios;

/// <summary>
/// Answers to an exercise as they are given at the keyboard, kept as the text of an answers file, so that a
/// play at the keyboard is read by the same <see cref="ExerciseFile.ParseAnswers"/> as a play from a file
/// and is scored by the same rules; the text can be saved and played again with <c>--answers</c>.
/// </summary>
public sealed class AnswersDraft(Exercise exercise, string role)
{
    private readonly List<(string Question, string Answer)> _predictions = [];
    private readonly List<(int Round, IReadOnlyList<(string Topic, double Value)> Terms)> _proposals = [];

    public Exercise Exercise => exercise;

    /// <summary>The actor the student plays.</summary>
    public string Role => role;

    /// <summary>Records the answer to a prediction question: "yes", "no", or a value 0–100.</summary>
    public void Predict(string question, string answer) => _predictions.Add((question, answer));

    /// <summary>Records a proposal made in <paramref name="round"/> (1-based) and returns its id, as the play names it: <c>r{round}-{role}-{n}</c>.</summary>
    public string Propose(int round, IReadOnlyList<(string Topic, double Value)> terms)
    {
        _proposals.Add((round, terms));
        return $"r{round}-{role}-{_proposals.Count(p => p.Round == round)}";
    }

    /// <summary>The answers so far as the text of an answers file.</summary>
    public string Text()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"# Answers to {exercise.Id} given at the keyboard; summits exercise --answers plays them again.\n");
        text.Append(CultureInfo.InvariantCulture, $"answers: {exercise.Id}\n");
        text.Append(CultureInfo.InvariantCulture, $"role: {role}\n");
        text.Append("predictions:\n");
        foreach (var (question, answer) in _predictions)
            text.Append(CultureInfo.InvariantCulture, $"  {question}: {answer}\n");
        if (_proposals.Count == 0)
            return text.ToString();
        text.Append("proposals:\n");
        foreach (var (round, terms) in _proposals)
            text.Append(CultureInfo.InvariantCulture, $"  - round: {round}\n    terms: {{ {string.Join(", ", terms.Select(t => $"{t.Topic}: {MappingReader.Format(t.Value)}"))} }}\n");
        return text.ToString();
    }

    /// <summary>The answers so far, read as an answers file named <paramref name="path"/> is.</summary>
    /// <exception cref="InputException">an answer does not fit the exercise (a prediction not yet given, say).</exception>
    public ExerciseAnswers Answers(string path) => ExerciseFile.ParseAnswers(path, Text(), exercise);
}
