using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Summits.Hosting;

/// <summary>
/// Where a configuration key's value stands in a JSON configuration file, and how it is written there: what .NET's
/// JSON configuration source loses when it flattens a file into keys (<c>{ "Summits": { "CheckpointEvery": [3] } }</c>
/// into <c>Summits:CheckpointEvery:0 = 3</c>), found again by reading the file as that source reads it (comments
/// skipped, trailing commas allowed, keys compared without regard to case, an array's elements named 0, 1, 2, …).
/// </summary>
/// <param name="Line">The value's line, from 1.</param>
/// <param name="Column">The value's first character in its line, from 1, counted in characters (Unicode scalar values: an emoji is one).</param>
/// <param name="Kind">What the value is: a JSON array, object, string, number, true, false or null.</param>
/// <param name="Text">The value as the file writes it, on one line: every run of white space made one space.</param>
/// <param name="KeyAt">Where the value's key (its quoted name) starts, line and column counted as the value's are; the value's own place for an element of a list, which has no name.</param>
internal sealed record JsonSettingPlace(int Line, int Column, JsonTokenType Kind, string Text, (int Line, int Column) KeyAt)
{
    /// <summary>
    /// The place of <paramref name="key"/> (a configuration path such as <c>Summits:CheckpointEvery</c>) in the JSON
    /// file <paramref name="path"/>; null when the file cannot be read, is not JSON, or holds no such key. A value
    /// written more than once is found where it is last written, the one the configuration source keeps.
    /// </summary>
    public static JsonSettingPlace? Find(string path, string key)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
        try
        {
            return Find(bytes, key);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The place of <paramref name="key"/> in the UTF-8 JSON <paramref name="json"/> (a byte order mark allowed); null when it holds no such key.</summary>
    /// <exception cref="JsonException">When <paramref name="json"/> is not JSON.</exception>
    public static JsonSettingPlace? Find(ReadOnlySpan<byte> json, string key)
    {
        if (json.StartsWith(Encoding.UTF8.Preamble))
            json = json[Encoding.UTF8.Preamble.Length..];
        var reader = new Utf8JsonReader(json, JsonSettingsFile.Options);
        var containers = new Stack<Container>();
        string? property = null;
        var propertyAt = 0;
        JsonSettingPlace? found = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    property = reader.GetString();
                    propertyAt = (int)reader.TokenStartIndex;
                    continue;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    containers.Pop();
                    continue;
            }
            // A value: the document itself, a property's value or an array's element.
            string? path = null;
            if (containers.TryPeek(out var container))
            {
                var name = container.IsArray ? (container.Elements++).ToString(CultureInfo.InvariantCulture) : property!;
                path = container.Path is null ? name : container.Path + ":" + name;
            }
            if (path is not null && string.Equals(path, key, StringComparison.OrdinalIgnoreCase))
            {
                var kind = reader.TokenType;
                var from = (int)reader.TokenStartIndex;
                if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    reader.Skip();
                var to = (int)reader.BytesConsumed;
                found = At(json, from, kind, Encoding.UTF8.GetString(json[from..to]), container!.IsArray ? from : propertyAt);
                continue;
            }
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                containers.Push(new Container(path, reader.TokenType == JsonTokenType.StartArray));
        }
        return found;
    }

    private static JsonSettingPlace At(ReadOnlySpan<byte> json, int offset, JsonTokenType kind, string text, int keyOffset)
    {
        var (line, column) = JsonSettingsFile.Place(json, offset);
        return new JsonSettingPlace(line, column, kind, string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)), JsonSettingsFile.Place(json, keyOffset));
    }

    /// <summary>An object or array being read: its configuration path (null for the document) and, for an array, its elements so far.</summary>
    private sealed class Container(string? path, bool isArray)
    {
        public string? Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public int Elements { get; set; }
    }
}
