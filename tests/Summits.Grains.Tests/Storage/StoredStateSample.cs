using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization.Session;
using Orleans.Serialization.Utilities;
using Orleans.Storage;
using Summits.Model;
using Summits.Tests;

namespace Summits.Grains.Tests;

/// <summary>
/// Grain state as a storage provider holds it: for each grain, its state name, its grain id and the bytes
/// the configured <see cref="IGrainStorageSerializer"/> wrote. A checked-in sample of it proves that
/// today's code reads what an earlier version stored.
/// </summary>
internal sealed partial record StoredStateSample(
    [property: JsonPropertyName("writtenBy")] string WrittenBy,
    [property: JsonPropertyName("grains")] IReadOnlyList<StoredGrainState> Grains)
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    /// <summary>The path of a checked-in sample, by its file name in <c>Storage/Samples</c>.</summary>
    public static string PathOf(string fileName) =>
        Path.Combine(SeedFiles.Root, "tests", "Summits.Grains.Tests", "Storage", "Samples", fileName);

    /// <summary>Reads the checked-in sample <paramref name="fileName"/> of <c>Storage/Samples</c>.</summary>
    public static StoredStateSample Load(string fileName) => Read(PathOf(fileName));

    public static StoredStateSample Read(string path) =>
        JsonSerializer.Deserialize<StoredStateSample>(File.ReadAllBytes(path), Options)
        ?? throw new InvalidDataException($"{path} holds no stored-state sample");

    public byte[] ToBytes() => JsonSerializer.SerializeToUtf8Bytes(this, Options);

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    /// <summary>
    /// The state <paramref name="stateName"/> of grain key <paramref name="key"/>, as today's <typeparamref name="T"/>
    /// reads it with the silo's storage serializer; fails the test when the sample holds no such grain, or more than one.
    /// </summary>
    public T State<T>(IServiceProvider services, string stateName, string key)
    {
        var grain = Assert.Single(Grains, g => g.StateName == stateName && g.GrainKey == key);
        return services.GetRequiredService<IGrainStorageSerializer>().Deserialize<T>(grain.Data)!;
    }

    /// <summary>
    /// Asserts that today's code writes every state of <paramref name="sample"/> as it read it: field for field the
    /// same, under the same <c>[Id]</c>s, in the same order, with the same values, so that a stored member it no longer
    /// writes, or writes under another <c>[Id]</c>, fails. (Two members whose <c>[Id]</c>s were swapped read and write
    /// back the same bytes; the member-by-member reads of the sample tests catch those.) The one difference allowed is the one docs/architecture.md
    /// allows ("Changing a stored type safely"): a member added since, under a new <c>[Id]</c>, written at its default
    /// (null, zero, false, empty, or made of those: <see cref="NotAtDefault"/>), since state stored before it existed
    /// reads back with that default. Both writes are
    /// compared as Orleans' <see cref="BitStreamFormatter"/> lays them out, one field a line, without the byte offsets
    /// and object numbers that an added field shifts
    /// (a reference to an object written earlier is compared by its field, not by the number it points at).
    /// </summary>
    public static void AssertRewrittenAlike(StoredStateSample sample, IServiceProvider services)
    {
        var serializer = services.GetRequiredService<IGrainStorageSerializer>();
        var sessions = services.GetRequiredService<SerializerSessionPool>();
        foreach (var grain in sample.Grains)
        {
            var bytes = grain.Data;
            var (type, again) = grain.StateName switch
            {
                "world" => (typeof(WorldState), serializer.Serialize(serializer.Deserialize<WorldState>(bytes))),
                "country" => (typeof(Delegation), serializer.Serialize(serializer.Deserialize<Delegation>(bytes))),
                "country-checkpoint" => (typeof(Checkpoint<Delegation>), serializer.Serialize(serializer.Deserialize<Checkpoint<Delegation>>(bytes))),
                "topic" => (typeof(Table), serializer.Serialize(serializer.Deserialize<Table>(bytes))),
                "topic-checkpoint" => (typeof(Checkpoint<Table>), serializer.Serialize(serializer.Deserialize<Checkpoint<Table>>(bytes))),
                "timeline" => (typeof(TimelinePage), serializer.Serialize(serializer.Deserialize<TimelinePage>(bytes))),
                _ => throw new InvalidDataException($"the sample holds a state named '{grain.StateName}' that no grain keeps"),
            };
            var stored = WithoutComparers(Fields(bytes.ToArray(), sessions));
            var written = WithoutComparers(Fields(again.ToArray(), sessions));
            var added = AddedLines(stored, written);
            Assert.True(added is not null,
                $"today's code does not write the {grain.StateName} state of {grain.GrainKey} field for field as the sample holds it");
            var notAtDefault = NotAtDefaultMembers(written, added, type);
            Assert.True(notAtDefault.Count == 0,
                $"today's code writes the {grain.StateName} state of {grain.GrainKey} with {string.Join("; ", notAtDefault)}");
        }
    }

    /// <summary>
    /// Each member of <paramref name="written"/> (fields as <see cref="Fields"/> lays them out, comparers left out) that
    /// the lines <paramref name="added"/> (indices into it, as <see cref="AddedLines"/> gives them) add and that is not
    /// at its default, in words: which member, by its <c>[Id]</c> and, when <paramref name="type"/> (the type written)
    /// names it, its name and type, and why: the first line it writes that is not a default (<see cref="NotAtDefault"/>),
    /// with its control characters escaped. A member is the outermost added field around a line that is not at its
    /// default; one nested in a member that was stored already is named by the path of <c>[Id]</c>s down to it.
    /// </summary>
    internal static List<string> NotAtDefaultMembers(string[] written, IReadOnlyList<int> added, Type? type)
    {
        var isAdded = new HashSet<int>(added);
        var members = new SortedDictionary<int, int>();
        foreach (var line in added.Where(i => !AtDefault().IsMatch(written[i])))
        {
            var member = line;
            while (Parent(written, member) is { } parent && isAdded.Contains(parent))
                member = parent;
            members.TryAdd(member, line);
        }
        return [.. members.Select(m => $"a member added since that is not at its default: {Describe(written, m.Key, type)}, which writes {written[m.Value].Trim()}, where state stored before it reads back as its default (null, zero, false or empty)")];
    }

    /// <summary>The index of the tag-delimited field that holds line <paramref name="line"/> of <paramref name="fields"/>; null for the outermost.</summary>
    private static int? Parent(string[] fields, int line)
    {
        var indent = Indent(fields[line]);
        for (var i = line - 1; i >= 0; i--)
        {
            if (Indent(fields[i]) < indent)
                return i;
        }
        return null;
    }

    private static int Indent(string field) => field.Length - field.TrimStart(' ').Length;

    /// <summary>
    /// The member that line <paramref name="member"/> of <paramref name="fields"/> writes, by the path of <c>[Id]</c>s
    /// from the value written down to it, with the names and type that <paramref name="type"/> gives them as far as
    /// it can: <c>[Id(2)] Renewals (Int32)</c>, <c>[Id(0)] Proposal › [Id(3)] (name unknown)</c>.
    /// </summary>
    private static string Describe(string[] fields, int member, Type? type)
    {
        var path = new List<int>();
        for (int? line = member; line is { } l && Parent(fields, l) is not null; line = Parent(fields, l))
            path.Insert(0, l);
        var parts = new List<string>();
        var at = type;
        foreach (var line in path)
        {
            var id = int.Parse(FieldId().Match(fields[line]).Groups["id"].Value, CultureInfo.InvariantCulture);
            var level = Parent(fields, line) is { } parent ? BaseTypeMarkers(fields, parent, line) : 0;
            var found = at is null ? null : MemberOf(at, id, level);
            parts.Add(found is null ? $"[Id({id})] (name unknown)" : $"[Id({id})] {found.Value.Name}");
            at = found?.Type;
        }
        return at is null ? string.Join(" › ", parts) : $"{string.Join(" › ", parts)} ({TypeName(at)})";
    }

    /// <summary>How many base types' fields end between the opening line <paramref name="parent"/> and its field <paramref name="line"/>.</summary>
    private static int BaseTypeMarkers(string[] fields, int parent, int line)
    {
        var indent = Indent(fields[line]);
        var markers = 0;
        for (var i = parent + 1; i < line; i++)
        {
            if (Indent(fields[i]) == indent && fields[i].Trim() == "- End of base type fields -")
                markers++;
        }
        return markers;
    }

    /// <summary>
    /// The member of <paramref name="type"/> serialized under <c>[Id(id)]</c>, <paramref name="level"/> types down from
    /// its most basic serialized base type (the serializer writes a base type's fields first, then a marker, then the
    /// next type's); a tuple's items are Item1, Item2, … under Ids 1, 2, …. Null when no member has that id.
    /// </summary>
    internal static (string Name, Type Type)? MemberOf(Type type, int id, int level)
    {
        if (type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal) && id >= 1 && id <= type.GenericTypeArguments.Length)
            return ($"Item{id}", type.GenericTypeArguments[id - 1]);
        var chain = new List<Type>();
        for (var t = type; t is not null && t != typeof(object) && t != typeof(ValueType); t = t.BaseType)
            chain.Insert(0, t);
        var serialized = chain.Where(t => t.GetCustomAttribute<GenerateSerializerAttribute>() is not null).ToList();
        var levels = serialized.Count > 0 ? serialized : [type];
        var declaring = levels[Math.Min(level, levels.Count - 1)];
        const BindingFlags all = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        foreach (var m in declaring.GetFields(all).Cast<MemberInfo>().Concat(declaring.GetProperties(all)))
        {
            if (m.GetCustomAttribute<IdAttribute>() is { Id: var memberId } && memberId == id)
                return (m.Name.StartsWith('<') ? m.Name[1..m.Name.IndexOf('>', StringComparison.Ordinal)] : m.Name,
                    m is FieldInfo f ? f.FieldType : ((PropertyInfo)m).PropertyType);
        }
        return null;
    }

    /// <summary>A type as C# names it, without namespaces: <c>List&lt;Int32&gt;</c>.</summary>
    private static string TypeName(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GenericTypeArguments.Select(TypeName))}>" : type.Name;

    [GeneratedRegex(@"^ *\[\w+ Id: (?<id>\d+) ")]
    private static partial Regex FieldId();

    /// <summary>
    /// The lines of <paramref name="added"/> (fields written that a sample does not hold, as <see cref="AddedFields(string[], string[])"/>
    /// gives them) that are not a member at its default, or a part of one. A member is at its default when every value
    /// it writes is zero: a null reference; a zero of a number encoding (a <c>VarInt</c>: an integer, an enum, a
    /// <c>char</c>, <c>false</c>; a <c>Fixed32</c>: a <c>float</c> 0; a <c>Fixed64</c>: a <c>double</c> 0, a default
    /// <c>DateTime</c> or <c>TimeSpan</c>); a length-prefixed value whose bytes are all zero (an empty string, an empty
    /// byte array, a <c>decimal</c> 0, <c>Guid.Empty</c>); or a tag-delimited block that holds only such values (an
    /// empty collection, which writes no element and at most a count of 0; a struct at its default; an object whose
    /// members are all at their defaults), whose opening and closing lines carry no value. Which lines these are does
    /// not depend on where the comparison placed them: the lines written are the lines stored and the lines added, so the
    /// added lines are the same whichever stored line a repeated line was matched with.
    /// </summary>
    internal static List<string> NotAtDefault(IEnumerable<string> added) => [.. added.Where(field => !AtDefault().IsMatch(field))];

    /// <summary>
    /// One line of <see cref="BitStreamFormatter"/>'s layout, as <see cref="Fields"/> gives it, that carries no value but
    /// zero (see <see cref="NotAtDefault"/>): a null reference; a reference to an object written earlier that is itself
    /// at its default (<see cref="Fields"/> marks it so: Orleans writes a second empty string or empty array that is
    /// the same object as one written before as a reference to it); a number field of 0; a length-prefixed field of zero
    /// bytes only (the formatter writes bytes below 0x7F as ASCII in quotes, and <see cref="Fields"/> escapes the NULs:
    /// <c>Value: (length: 16b) ["\u0000…\u0000"]</c>, sixteen of them for a <c>decimal</c> 0, none for an empty
    /// string); a tag-delimited field's opening line, its closing brace, or the marker between a base type's fields
    /// and its own.
    /// </summary>
    [GeneratedRegex("""^ *(\[Reference Id: \d+ .*Reference: 0\]|\[Reference Id: \d+ .*Reference: earlier at its default \(.*\)\]|\[(VarInt|Fixed32|Fixed64) Id: \d+ .*?\] Value: 0 \(0x0\)|\[LengthPrefixed Id: \d+ .*?\] Value: \(length: \d+b\) \["(\\u0000)*"\]|\[TagDelimited Id: \d+ .*?\] Value: \{|\}|- End of base type fields -)$""")]
    private static partial Regex AtDefault();

    /// <summary>
    /// The fields of a serialized value, one a line, without byte offsets, object numbers and back-reference numbers,
    /// control characters escaped (<c>\u0000</c>) so that no line carries a raw NUL. A reference to an object written
    /// earlier reads <c>Reference: earlier at its default (…)</c> when every line of that object is at its default
    /// (<see cref="AtDefault"/>), and <c>Reference: earlier (…)</c> otherwise.
    /// </summary>
    internal static string[] Fields(byte[] bytes, SerializerSessionPool sessions)
    {
        string[] raw;
        using (var session = sessions.GetSession())
            raw = [.. BitStreamFormatter.Format(bytes, session).Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0)];
        var fields = new string[raw.Length];
        // Each object's number, as the formatter numbers it (#3) and a back-reference names it (Reference: 3), to the
        // first and last of its lines.
        var objects = new Dictionary<int, (int First, int Last)>();
        var open = new Stack<(int Number, int First)>();
        for (var i = 0; i < raw.Length; i++)
        {
            var number = ObjectNumber().Match(raw[i]);
            var text = ShownText(OffsetAndNumber().Replace(raw[i], ""));
            var reference = BackReference().Match(text);
            if (reference.Success)
            {
                var target = int.Parse(reference.Groups["number"].Value, CultureInfo.InvariantCulture);
                var atDefault = objects.TryGetValue(target, out var lines) && fields[lines.First..(lines.Last + 1)].All(AtDefault().IsMatch);
                text = BackReference().Replace(text, atDefault ? "Reference: earlier at its default (" : "Reference: earlier (");
            }
            fields[i] = text;
            if (text.EndsWith("Value: {", StringComparison.Ordinal))
                open.Push((number.Success ? int.Parse(number.Groups["number"].Value, CultureInfo.InvariantCulture) : -1, i));
            else if (text.Trim() == "}" && open.Count > 0)
            {
                var (opened, first) = open.Pop();
                objects[opened] = (first, i);
            }
            else if (number.Success)
                objects[int.Parse(number.Groups["number"].Value, CultureInfo.InvariantCulture)] = (i, i);
        }
        return fields;
    }

    /// <summary><paramref name="line"/> with each control character written as its escape, <c>\u0000</c>.</summary>
    private static string ShownText(string line) =>
        string.Concat(line.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString()));

    [GeneratedRegex(@"#(?<number>\d+) ")]
    private static partial Regex ObjectNumber();

    /// <summary>
    /// The fields of <paramref name="written"/> that are not in <paramref name="stored"/> (both serialized values), one
    /// a line as <see cref="Fields"/> lays them out, when the stored fields appear in what is written in order and whole;
    /// null when they do not. The comparer of a set or a dictionary is left out of both: it is no value the member holds
    /// but how it compares keys, and an empty dictionary keyed by <c>StringComparer.Ordinal</c> writes its comparer as
    /// numbers that are not all zero.
    /// </summary>
    internal static List<string>? AddedFields(byte[] stored, byte[] written, SerializerSessionPool sessions) =>
        AddedFields(WithoutComparers(Fields(stored, sessions)), WithoutComparers(Fields(written, sessions)));

    /// <summary>
    /// As <see cref="AddedFields(byte[], byte[], SerializerSessionPool)"/>, but the members not at their default in
    /// words (<see cref="NotAtDefaultMembers(string[], IReadOnlyList{int}, Type)"/>), <paramref name="type"/> the type written; null when the stored fields
    /// are not all written.
    /// </summary>
    internal static List<string>? NotAtDefaultMembers(byte[] stored, byte[] written, SerializerSessionPool sessions, Type? type)
    {
        var fields = WithoutComparers(Fields(written, sessions));
        return AddedLines(WithoutComparers(Fields(stored, sessions)), fields) is { } added ? NotAtDefaultMembers(fields, added, type) : null;
    }

    /// <summary>
    /// <paramref name="fields"/> without the blocks that write a comparer: a tag-delimited field whose runtime type is a
    /// comparer (Orleans writes a string comparer as <c>WellKnownStringComparerCodec</c>), its fields and its closing brace.
    /// </summary>
    internal static string[] WithoutComparers(string[] fields)
    {
        var kept = new List<string>(fields.Length);
        string? end = null;
        foreach (var field in fields)
        {
            if (end is not null)
            {
                if (field == end)
                    end = null;
                continue;
            }
            var comparer = Comparer().Match(field);
            if (comparer.Success)
                end = comparer.Groups["indent"].Value + "}";
            else
                kept.Add(field);
        }
        return [.. kept];
    }

    [GeneratedRegex(@"^(?<indent> *)\[TagDelimited Id: \d+ .*RuntimeType: [\w.`+]*Comparer[\w.`+]* .*\] Value: \{$")]
    private static partial Regex Comparer();

    /// <summary>
    /// The lines of <paramref name="written"/> that are not in <paramref name="stored"/> when the stored lines appear in
    /// it in order and whole; null when they do not.
    /// </summary>
    internal static List<string>? AddedFields(string[] stored, string[] written) =>
        AddedLines(stored, written)?.Select(i => written[i]).ToList();

    /// <summary>As <see cref="AddedFields(string[], string[])"/>, the lines given by their indices in <paramref name="written"/>.</summary>
    internal static List<int>? AddedLines(string[] stored, string[] written)
    {
        var added = new List<int>();
        var s = 0;
        for (var i = 0; i < written.Length; i++)
        {
            if (s < stored.Length && written[i] == stored[s])
                s++;
            else
                added.Add(i);
        }
        return s == stored.Length ? added : null;
    }

    [GeneratedRegex(@"^0x[0-9A-F]+ |#\d+ ")]
    private static partial Regex OffsetAndNumber();

    /// <summary>A reference to an object written earlier: its number and position shift with every field added before it.</summary>
    [GeneratedRegex(@"Reference: (?<number>\d+) \(Position: 0x[0-9A-F]+, ")]
    private static partial Regex BackReference();
}

/// <summary>One grain's stored state: <see cref="Bytes"/> is base64 of what the storage serializer wrote.</summary>
internal sealed record StoredGrainState(
    [property: JsonPropertyName("stateName")] string StateName,
    [property: JsonPropertyName("grainType")] string GrainType,
    [property: JsonPropertyName("grainKey")] string GrainKey,
    [property: JsonPropertyName("bytes")] string Bytes)
{
    public GrainId GrainId => GrainId.Create(GrainType, GrainKey);

    /// <summary>The stored bytes, decoded.</summary>
    [JsonIgnore]
    public BinaryData Data => new(Convert.FromBase64String(Bytes));
}
