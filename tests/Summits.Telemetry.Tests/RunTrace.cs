using System.Diagnostics;
using Summits.Grains;

namespace Summits.Telemetry.Tests;

/// <summary>The spans of one run's trace, found by the run span of its world, with the way up from any of them.</summary>
public sealed class RunTrace
{
    private readonly Dictionary<ActivitySpanId, Activity> _byId;

    private RunTrace(Activity root, IReadOnlyList<Activity> spans)
    {
        Root = root;
        Spans = spans;
        _byId = spans.ToDictionary(s => s.SpanId);
    }

    public Activity Root { get; }

    public IReadOnlyList<Activity> Spans { get; }

    public static RunTrace Of(IReadOnlyList<Activity> exported, string world)
    {
        var root = Assert.Single(exported, s => s.OperationName == SummitsTelemetry.RunSpan && Equals(s.GetTagItem(SummitsTelemetry.World), world));
        return new RunTrace(root, [.. exported.Where(s => s.TraceId == root.TraceId)]);
    }

    public List<Activity> Named(string name) =>
        [.. Spans.Where(s => s.Source.Name == SummitsTelemetry.Name && s.OperationName == name)];

    public Activity? Parent(Activity span) => _byId.GetValueOrDefault(span.ParentSpanId);

    public bool Descends(Activity span, Activity ancestor)
    {
        for (var up = Parent(span); up is not null; up = Parent(up))
        {
            if (up == ancestor)
                return true;
        }
        return false;
    }
}
