namespace Summits.Grains;

/// <summary>Grain keys carry the world, so that many worlds live side by side: <c>{world}/{id}</c>.</summary>
public static class GrainKeys
{
    public static string Of(string world, string id) => $"{world}/{id}";

    public static (string World, string Id) Split(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? (key, "") : (key[..slash], key[(slash + 1)..]);
    }
}
