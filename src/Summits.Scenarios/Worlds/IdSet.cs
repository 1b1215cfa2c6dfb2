using System.Collections;

namespace Summits.Scenarios;

/// <summary>
/// The ids a world declares, in file order for messages, with constant-time lookup so that a generated
/// world of thousands of actors and hundreds of thousands of positions loads in linear time.
/// </summary>
public sealed class IdSet : ICollection<string>, IReadOnlyCollection<string>
{
    private readonly List<string> _ordered = [];
    private readonly HashSet<string> _lookup = new(StringComparer.Ordinal);

    public int Count => _ordered.Count;

    public bool IsReadOnly => true;

    /// <summary>Adds the id if it is new; false if it is already there.</summary>
    public bool TryAdd(string id)
    {
        if (!_lookup.Add(id))
            return false;
        _ordered.Add(id);
        return true;
    }

    public bool Contains(string item) => _lookup.Contains(item);

    public void CopyTo(string[] array, int arrayIndex) => _ordered.CopyTo(array, arrayIndex);

    public IEnumerator<string> GetEnumerator() => _ordered.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    void ICollection<string>.Add(string item) => throw new NotSupportedException("an id set is filled with TryAdd");

    void ICollection<string>.Clear() => throw new NotSupportedException("an id set is read-only");

    bool ICollection<string>.Remove(string item) => throw new NotSupportedException("an id set is read-only");
}
