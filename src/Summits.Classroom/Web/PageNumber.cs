using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;

namespace Summits.Classroom;

/// <summary>
/// A whole number a page sends, read whatever it is: a JSON number, or text as a field holds it. Anything else is
/// refused in the words a file's reader uses for such a value, <c>'shock' must be a whole number from 1 to 2, not
/// 'abc'</c>, rather than SignalR's own failure to read the call.
/// </summary>
public static class PageNumber
{
    /// <summary>
    /// <paramref name="value"/> as a whole number, when it is one (a JSON number without a fraction, or text of one);
    /// whether it lies within <paramref name="least"/> to <paramref name="greatest"/> is the caller's to check.
    /// </summary>
    /// <param name="key">The value's name, as a refusal quotes it: <c>table</c>, <c>shock</c>.</param>
    /// <exception cref="HubException">The value is not a whole number; the refusal names the range expected.</exception>
    public static int Whole(JsonElement value, string key, int least, int greatest)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number))
            return number;
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() ?? "",
            JsonValueKind.Undefined => "",
            _ => value.GetRawText(),
        };
        if (value.ValueKind == JsonValueKind.String && int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number))
            return number;
        var shown = string.Concat(text.Take(40).Where(c => !char.IsControl(c)));
        throw new HubException($"'{key}' must be a whole number from {least.ToString(CultureInfo.InvariantCulture)} to {greatest.ToString(CultureInfo.InvariantCulture)}, not '{shown}'");
    }
}
