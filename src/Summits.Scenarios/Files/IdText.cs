using System.Text;

namespace Summits.Scenarios;

/// <summary>Makes a valid id (<c>[A-Za-z0-9][A-Za-z0-9_-]*</c>) from a name: letters and digits kept, every other run of characters made one '-'.</summary>
public static class IdText
{
    public static string From(string text, string fallback, bool keepCase = false)
    {
        var id = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsAsciiLetterOrDigit(c) || c == '_')
                id.Append(keepCase ? c : char.ToLowerInvariant(c));
            else if (id.Length > 0 && id[^1] != '-')
                id.Append('-');
        }
        var result = id.ToString().Trim('-', '_');
        return result.Length > 0 ? result : fallback;
    }
}
