namespace Summits.Grains;

/// <summary>
/// Grain keys carry the world, so that many worlds live side by side: <c>{world}/{id}</c>. Every id that
/// becomes part of a key (a world's, a scenario's, an actor's, a topic's, a step's or a branch's) is
/// checked against <see cref="IsId"/> where it is read, so a bad one is bad input and never reaches a grain.
/// </summary>
public static class GrainKeys
{
    /// <summary>
    /// The most characters an id may have: 64, room for any readable name, while a key (world and id, each at most
    /// this long, and a '/') stays short in logs, storage keys and file names.
    /// </summary>
    public const int MaxIdLength = 64;

    /// <summary>What an id may be, in words, for error messages.</summary>
    public const string IdRule = "letters, digits, '-' or '_', starting with a letter or digit, at most 64 characters (no spaces or '/')";

    /// <summary>
    /// True when <paramref name="id"/> may be part of a grain key: 1 to <see cref="MaxIdLength"/> ASCII letters,
    /// digits, '-' and '_', starting with a letter or digit.
    /// </summary>
    public static bool IsId(string id)
    {
        if (id.Length == 0 || id.Length > MaxIdLength || !char.IsAsciiLetterOrDigit(id[0]))
            return false;
        foreach (var c in id)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_'))
                return false;
        }
        return true;
    }

    /// <summary>The key of the grain <paramref name="id"/> (a country, a topic, a timeline page) of world <paramref name="world"/>: <c>{world}/{id}</c>.</summary>
    /// <remarks>Both parts are ids that passed <see cref="IsId"/>; this method does not check them again.</remarks>
    public static string Of(string world, string id) => $"{world}/{id}";

    /// <summary>
    /// The world and the id of a key made by <see cref="Of"/>, split at its first '/'; a key without one (a world
    /// grain's) is all world, with an empty id.
    /// </summary>
    public static (string World, string Id) Split(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }
}
