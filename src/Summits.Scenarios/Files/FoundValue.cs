using YamlDotNet.RepresentationModel;

namespace Summits.Scenarios;

/// <summary>
/// What a YAML value is, as every "must be X, not Y" error says what it found in place of X: a single value quoted as
/// written (<c>'0.6'</c>) on one line (a block scalar's line breaks said as spaces, its last ones left out) and, past
/// 40 characters, cut there with <c>…</c> after it; an empty value, or a list or mapping with its items when they are short (<c>a list ([42])</c>,
/// <c>a mapping ({ low: 1 })</c>), otherwise with their count (<c>a list of 12 items</c>).
/// </summary>
public static class FoundValue
{
    /// <summary>The longest items shown in flow form, <c>[a, b]</c> (a longer list or mapping is said by its count), and the longest single value shown whole.</summary>
    private const int Shown = 40;

    /// <summary>The value at <paramref name="node"/> as an error names what it found there.</summary>
    public static string Of(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "", Style: YamlDotNet.Core.ScalarStyle.Plain } => "an empty value",
        YamlScalarNode scalar => $"'{Cut((scalar.Value ?? "").TrimEnd('\r', '\n').ReplaceLineEndings(" "))}'",
        YamlSequenceNode { Children.Count: 0 } => "an empty list ([])",
        YamlSequenceNode list => Flow(list) is { Length: <= Shown } text ? $"a list ({text})" : $"a list of {Counted.Of(list.Children.Count, "item")}",
        YamlMappingNode { Children.Count: 0 } => "an empty mapping ({})",
        YamlMappingNode mapping => Flow(mapping) is { Length: <= Shown } text ? $"a mapping ({text})" : $"a mapping of {Counted.Of(mapping.Children.Count, "key")}",
        _ => "no value",
    };

    /// <summary>A single value's text, its first <see cref="Shown"/> characters then <c>…</c> when it is longer (not parting a surrogate pair).</summary>
    private static string Cut(string text)
    {
        if (text.Length <= Shown)
            return text;
        var end = char.IsHighSurrogate(text[Shown - 1]) ? Shown - 1 : Shown;
        return $"{text[..end]}…";
    }

    /// <summary>A list or mapping in YAML's flow form, one line: <c>[42, 43]</c>, <c>{ low: 1, high: 2 }</c>.</summary>
    private static string Flow(YamlNode node) => node switch
    {
        YamlScalarNode scalar => (scalar.Value ?? "").ReplaceLineEndings(" "),
        YamlSequenceNode list => $"[{string.Join(", ", list.Children.Select(Flow))}]",
        YamlMappingNode mapping => mapping.Children.Count == 0 ? "{}" : $"{{ {string.Join(", ", mapping.Children.Select(p => $"{Flow(p.Key)}: {Flow(p.Value)}"))} }}",
        _ => "",
    };
}
