using System.Globalization;
using Summits.Model;
using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// Reads one YAML mapping key by key, checking types and ranges, and reports every mistake with
/// its file position, what was expected and, where the choices are few, the valid ones.
/// </summary>
public sealed class MappingReader
{
    private readonly string _file;
    private readonly YamlMappingNode _node;
    private readonly string _what;
    private readonly HashSet<string> _known = new(StringComparer.Ordinal);
    private readonly string[] _keys;

    /// <param name="keys">
    /// Every key this kind of mapping may hold, declared once by each reader (every reader declares them), so that an error for an unknown
    /// or misspelt key lists them all (closest first) even when the mistake comes before the keys after it
    /// are read. A key is still accepted only once it is read: a key of another form of the mapping is refused.
    /// </param>
    /// <param name="checkKeys">
    /// Whether a key that is none of <paramref name="keys"/> is refused at once (<see cref="RejectUndeclaredKeys"/>), before
    /// any check of what the mapping holds can report a misspelt key as a missing one. Only a reader that probes a mapping
    /// for a few of its keys, or that says itself what an unknown key is (a step's kind), passes false.
    /// </param>
    /// <param name="identifiedBy">
    /// The key that says what kind of file this mapping is the top of ('exercise', 'scenario', 'world'), or null. A file
    /// without it, nor any misspelling of it, is most likely another kind of file: that is said first, as the missing
    /// key (<c>the exercise is missing the required key 'exercise'</c>), rather than its first key as an unknown one. A
    /// file that is another kind Summits reads (<see cref="FileKind.Of"/>) is said to be that kind, with what takes it:
    /// <c>this is a world file, not a scenario file; summits run --world soe.yaml runs it</c>.
    /// </param>
    /// <exception cref="InputException">The node is not a mapping, or (with <paramref name="checkKeys"/>) holds an undeclared key.</exception>
    public MappingReader(string file, YamlNode node, string what, IReadOnlyList<string> keys, bool checkKeys = true, string? identifiedBy = null)
    {
        _file = file;
        _what = what;
        _keys = [.. keys];
        _node = Mapping(file, node, what);
        if (identifiedBy is not null)
        {
            var misspelt = Find(identifiedBy) is null
                && _node.Children.Keys.OfType<YamlScalarNode>().Any(k => k.Value is { } name && !_keys.Contains(name) && Misspelling(name, [identifiedBy]) is not null);
            // A file of another kind is said as one before its keys are: a world given as a scenario lacks 'scenario', a
            // scenario given as a world has 'world' (the world it names) beside keys a world has not.
            if (!misspelt && FileKind.Of(_node) is { } kind && kind.Key != identifiedBy && FileKind.Keyed(identifiedBy) is { } expected)
                throw new InputException(Position, kind.NotA(expected, file));
            if (Find(identifiedBy) is null && !misspelt)
                throw new InputException(Position, Missing(what, identifiedBy));
        }
        if (checkKeys)
            RejectUndeclaredKeys();
    }

    /// <summary>
    /// Fails on the first key that is none of the declared keys, at that key: a misspelling one or two edits from a declared
    /// key (one for a key of four letters or fewer, as <see cref="Required(string)"/> allows) names the key meant,
    /// <c>unknown key 'salince' in a position; did you mean 'salience'? (valid keys, closest first: salience, …)</c>;
    /// any other lists the valid keys, <c>unknown key 'colour' in an actor; expected one of …</c>.
    /// </summary>
    /// <exception cref="InputException">The mapping holds a key not declared for it.</exception>
    public void RejectUndeclaredKeys() => RejectUndeclared(_file, _node, _what, _keys, Valid);

    /// <summary>
    /// Checks what the constructor checks, without a reader to read the mapping by: that <paramref name="node"/> is a
    /// mapping, and holds only the <paramref name="keys"/> declared for <paramref name="what"/>, each mistake said as the
    /// constructor says it. For a check of a mapping that is read later, or by another reader (a draft world's entries,
    /// checked before the draft is refused).
    /// </summary>
    /// <exception cref="InputException">The node is not a mapping, or holds an undeclared key.</exception>
    public static void Check(string file, YamlNode node, string what, IReadOnlyList<string> keys) =>
        RejectUndeclared(file, Mapping(file, node, what), what, keys, name => Closest.Order(name, keys));

    /// <summary>The node as a mapping, or the refusal of what it is instead: <c>expected a proposal as a mapping of keys to values, not a list ([a])</c>.</summary>
    private static YamlMappingNode Mapping(string file, YamlNode node, string what) =>
        node as YamlMappingNode ?? throw new InputException(YamlDocument.At(file, node), $"expected {what} as a mapping of keys to values, not {FoundValue.Of(node)}");

    /// <summary>Fails on the first key of <paramref name="mapping"/> that is none of <paramref name="keys"/>, naming the valid keys <paramref name="valid"/> gives for it.</summary>
    private static void RejectUndeclared(string file, YamlMappingNode mapping, string what, IReadOnlyList<string> keys, Func<string, IEnumerable<string>> valid)
    {
        foreach (var (key, _) in mapping.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (keys.Contains(name))
                continue;
            var meant = Misspelling(name, keys);
            throw new InputException(YamlDocument.At(file, key), meant is null
                ? $"unknown key '{name}' in {what}; expected {OneOf(valid(name))}"
                : $"unknown key '{name}' in {what}; did you mean '{meant}'? (valid keys, closest first: {Choices(valid(name))})");
        }
    }

    /// <summary>The one of <paramref name="keys"/> that <paramref name="name"/> is a misspelling of (one edit for a key of four letters or fewer, two for a longer one; fewest edits first), or null.</summary>
    private static string? Misspelling(string name, IEnumerable<string> keys) =>
        keys.Where(k => EditDistance.Between(name, k) <= (k.Length <= 4 ? 1 : 2))
            .OrderBy(k => EditDistance.Between(name, k))
            .FirstOrDefault();

    /// <summary>
    /// The keys to name in an error about <paramref name="name"/>: the declared ones and any read beside
    /// them, closest to <paramref name="name"/> first (fewest edits), then in their declared order.
    /// </summary>
    private IEnumerable<string> Valid(string name)
    {
        var keys = _keys.Concat(_known.Where(k => !_keys.Contains(k))).ToList();
        return Closest.Order(name, keys);
    }

    public string File => _file;

    public FilePosition Position => YamlDocument.At(_file, _node);

    public YamlMappingNode Node => _node;

    public bool Has(string key)
    {
        _known.Add(key);
        return Find(key) is not null;
    }

    public YamlNode? Optional(string key)
    {
        _known.Add(key);
        return Find(key);
    }

    /// <summary>
    /// The value of <paramref name="key"/>, which must be there.
    /// </summary>
    /// <exception cref="InputException">
    /// The key is missing. Where the mapping holds a key not read yet that is one or two edits from it (a
    /// misspelling such as 'trems' for 'terms'), the error points at that key, as an unknown key, and names
    /// the one meant; otherwise it points at the mapping.
    /// </exception>
    public YamlNode Required(string key) => Required(key, null);

    /// <summary>
    /// The value of <paramref name="key"/>, which must be there and is one of a closed set: as <see cref="Required(string)"/>,
    /// and a missing key is said with <paramref name="expected"/>, the key and its valid values
    /// (<c>the answers file is missing the required key 'role'; expected role: JP or US</c>).
    /// </summary>
    /// <exception cref="InputException">The key is missing, said as <see cref="Required(string)"/> says it.</exception>
    public YamlNode Required(string key, string? expected)
    {
        if (Optional(key) is { } node)
            return node;
        var misspelt = _node.Children
            .Select(p => p.Key)
            .OfType<YamlScalarNode>()
            .Where(k => k.Value is { } name && !_known.Contains(name) && !_keys.Contains(name) && EditDistance.Between(name, key) <= (key.Length <= 4 ? 1 : 2))
            .OrderBy(k => EditDistance.Between(k.Value!, key))
            .FirstOrDefault();
        if (misspelt is not null)
            throw Fail(misspelt, $"unknown key '{misspelt.Value}' in {_what}; did you mean '{key}', which {_what} requires? (valid keys, closest first: {Choices(Valid(misspelt.Value!))})");
        throw new InputException(Position, Missing(_what, key) + (expected is null ? "" : $"; expected {expected}"));
    }

    /// <summary>
    /// That <paramref name="what"/> lacks <paramref name="key"/>, the verb agreeing with it: a name whose last word is a
    /// plural in -s (the model parameters, an actor's KTAB numbers) <c>are missing</c>, any other <c>is missing</c>.
    /// Every reader names its mapping with a singular noun, or with a plural that ends in -s.
    /// </summary>
    private static string Missing(string what, string key) =>
        $"{what} {(what.EndsWith('s') && !what.EndsWith("ss", StringComparison.Ordinal) ? "are" : "is")} missing the required key '{key}'";

    /// <summary>What a key of text expects, as an error says it when the key holds a list or a mapping.</summary>
    public const string Text = "text (a single value)";

    /// <summary>The text of <paramref name="key"/>, which must be there.</summary>
    /// <exception cref="InputException">The key is missing, or holds a list or a mapping (said as <c>'title' must be text (a single value), not a list ([a, b])</c>).</exception>
    public string String(string key) => Scalar(Required(key), key);

    /// <summary>The text of <paramref name="key"/>, which must be there and be <paramref name="expected"/> ("an actor id, one of JP or US").</summary>
    /// <exception cref="InputException">The key is missing, or holds a list or a mapping (said as <c>'actor' must be </c><paramref name="expected"/><c>, not a list ([JP])</c>).</exception>
    public string String(string key, string expected) => Scalar(Required(key), key, expected);

    /// <summary>The text of <paramref name="key"/>, or null when it is not there.</summary>
    /// <exception cref="InputException">The key holds a list or a mapping.</exception>
    public string? OptionalString(string key) => Optional(key) is { } node ? Scalar(node, key) : null;

    /// <summary>
    /// A sentence of prose under <paramref name="key"/>, such as a <c>because:</c>: its lines, each trimmed, joined by
    /// single spaces (blank lines dropped), so that a reason written as a YAML block (<c>|</c>, which keeps its line
    /// breaks and a last one) reads the same in every output as one written on one line; the spaces within a line are
    /// kept. Empty when the key is absent.
    /// </summary>
    public string OptionalProse(string key) =>
        OptionalString(key) is { } text
            ? string.Join(' ', text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            : "";

    public double Number(string key, double min, double max) => Number(Required(key), key, min, max);

    public double? OptionalNumber(string key, double min, double max) =>
        Optional(key) is { } node ? Number(node, key, min, max) : null;

    public int Integer(string key, int min, int max)
    {
        var node = Required(key);
        var text = Scalar(node, key, $"a whole number from {min} to {max}");
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw Fail(node, $"'{key}' must be a whole number from {min} to {max}, not '{text}'");
        if (value < min || value > max)
            throw Fail(node, $"'{key}' must be a whole number from {min} to {max}, not {value}");
        return value;
    }

    public T Enum<T>(string key) where T : struct, Enum => Enum<T>(Required(key), key);

    public T Enum<T>(YamlNode node, string key) where T : struct, Enum
    {
        var text = Scalar(node, key, OneOf(KebabCase.Names<T>()));
        if (KebabCase.TryParse<T>(text, out var value))
            return value;
        throw Fail(node, $"'{key}' must be {OneOf(KebabCase.Names<T>())}, not '{text}'{Closest.DidYouMean(text, KebabCase.Names<T>())}");
    }

    public IReadOnlyList<YamlNode> List(string key, bool allowEmpty = false)
    {
        var node = Required(key);
        if (node is not YamlSequenceNode sequence)
            throw Fail(node, $"'{key}' must be a list, not {FoundValue.Of(node)}");
        if (!allowEmpty && sequence.Children.Count == 0)
            throw Fail(node, $"'{key}' must list at least one item");
        return [.. sequence.Children];
    }

    public IReadOnlyList<YamlNode> OptionalList(string key) =>
        Has(key) ? List(key, allowEmpty: true) : [];

    /// <summary>The keys and values of the mapping under <paramref name="key"/>, which must be there.</summary>
    /// <param name="key">The key.</param>
    /// <param name="shape">What the mapping maps, with an example, for the error when it is not a mapping:
    /// "a mapping of topics to values, for example '{ tpp-11: 80 }'". Null says "a mapping of keys to values".</param>
    /// <exception cref="InputException">The key is missing, holds no mapping, or the mapping has a key that is a list or a mapping.</exception>
    public IReadOnlyList<(YamlScalarNode Key, YamlNode Value)> Pairs(string key, string? shape = null)
    {
        var node = Required(key);
        if (node is not YamlMappingNode mapping)
            throw Fail(node, $"'{key}' must be {shape ?? "a mapping of keys to values"}, not {FoundValue.Of(node)}");
        return mapping.Children
            .Select(p => (p.Key as YamlScalarNode ?? throw Fail(p.Key, $"the keys of '{key}' must be single values, not lists or mappings"), p.Value))
            .ToArray();
    }

    public (double Low, double High) Range(string key, double min, double max)
    {
        var node = Required(key);
        if (node is not YamlSequenceNode { Children.Count: 2 } pair)
            throw Fail(node, $"'{key}' must be a pair [low, high] between {Format(min)} and {Format(max)}, not {FoundValue.Of(node)}");
        var low = Number(pair.Children[0], key, min, max);
        var high = Number(pair.Children[1], key, min, max);
        if (low > high)
            throw Fail(node, $"'{key}' must be [low, high] with low <= high, not [{Format(low)}, {Format(high)}]");
        return (low, high);
    }

    /// <summary>Fails on the first key that no read asked for: a typo should not pass silently.</summary>
    public void RejectUnknownKeys()
    {
        foreach (var (key, _) in _node.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? "";
            if (!_known.Contains(name))
                throw Fail(key, $"unknown key '{name}' in {_what}; expected {OneOf(Valid(name))}");
        }
    }

    public InputException Fail(YamlNode node, string problem) => new(YamlDocument.At(_file, node), problem);

    /// <summary>The text at <paramref name="node"/>, the value of <paramref name="key"/>, which must be <see cref="Text"/>.</summary>
    /// <exception cref="InputException">The node is a list or a mapping.</exception>
    public string Scalar(YamlNode node, string key) => Scalar(node, key, Text);

    /// <summary>
    /// The text at <paramref name="node"/>, the value of <paramref name="key"/>, which must be a single value of the kind
    /// <paramref name="expected"/> says ("a whole number from 1 to 100", "one of unanimity or weighted-majority").
    /// </summary>
    /// <exception cref="InputException">The node is a list or a mapping: <c>'seed' must be a whole number from 0 to …, not a list ([42])</c>.</exception>
    public string Scalar(YamlNode node, string key, string expected)
    {
        if (node is not YamlScalarNode scalar || scalar.Value is null)
            throw Fail(node, $"'{key}' must be {expected}, not {FoundValue.Of(node)}");
        return scalar.Value;
    }

    /// <summary>
    /// The text of an item of the list under <paramref name="key"/>, which must be a single value of the kind
    /// <paramref name="expected"/> says.
    /// </summary>
    /// <exception cref="InputException">The item is a list or a mapping: <c>each item of 'parties' must be an actor id, one of JP or US, not a list ([JP])</c>.</exception>
    public string Item(YamlNode node, string key, string expected)
    {
        if (node is not YamlScalarNode scalar || scalar.Value is null)
            throw Fail(node, $"each item of '{key}' must be {expected}, not {FoundValue.Of(node)}");
        return scalar.Value;
    }

    public double Number(YamlNode node, string key, double min, double max)
    {
        var text = Scalar(node, key, $"a number from {Format(min)} to {Format(max)}");
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            throw Fail(node, $"'{key}' must be a number from {Format(min)} to {Format(max)}, not '{text}'");
        // A value just past a bound (100.00004) would echo as the bound itself at four decimals: it is echoed as written.
        if (value < min || value > max)
        {
            var echoed = Format(value);
            throw Fail(node, $"'{key}' must be a number from {Format(min)} to {Format(max)}, not {(echoed == Format(min) || echoed == Format(max) ? text.Trim() : echoed)}");
        }
        return value;
    }

    /// <summary>Alternatives to choose among, in their order, as English joins them: "a, b or c" (<see cref="Listed.Or"/>).</summary>
    public static string Choices(IEnumerable<string> choices) => Listed.Or(choices);

    /// <summary>
    /// The valid <paramref name="choices"/> for a mistaken <paramref name="given"/>, closest to it first (those it is a
    /// stem of, then fewest edits, <see cref="Closest"/>), then in their given order, as alternatives: "a, b or c".
    /// </summary>
    public static string Choices(string given, IEnumerable<string> choices) => Choices(Closest.Order(given, choices));

    /// <summary>
    /// Alternatives after a verb, in their order: "one of a, b or c", or for a single choice the choice itself
    /// (<see cref="Listed.OneOf"/>), so that "expected one of …" reads "expected trade" when trade is the only choice.
    /// </summary>
    public static string OneOf(IEnumerable<string> choices) => Listed.OneOf(choices);

    /// <summary>
    /// <see cref="OneOf(IEnumerable{string})"/> for a mistaken <paramref name="given"/>, the choices closest to it first
    /// (<see cref="Choices(string, IEnumerable{string})"/>).
    /// </summary>
    public static string OneOf(string given, IEnumerable<string> choices) => OneOf(Closest.Order(given, choices));

    /// <summary>The whole of a set of names, in their order, as English lists them: "a, b and c" (<see cref="Listed.And"/>).</summary>
    public static string Known(IEnumerable<string> names) => Listed.And(names);

    /// <summary>
    /// The whole of a set of <paramref name="names"/> after a mistaken <paramref name="given"/>, closest to it first (as
    /// <see cref="Choices(string, IEnumerable{string})"/> orders them), listed as English lists them: "a, b and c".
    /// </summary>
    public static string Known(string given, IEnumerable<string> names) => Known(Closest.Order(given, names));

    /// <summary>
    /// A number as errors echo it: to four decimals at most, as every figure is shown (<see cref="Figures.Text(double)"/>:
    /// 0.65, 1.2345), and in exponent form when that would print more than fifteen digits or round a small number to 0
    /// (1E+308, -1E-9), so no error runs to hundreds of digits or says 0 for what is not.
    /// </summary>
    public static string Format(double value) =>
        value == 0 || (Math.Abs(value) >= 0.0001 && Math.Abs(value) < 1e15)
            ? Figures.Text(value)
            : value.ToString("0.####E+0", CultureInfo.InvariantCulture);

    private YamlNode? Find(string key)
    {
        foreach (var (k, v) in _node.Children)
        {
            if (k is YamlScalarNode { Value: var name } && name == key)
                return v;
        }
        return null;
    }
}
