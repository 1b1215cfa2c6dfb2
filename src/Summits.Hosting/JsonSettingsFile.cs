using System.Globalization;
using System.Text;
using System.Text.Json;
using Summits.Grains;

namespace Summits.Hosting;

/// <summary>
/// Checks a JSON configuration file before .NET's JSON configuration source reads it, so that whatever that source
/// refuses, and what it would take in silence, is refused in one line at the file's line and column: text that is not
/// JSON, a document that is not an object, a setting written twice, a key holding a control character.
/// </summary>
internal static class JsonSettingsFile
{
    /// <summary>The reader options of .NET's JSON configuration source: comments skipped, trailing commas allowed.</summary>
    internal static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>Reads and checks the JSON configuration file <paramref name="path"/>, named <paramref name="name"/> in messages.</summary>
    /// <exception cref="SettingException">
    /// When the file cannot be read, or <see cref="Check(string, string, ReadOnlySpan{byte})"/> refuses it.
    /// </exception>
    public static void Check(string path, string name)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SettingException($"{path}: {name} cannot be read: {e.Message}");
        }
        Check(path, name, bytes);
    }

    /// <summary>
    /// Checks the UTF-8 JSON <paramref name="json"/> (a byte order mark allowed) of the file <paramref name="path"/>, as
    /// .NET's JSON configuration source reads it: a key is the path of names from the document down (an array's elements
    /// named 0, 1, 2, …), compared without regard to case.
    /// </summary>
    /// <exception cref="SettingException">
    /// One line, <c>path:line:col: what is wrong; what was expected</c>, the column counted in characters (see
    /// <see cref="ColumnOf"/>): when <paramref name="json"/> is not JSON (.NET's words for what is wrong); when the
    /// document is a list, a string, a number, true, false or null rather than an object; when it sets a key that an
    /// earlier value set already (<c>{"a": 1, "A": 2}</c>, which .NET's source refuses without a place); when a key
    /// holds a control character (U+0000 to U+001F, U+007F to U+009F), shown escaped.
    /// </exception>
    public static void Check(string path, string name, ReadOnlySpan<byte> json)
    {
        if (json.StartsWith(Encoding.UTF8.Preamble))
            json = json[Encoding.UTF8.Preamble.Length..];
        try
        {
            Scan(path, name, json);
        }
        catch (JsonException e) when (e is { LineNumber: { } line })
        {
            throw new SettingException($"{path}:{line + 1}:{JsonErrorText.Column(Encoding.UTF8.GetString(json), e)}: {name} is not valid JSON: {JsonErrorText.Of(e)}");
        }
    }

    /// <summary>
    /// The 1-based column that follows <paramref name="lineBefore"/>, the UTF-8 bytes of a line up to a place: one more
    /// than the characters they hold, each Unicode scalar value (rune) counted once, so that 'ü' (two bytes) and an emoji
    /// (four bytes, two UTF-16 units) are one character each.
    /// </summary>
    internal static int ColumnOf(ReadOnlySpan<byte> lineBefore) => Encoding.UTF8.GetString(lineBefore).EnumerateRunes().Count() + 1;

    private static void Scan(string path, string name, ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json, Options);
        var containers = new Stack<Container>();
        // Every key the source keeps, with where its value stands: a value's, and an empty array's or object's, which
        // the source keeps as a key with no value.
        var values = new Dictionary<string, (int Line, int Column)>(StringComparer.OrdinalIgnoreCase);
        string? property = null;
        while (reader.Read())
        {
            var at = (int)reader.TokenStartIndex;
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString()!;
                    if (property.Any(char.IsControl))
                    {
                        var (line, column) = Place(json, at);
                        throw new SettingException(
                            $"{path}:{line}:{column}: {name} has a key with a control character, \"{ShownText.Escaped(property)}\"; expected a key of printable characters, such as \"{SummitsSettings.Section}\"");
                    }
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    var ended = containers.Pop();
                    if (ended is { Values: 0, Path: { } emptyPath })
                        values[emptyPath] = ended.At;
                    continue;
            }
            if (!containers.TryPeek(out var container))
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    var (line, column) = Place(json, at);
                    throw new SettingException(
                        $"{path}:{line}:{column}: {name} holds {Kind(reader.TokenType)} at its top level; expected an object of settings, such as {{ \"{SummitsSettings.Section}\": {{ \"CheckpointEvery\": 3 }} }}");
                }
                containers.Push(new Container(null, IsArray: false, Place(json, at)));
                continue;
            }
            var key = container.IsArray ? container.Values.ToString(CultureInfo.InvariantCulture) : property!;
            container.Values++;
            var valuePath = container.Path is null ? key : container.Path + ":" + key;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                containers.Push(new Container(valuePath, reader.TokenType == JsonTokenType.StartArray, Place(json, at)));
                continue;
            }
            var place = Place(json, at);
            if (values.TryGetValue(valuePath, out var first))
                throw new SettingException(
                    $"{path}:{place.Line}:{place.Column}: {name} sets {valuePath} a second time (first at line {first.Line}, column {first.Column}; keys are the same whatever their case); expected each setting once: keep one of the two");
            values[valuePath] = place;
        }
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "a list",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    /// <summary>The 1-based line and column (in characters, see <see cref="ColumnOf"/>) of the byte at <paramref name="offset"/>.</summary>
    internal static (int Line, int Column) Place(ReadOnlySpan<byte> json, int offset)
    {
        var before = json[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, ColumnOf(before[lineStart..]));
    }

    /// <summary>An object or array being read: its key (null for the document), whether it is an array, where it starts, how many values it holds so far.</summary>
    private sealed record Container(string? Path, bool IsArray, (int Line, int Column) At)
    {
        public int Values { get; set; }
    }
}
