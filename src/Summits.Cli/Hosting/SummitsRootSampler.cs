using OpenTelemetry.Trace;
using Summits.Grains;

namespace Summits.Cli.Hosting;

/// <summary>
/// Records a trace only when it begins with a Summits span (one that names its world), so a receiver's trace
/// list holds the runs and not the traces Orleans starts on its own for membership, directory and housekeeping.
/// Spans inside a run's trace follow their parent (<see cref="ParentBasedSampler"/>), whatever their source.
/// </summary>
public sealed class SummitsRootSampler : Sampler
{
    private static readonly SamplingResult Record = new(SamplingDecision.RecordAndSample);
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);

    public override SamplingResult ShouldSample(in SamplingParameters parameters)
    {
        foreach (var tag in parameters.Tags ?? [])
        {
            if (tag.Key == SummitsTelemetry.World)
                return Record;
        }
        return Drop;
    }
}
