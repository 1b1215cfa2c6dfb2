using System.Text.Json;

namespace Summits.Scenarios;

/// <summary>Reads a <c>state.json</c> written by <c>summits run --out</c>.</summary>
public static class StateFile
{
    public static StateDocument Load(string path)
    {
        if (!File.Exists(path))
            throw new InputException(new FilePosition(path, 1, 1), $"no such state file{InputFile.Alternatives(path, path)}");
        var text = InputFile.ReadText(path, path, "state file", InputFile.YamlLimit, problem => new InputException(new FilePosition(path, 1, 1), problem));
        try
        {
            return JsonSerializer.Deserialize<StateDocument>(text, SummitsJson.Options)
                ?? throw new InputException(new FilePosition(path, 1, 1), "the state file is empty; expected the state.json of a run");
        }
        catch (JsonException e)
        {
            // The column in characters, not the UTF-8 bytes .NET counts.
            throw new InputException(new FilePosition(path, (int)(e.LineNumber ?? 0) + 1, Summits.Grains.JsonErrorText.Column(text, e)),
                $"this is not the state.json of a run: {Summits.Grains.JsonErrorText.Of(e)}");
        }
    }
}
