using System.Text.Json;

namespace Summits.Scenarios;

/// <summary>Reads a <c>state.json</c> written by <c>summits run --out</c>.</summary>
public static class StateFile
{
    private const string Expected = "the state.json of a run, an object as 'summits run -o DIR' writes it";

    /// <summary>The run's state as <paramref name="path"/> holds it.</summary>
    /// <exception cref="InputException">No such file, or one that is not a run's state.json: empty, blank, a JSON value other than an object, or not JSON.</exception>
    public static StateDocument Load(string path)
    {
        if (!File.Exists(path))
            throw new InputException(new FilePosition(path, 1, 1), $"no such state file{InputFile.Alternatives(path, path)}");
        var text = InputFile.ReadText(path, path, "state file", InputFile.YamlLimit, problem => new InputException(new FilePosition(path, 1, 1), problem));
        // A file that holds nothing, or a JSON value other than an object (null, [], 3), is said to hold what it holds.
        if ((HeldText.Blank(path, text, Expected) ?? HeldText.NotObject(path, text, Expected)) is { } held)
            throw held;
        try
        {
            return JsonSerializer.Deserialize<StateDocument>(text, SummitsJson.Options)!;
        }
        catch (JsonException e)
        {
            // The column in characters, not the UTF-8 bytes .NET counts.
            throw new InputException(new FilePosition(path, (int)(e.LineNumber ?? 0) + 1, Summits.Grains.JsonErrorText.Column(text, e)),
                $"this is not the state.json of a run: {Summits.Grains.JsonErrorText.Of(e)}");
        }
    }
}
