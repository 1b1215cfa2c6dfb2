namespace Summits.Scenarios;

/// <summary>
/// A text a person wrote, such as a shock's reason, read as one sentence: the play and the debrief both end it this
/// way, so that the same shock reads alike in each.
/// </summary>
public static class Sentence
{
    /// <summary>
    /// <paramref name="text"/> without trailing white space, ended with a full stop unless it ends with one already or
    /// with <c>!</c> or <c>?</c>: <c>Typhoon hits</c> gives <c>Typhoon hits.</c>, <c>Typhoon hits.</c> and
    /// <c>Typhoon hits!</c> stay as they are. An empty text stays empty.
    /// </summary>
    public static string Of(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.TrimEnd();
        return trimmed.Length == 0 || trimmed[^1] is '.' or '!' or '?' ? trimmed : trimmed + ".";
    }
}
