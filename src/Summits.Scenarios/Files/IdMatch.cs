namespace Summits.Scenarios;

/// <summary>
/// How a name a person types is matched against a fixed set of ids or choices: as it is written, or, when it
/// differs from exactly one of them only in case, as that one ("us" names US, "LOCAL" names local). A name
/// that differs only in case from two of them (were there ids "a" and "A") names neither, and is refused as
/// any unknown name is.
/// </summary>
public static class IdMatch
{
    /// <summary>The id among <paramref name="ids"/> that <paramref name="name"/> names, spelt as the id is; null when it names none.</summary>
    public static string? Find(IEnumerable<string> ids, string name)
    {
        string? found = null;
        var twice = false;
        foreach (var id in ids)
        {
            if (id == name)
                return id;
            if (!string.Equals(id, name, StringComparison.OrdinalIgnoreCase))
                continue;
            twice |= found is not null && found != id;
            found = id;
        }
        return twice ? null : found;
    }
}
