using System.Globalization;
using System.Text;
using System.Text.Json;
using Summits.Grains;

namespace Summits.Classroom;

/// <summary>
/// Reads <see cref="ClassroomStorage.CodesFile"/> back, every key of it checked, so that a file edited by hand, cut short
/// or of another version is refused at start in one line that names its place (<c>file:line:col</c>, both from 1, the
/// column in characters) and what was expected there, before the classroom changes anything in its data folder.
/// </summary>
internal static class ClassroomFile
{
    private static readonly JsonReaderOptions Options = new() { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false };

    private static readonly string[] Keys = ["exercise", "classroom", "facilitator", "join", "teams"];

    private static readonly string[] TeamKeys = ["table", "country", "code"];

    /// <summary>What every refusal of the file ends with: what the facilitator can do about it (the folder is never to be deleted, as it holds the classroom's codes).</summary>
    private const string Advice = "; correct it there, or start the classroom with another --data folder";

    /// <summary>The classroom <paramref name="path"/> keeps, every value checked.</summary>
    /// <param name="path">The file, as the line names it.</param>
    /// <param name="exercise">The exercise's id: a file of another exercise is refused before its teams are read, whose countries are that exercise's.</param>
    /// <param name="countries">The exercise's two countries, which a team's seat must name one of.</param>
    /// <exception cref="ClassroomDataException">
    /// The file is not JSON, lacks a key, has one it should not, or a value is not of the kind or the range expected: the
    /// message is <c>path:line:col: </c> and what was expected there. A file of another exercise: the message names
    /// the folder and says to give this exercise one of its own.
    /// </exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static KeptClassroom Read(string path, string exercise, IReadOnlyCollection<string> countries)
    {
        var bytes = File.ReadAllBytes(path).AsSpan();
        if (bytes.StartsWith(Encoding.UTF8.Preamble))
            bytes = bytes[Encoding.UTF8.Preamble.Length..];
        Placed root;
        try
        {
            var reader = new Utf8JsonReader(bytes, Options);
            reader.Read();
            root = Placed.Of(ref reader, bytes);
            if (reader.Read())
                throw Wrong(path, bytes, (int)reader.TokenStartIndex, "the file goes on after its object; expected it to end there");
        }
        catch (JsonException e)
        {
            var json = Encoding.UTF8.GetString(bytes);
            var line = (int)(e.LineNumber ?? 0);
            throw new ClassroomDataException($"{path}:{line + 1}:{JsonErrorText.Column(json, e)}: {NotJson(bytes, line, (int)(e.BytePositionInLine ?? 0))}; "
                + "expected the object the classroom wrote, with the keys " + string.Join(", ", Keys) + Advice);
        }
        return Check(path, bytes, root, exercise, countries);
    }

    private static KeptClassroom Check(string path, ReadOnlySpan<byte> bytes, Placed root, string exercise, IReadOnlyCollection<string> countries)
    {
        var keys = Members(path, bytes, root, Keys, required: Keys[..^1], ClassroomStorage.CodesFile);
        var kept = Text(path, bytes, keys["exercise"], "the exercise's id", s => s.Length > 0, "a word such as \"north-korea-line\"");
        if (kept != exercise)
        {
            var folder = Path.GetDirectoryName(path);
            throw new ClassroomDataException($"the data folder {folder} keeps a classroom of the exercise {kept}, not {exercise}; give {exercise} a folder of its own with --data");
        }
        var classroom = Text(path, bytes, keys["classroom"], "the classroom's id", IsClassroomId, "'classroom-' and 8 hex digits (0-9, a-f), such as \"classroom-b553ea12\"");
        var facilitator = Text(path, bytes, keys["facilitator"], "the facilitator's code", s => IsCode(s, ClassroomCodes.FacilitatorLength),
            $"{ClassroomCodes.FacilitatorLength} characters of {ClassroomCodes.Alphabet}");
        var joins = keys["join"];
        if (joins.Kind != JsonTokenType.StartArray || joins.Items.Count is 0 or > ClassroomExercise.MostTables)
            throw Wrong(path, bytes, joins.Offset, $"join must be a list of the tables' join codes, from 1 to {ClassroomExercise.MostTables}, not {joins.Shown}");
        var join = new string[joins.Items.Count];
        for (var k = 0; k < join.Length; k++)
        {
            var code = Text(path, bytes, joins.Items[k], $"table {k + 1}'s join code", s => IsCode(s, ClassroomCodes.JoinLength),
                $"{ClassroomCodes.JoinLength} characters of {ClassroomCodes.Alphabet}");
            if (Array.IndexOf(join, code, 0, k) is var first and >= 0)
                throw Wrong(path, bytes, joins.Items[k].Offset, $"table {k + 1}'s join code \"{code}\" is table {first + 1}'s too; expected a join code of its own for each table");
            join[k] = code;
        }
        var teams = keys.TryGetValue("teams", out var list) && list.Kind != JsonTokenType.Null ? Teams(path, bytes, list, join.Length, countries) : [];
        return new KeptClassroom(exercise, classroom, facilitator, join, teams);
    }

    private static KeptTeam[] Teams(string path, ReadOnlySpan<byte> bytes, Placed list, int tables, IReadOnlyCollection<string> countries)
    {
        if (list.Kind != JsonTokenType.StartArray)
            throw Wrong(path, bytes, list.Offset, $"teams must be a list of the teams' seats, each {{ \"table\": 1, \"country\": \"{countries.First()}\", \"code\": \"K7MQ2XHD\" }}, not {list.Shown}");
        // Each team with where its code and its country are written, so that a second team's line names the first's.
        var teams = new List<(KeptTeam Team, Placed CodeAt, Placed CountryAt)>();
        foreach (var item in list.Items)
        {
            var keys = Members(path, bytes, item, TeamKeys, TeamKeys, "a team's seat");
            var tableAt = keys["table"];
            if (tableAt.Kind != JsonTokenType.Number || !int.TryParse(tableAt.Raw, NumberStyles.None, CultureInfo.InvariantCulture, out var table) || table < 1 || table > tables)
                throw Wrong(path, bytes, tableAt.Offset, $"a team's table must be one of the classroom's, a whole number from 1 to {tables}, not {tableAt.Shown}");
            var country = Text(path, bytes, keys["country"], "a team's country", countries.Contains, $"one of the exercise's countries, {string.Join(" or ", countries)}");
            var code = Text(path, bytes, keys["code"], "a team's code", s => IsCode(s, ClassroomSeats.TeamCodeLength),
                $"{ClassroomSeats.TeamCodeLength} characters of {ClassroomCodes.Alphabet}");
            if (teams.FirstOrDefault(t => t.Team.Code == code) is { CodeAt: { } sameCode })
                throw Wrong(path, bytes, keys["code"].Offset, $"the team code \"{code}\" is a second team's (the first at line {Place(bytes, sameCode.Offset).Line}); expected a code of its own for each team");
            if (teams.FirstOrDefault(t => (t.Team.Table, t.Team.Country) == (table, country)) is { CountryAt: { } sameSeat })
                throw Wrong(path, bytes, keys["country"].Offset,
                    $"{country} at table {table} is a second team's (the first at line {Place(bytes, sameSeat.Offset).Line}); expected one team for each country at a table");
            teams.Add((new KeptTeam(table, country, code), keys["code"], keys["country"]));
        }
        return [.. teams.Select(t => t.Team)];
    }

    /// <summary>The members of the object <paramref name="value"/>, by name, each of <paramref name="allowed"/> at most once and every one of <paramref name="required"/> there.</summary>
    private static Dictionary<string, Placed> Members(string path, ReadOnlySpan<byte> bytes, Placed value, string[] allowed, string[] required, string what)
    {
        var keys = string.Join(", ", allowed);
        if (value.Kind != JsonTokenType.StartObject)
            throw Wrong(path, bytes, value.Offset, $"{what} must be an object with the keys {keys}, not {value.Shown}");
        var members = new Dictionary<string, Placed>();
        foreach (var (name, nameOffset, member) in value.Members)
        {
            if (!allowed.Contains(name))
                throw Wrong(path, bytes, nameOffset, $"\"{name}\" is not a key of {what}; expected one of {keys}");
            if (!members.TryAdd(name, member))
                throw Wrong(path, bytes, nameOffset, $"\"{name}\" is written a second time in {what} (first at line {Place(bytes, members[name].Offset).Line}); expected it once");
        }
        if (required.FirstOrDefault(k => !members.ContainsKey(k)) is { } missing)
            throw Wrong(path, bytes, value.Offset, $"{what} has no key \"{missing}\"; expected an object with the keys {keys}");
        return members;
    }

    private static string Text(string path, ReadOnlySpan<byte> bytes, Placed value, string what, Func<string, bool> valid, string expected)
    {
        if (value.Kind == JsonTokenType.String && valid(value.String!))
            return value.String!;
        throw Wrong(path, bytes, value.Offset, $"{what} must be {expected}, not {value.Shown}");
    }

    private static bool IsClassroomId(string id) => id.Length == 18 && id.StartsWith("classroom-", StringComparison.Ordinal) && id[10..].All(char.IsAsciiHexDigitLower);

    private static bool IsCode(string code, int length) => code.Length == length && code.All(ClassroomCodes.Alphabet.Contains);

    private static ClassroomDataException Wrong(string path, ReadOnlySpan<byte> bytes, int offset, string problem)
    {
        var (line, column) = Place(bytes, offset);
        return new ClassroomDataException($"{path}:{line}:{column}: {problem}{Advice}");
    }

    /// <summary>
    /// What is wrong with a file the JSON reader stopped in, said in the classroom's words rather than the reader's: the
    /// file is empty (nothing but white space), cut short (the reader stopped at or past its last character that is not
    /// white space, an object, list or string left open), or, stopped before its end, lacks or misplaces a comma, a
    /// bracket or a quote near the place.
    /// </summary>
    /// <param name="bytes">The file's bytes, without a byte order mark.</param>
    /// <param name="line">The line the reader stopped on, from 0.</param>
    /// <param name="byteInLine">The bytes before the place in its line, from 0.</param>
    private static string NotJson(ReadOnlySpan<byte> bytes, int line, int byteInLine)
    {
        var end = bytes.TrimEnd(" \t\r\n"u8).Length;
        if (end == 0)
            return "the file is empty";
        var lineStart = 0;
        for (var l = 0; l < line && lineStart < bytes.Length; l++)
            lineStart = bytes[lineStart..].IndexOf((byte)'\n') is var next and >= 0 ? lineStart + next + 1 : bytes.Length;
        return lineStart + byteInLine >= end
            ? "the file is cut short here, before its object is closed"
            : "the file is not whole JSON here: a comma, a bracket or a quote is missing or out of place near this place";
    }

    /// <summary>The line and column (both from 1, the column in characters) of the byte at <paramref name="offset"/>.</summary>
    private static (int Line, int Column) Place(ReadOnlySpan<byte> bytes, int offset)
    {
        var before = bytes[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        return (before.Count((byte)'\n') + 1, Encoding.UTF8.GetString(before[lineStart..]).EnumerateRunes().Count() + 1);
    }

    /// <summary>A JSON value read with where it starts: its kind, its text as written, and its members or items.</summary>
    private sealed record Placed(JsonTokenType Kind, int Offset, string Raw, string? String, List<(string Name, int NameOffset, Placed Value)> Members, List<Placed> Items)
    {
        /// <summary>The value as a line shows it: a string, number, true, false or null as written (cut at 40 characters), a list or an object by its kind.</summary>
        public string Shown => Kind switch
        {
            JsonTokenType.StartArray => "a list",
            JsonTokenType.StartObject => "an object",
            _ => Raw.Length <= 40 ? Raw : Raw[..39] + "…",
        };

        /// <summary>The value whose first token <paramref name="reader"/> has just read, read to its end.</summary>
        public static Placed Of(ref Utf8JsonReader reader, ReadOnlySpan<byte> bytes)
        {
            var kind = reader.TokenType;
            var offset = (int)reader.TokenStartIndex;
            var value = new Placed(kind, offset, "", null, [], []);
            switch (kind)
            {
                case JsonTokenType.StartObject:
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var (name, nameOffset) = (reader.GetString()!, (int)reader.TokenStartIndex);
                        reader.Read();
                        value.Members.Add((name, nameOffset, Of(ref reader, bytes)));
                    }
                    return value;
                case JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                        value.Items.Add(Of(ref reader, bytes));
                    return value;
                default:
                    var raw = Encoding.UTF8.GetString(bytes[offset..(int)reader.BytesConsumed]);
                    return value with { Raw = raw, String = kind == JsonTokenType.String ? reader.GetString() : null };
            }
        }
    }
}

/// <summary>The contents of <see cref="ClassroomStorage.CodesFile"/>: the exercise's id, the classroom's id, its codes and the teams' seats.</summary>
internal sealed record KeptClassroom(string Exercise, string Classroom, string Facilitator, string[] Join, KeptTeam[] Teams);

/// <summary>A team's seat in <see cref="ClassroomStorage.CodesFile"/>: its table (from 1), its country and its team code.</summary>
internal sealed record KeptTeam(int Table, string Country, string Code);
