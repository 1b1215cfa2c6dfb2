using System.Collections;
using System.Diagnostics;

namespace Summits.Telemetry.Tests;

/// <summary>The in-memory exporter's target: spans arrive from silo and client threads while tests read them.</summary>
public sealed class SpanLog : ICollection<Activity>
{
    private readonly Lock _gate = new();
    private readonly List<Activity> _spans = [];

    public int Count
    {
        get { lock (_gate) return _spans.Count; }
    }

    public bool IsReadOnly => false;

    public void Add(Activity item)
    {
        lock (_gate)
            _spans.Add(item);
    }

    public IReadOnlyList<Activity> Snapshot()
    {
        lock (_gate)
            return [.. _spans];
    }

    public void Clear()
    {
        lock (_gate)
            _spans.Clear();
    }

    public bool Contains(Activity item)
    {
        lock (_gate)
            return _spans.Contains(item);
    }

    public void CopyTo(Activity[] array, int arrayIndex)
    {
        lock (_gate)
            _spans.CopyTo(array, arrayIndex);
    }

    public bool Remove(Activity item)
    {
        lock (_gate)
            return _spans.Remove(item);
    }

    public IEnumerator<Activity> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
