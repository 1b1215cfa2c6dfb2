using System.Collections.Immutable;

namespace Summits.Model;

/// <summary>
/// Watches a run from inside: the scopes of steps and proposals, and every event as it is written.
/// Telemetry hangs its spans and metrics here, so the model itself stays free of them.
/// </summary>
public interface IRunObserver
{
    /// <summary>A step (or one round of a rounds step) begins; disposing the result ends it.</summary>
    IDisposable? BeginStep(Step step, int? round);

    /// <summary>A proposal is delivered; disposing the result ends it. Events written meanwhile belong to it.</summary>
    IDisposable? BeginProposal(Proposal proposal);

    /// <summary>A proposal's outcome: the parties bound by the agreement it made, or none.</summary>
    void EndProposal(Proposal proposal, ImmutableArray<string> parties);

    void Emitted(TimelineEvent e);
}

/// <summary>An observer that watches nothing.</summary>
public sealed class NoObserver : IRunObserver
{
    public static NoObserver Instance { get; } = new();

    public IDisposable? BeginStep(Step step, int? round) => null;

    public IDisposable? BeginProposal(Proposal proposal) => null;

    public void EndProposal(Proposal proposal, ImmutableArray<string> parties) { }

    public void Emitted(TimelineEvent e) { }
}
