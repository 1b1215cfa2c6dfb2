namespace Summits.Grains;

/// <summary>The named grain storage every Summits grain keeps its state in.</summary>
public static class StorageNames
{
    public const string Summits = "summits";
}
