using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Summits.Scenarios;

/// <summary>
/// Spells single values for the YAML files Summits writes: text plain where that reads back
/// unchanged, double-quoted otherwise, and numbers in the shortest form that reads back exactly.
/// </summary>
public static partial class YamlText
{
    /// <summary>Text as a block value: plain when safe, otherwise double-quoted.</summary>
    public static string Text(string value) => IsPlainSafe(value, flow: false) ? value : Quoted(value);

    /// <summary>Text inside <c>[...]</c> or <c>{...}</c>, where commas and brackets also need quotes.</summary>
    public static string FlowText(string value) => IsPlainSafe(value, flow: true) ? value : Quoted(value);

    public static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    public static string Quoted(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\u0085': text.Append("\\N"); break;
                case '\u2028': text.Append("\\L"); break;
                case '\u2029': text.Append("\\P"); break;
                case '\uFEFF': text.Append("\\uFEFF"); break;
                default:
                    if (c < ' ' || c == '\u007F')
                        text.Append("\\x").Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        return text.Append('"').ToString();
    }

    private static bool IsPlainSafe(string value, bool flow)
    {
        if (value.Length == 0 || char.IsWhiteSpace(value[^1]))
            return false;
        if (!char.IsLetter(value[0]) && !IsRelativePath(value))
            return false;
        if (Reserved().IsMatch(value))
            return false;
        foreach (var c in value)
        {
            if (c is ':' or '#' or '\n' or '\r' or '\t' or '"' or '\\' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || c < ' ')
                return false;
            if (flow && c is ',' or '[' or ']' or '{' or '}')
                return false;
        }
        return true;
    }

    private static bool IsRelativePath(string value) =>
        value.StartsWith("../", StringComparison.Ordinal) || value.StartsWith("./", StringComparison.Ordinal) || value.StartsWith('/');

    /// <summary>Words that YAML 1.1 tools read as booleans or null.</summary>
    [GeneratedRegex("^(?i:y|n|yes|no|true|false|on|off|null)$")]
    private static partial Regex Reserved();
}
