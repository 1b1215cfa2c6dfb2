using System.Collections.Immutable;
using System.Globalization;

namespace Summits.Model;

/// <summary>
/// Runs a scenario's steps against a world, one step (or one autonomous round) per advance, and
/// writes every change into the timeline with its cause. It reaches countries and topics only
/// through <see cref="IWorldAccess"/>, so a local run and a grain-hosted run take the same path
/// and give the same timeline.
/// </summary>
/// <param name="cancellation">
/// Checked before every advance, every proposal delivered and every spatial-model move, so that Ctrl-C stops
/// a round of a large world within one proposal rather than at the round's end; a cancelled advance throws
/// <see cref="OperationCanceledException"/> and leaves <paramref name="state"/> part-way, to be dropped.
/// </param>
public sealed partial class ScenarioRunner(IWorldAccess world, RunState state, IRunObserver? observer = null, CancellationToken cancellation = default)
{
    private readonly IRunObserver _observer = observer ?? NoObserver.Instance;

    private Step? _step;
    private int? _round;
    private readonly List<TimelineEvent> _written = [];
    private int _changeSets;
    private Dictionary<string, Actor>? _actors;
    // The actors of the last advance's read, emptied and filled again by the next (ReadActorsAsync).
    private Dictionary<string, Actor>? _actorsRead;
    // Who accepted the proposal being decided, and every party's capability: DeliverAsync's, emptied for each proposal.
    private readonly HashSet<string> _accepting = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _capabilities = new(StringComparer.Ordinal);
    private Func<string, double>? _capabilityOf;

    /// <summary>
    /// Every actor as its country holds it, read once in the advance in progress (<see cref="ReadActorsAsync"/>).
    /// The countries own capability and affinity; the runner keeps this copy for one advance only, so a shock, a
    /// retry or a snapshot can never see a value the country does not hold.
    /// </summary>
    private Dictionary<string, Actor> Actors =>
        _actors ?? throw new InvalidOperationException("the actors are read from their countries before an advance uses them");

    /// <summary>
    /// Reads every actor of the world from its country, in parallel; an advance runs one step, so it reads them once.
    /// </summary>
    private async Task ReadActorsAsync()
    {
        // Arrays sized up front, not a query: Task.WhenAll would copy a query into a growing list.
        var asked = new Task<Actor>[state.ActorOrder.Count];
        for (var i = 0; i < asked.Length; i++)
            asked[i] = world.Country(state.ActorOrder[i]).Actor();
        var actors = await AllAsync(asked);
        var read = _actorsRead ??= new Dictionary<string, Actor>(actors.Length, StringComparer.Ordinal);
        read.Clear();
        foreach (var actor in actors)
            read.Add(actor.Id, actor);
        _actors = read;
    }

    /// <summary>
    /// The results of <paramref name="tasks"/>, in their order: at once when every one has already succeeded, as every
    /// answer of a world in plain objects has (no promise and no copy of the array, as <see cref="Task.WhenAll{TResult}(Task{TResult}[])"/>
    /// makes), otherwise as <see cref="Task.WhenAll{TResult}(Task{TResult}[])"/> gives them, once every one has ended.
    /// </summary>
    private static ValueTask<T[]> AllAsync<T>(Task<T>[] tasks)
    {
        foreach (var task in tasks)
        {
            if (!task.IsCompletedSuccessfully)
                return new ValueTask<T[]>(Task.WhenAll(tasks));
        }
        var results = new T[tasks.Length];
        for (var i = 0; i < tasks.Length; i++)
            results[i] = tasks[i].Result;
        return new ValueTask<T[]>(results);
    }

    /// <summary>The tables of <paramref name="topics"/>, in that order, asked of their topics at once.</summary>
    private ValueTask<TopicTable[]> TablesAsync(IReadOnlyList<string> topics)
    {
        var asked = new Task<TopicTable>[topics.Count];
        for (var i = 0; i < asked.Length; i++)
            asked[i] = world.Topic(topics[i]).Get();
        return AllAsync(asked);
    }

    private ModelParameters Parameters => state.Scenario.Parameters;

    /// <summary>
    /// Runs the next step as <see cref="AdvanceAsync()"/> does, checking <paramref name="advanceCancellation"/> in place of
    /// the token the runner was made with, in this advance and the ones after it: a host that runs every advance of a
    /// run through one runner, each advance with the token of the call that asked for it.
    /// </summary>
    public Task<ImmutableArray<TimelineEvent>> AdvanceAsync(CancellationToken advanceCancellation)
    {
        cancellation = advanceCancellation;
        return AdvanceAsync();
    }

    /// <summary>Runs the next step, or the next round of a <c>rounds</c> step, and returns the events it added.</summary>
    public async Task<ImmutableArray<TimelineEvent>> AdvanceAsync()
    {
        _written.Clear();
        _changeSets = 0;
        _actors = null;
        cancellation.ThrowIfCancellationRequested();
        if (state.Finished)
            return [];
        _step = state.Scenario.Steps[state.NextStep];
        _round = _step is RoundsStep or SmpTurnsStep ? state.RoundsDone + 1 : null;
        using var scope = _observer.BeginStep(_step, _round);
        switch (_step)
        {
            case ProposeStep propose:
                await ProposeAsync(propose);
                state.NextStep++;
                break;
            case RespondStep respond:
                state.Scripted[$"{respond.Proposal}/{respond.Actor}"] = respond.Answer;
                state.NextStep++;
                break;
            case ShockStep shock:
                await ShockAsync(shock);
                state.NextStep++;
                break;
            case SmpTurnsStep turns:
                if (await SmpTurnAsync(turns))
                {
                    state.NextStep++;
                    state.RoundsDone = 0;
                }
                break;
            case RoundsStep rounds:
                if (await RoundAsync(rounds))
                {
                    state.NextStep++;
                    state.RoundsDone = 0;
                }
                break;
            case ExpectStep expect:
                await ExpectAsync(expect);
                state.NextStep++;
                break;
        }
        return [.. _written];
    }

    /// <summary>Runs every remaining step and returns the events they added.</summary>
    public async Task<ImmutableArray<TimelineEvent>> RunToEndAsync()
    {
        var events = ImmutableArray.CreateBuilder<TimelineEvent>();
        while (!state.Finished)
            events.AddRange(await AdvanceAsync());
        return events.ToImmutable();
    }

    private async Task ProposeAsync(ProposeStep step)
    {
        // Without a deadline a proposal is an ultimatum: the recipients' time is up (τ = 1). With one, it
        // opens at the time its step says (τ = 0 unless an exercise's round has come further) and each renewal
        // carries the time of the round it is renewed in. The proposer's capability comes with its answer to the
        // proposal, and the recipients' with theirs: a scripted proposal reads no actor.
        var proposal = new Proposal(step.Id, step.From, step.To, step.Terms, step.Rule, step.Deadline is null ? 1 : step.Opens ?? 0,
            0, ProposalKind.Scripted, step.Id);
        var outcome = await DeliverAsync(proposal, capabilityFromProposer: true);
        if (!outcome.Agreed && step.Deadline is { } deadline)
            state.Open.Add(new OpenProposal { Proposal = outcome.Proposal, RoundsLeft = deadline });
    }

    /// <param name="Proposal">The proposal as delivered, its proposer's capability set.</param>
    private readonly record struct Outcome(Proposal Proposal, bool Agreed, double LargestMove, bool OffersChanged, ImmutableArray<Term> Counter = default);

    /// <summary>
    /// Delivers a proposal to its recipients in parallel and applies the agreement rule to their answers, weighing
    /// each party by the capability its answer carries (<see cref="Proposed.Capability"/>, <see cref="Evaluation.Capability"/>).
    /// </summary>
    /// <param name="proposal">The proposal, delivered to every recipient at once.</param>
    /// <param name="sides">For a bilateral round offer on one topic, the two sides there (null otherwise): what a split of offers needs.</param>
    /// <param name="capabilityFromProposer">
    /// True when <paramref name="proposal"/> does not carry its proposer's capability yet: the proposer is asked
    /// first and the proposal goes to the recipients with the capability it answers with; otherwise proposer and
    /// recipients are asked at once.
    /// </param>
    private async Task<Outcome> DeliverAsync(Proposal proposal, Sides? sides = null, bool capabilityFromProposer = false)
    {
        cancellation.ThrowIfCancellationRequested();
        using var scope = _observer.BeginProposal(proposal);
        var topics = new string[proposal.Terms.Length];
        for (var i = 0; i < topics.Length; i++)
            topics[i] = proposal.Terms[i].Topic;
        var label = proposal.TopicLabel;
        var tables = await TablesAsync(topics);
        ImmutableArray<Commitment> CommitmentsOf(string actor) => Table.CommitmentsOf(tables, actor);

        Emit(EventKind.Proposal, proposal.From, label, null, null, proposal.Id, ProposalText(proposal), proposal.Terms);

        var proposedTask = world.Country(proposal.From).Propose(proposal, CommitmentsOf(proposal.From), Parameters);
        if (capabilityFromProposer)
            proposal = proposal with { ProposerCapability = (await proposedTask).Capability };
        var delivered = proposal;
        // An array sized to the recipients, not a query: Task.WhenAll would copy a query into a growing list.
        var answers = new Task<Evaluation>[delivered.To.Length];
        for (var k = 0; k < answers.Length; k++)
        {
            var recipient = delivered.To[k];
            answers[k] = world.Country(recipient).Evaluate(delivered, CommitmentsOf(recipient),
                Scripted(delivered, recipient), ExchangesOf(recipient, delivered), Parameters);
        }
        var evaluations = await AllAsync(answers);
        var changes = new List<CommitmentChange>();
        // An empty array is not added: added, it would be boxed to be enumerated.
        if ((await proposedTask).Changes is { IsEmpty: false } proposed)
            changes.AddRange(proposed);
        var offersChanged = RecordOffer(proposal.From, proposal.Terms);

        // The set and the capabilities the agreement rule reads are the runner's own, emptied for each proposal: no
        // await comes between filling them and the rule's decision.
        var accepting = _accepting;
        accepting.Clear();
        accepting.Add(proposal.From);
        // One reason serves every move the proposal causes, made at the first.
        string? movedBy = null;
        double largest = 0;
        foreach (var evaluation in evaluations)
        {
            var kind = evaluation.Response switch
            {
                Response.Accept => EventKind.Accept,
                Response.Reject => EventKind.Reject,
                _ => EventKind.Counter,
            };
            Emit(kind, evaluation.Actor, label, null, null, proposal.Id, evaluation.Why,
                evaluation.Counter.IsDefaultOrEmpty ? null : evaluation.Counter);
            if (!evaluation.Counter.IsDefaultOrEmpty)
            {
                offersChanged |= RecordOffer(evaluation.Actor, evaluation.Counter);
                foreach (var term in evaluation.Counter)
                {
                    // The proposal's term on the countered topic: the offer this counter answers.
                    foreach (var answered in proposal.Terms)
                    {
                        if (answered.Topic == term.Topic)
                        {
                            StateKeys.Set(state.Answered, answered.Value, evaluation.Actor, proposal.From, term.Topic);
                            break;
                        }
                    }
                }
            }
            if (evaluation.Response == Response.Accept)
                accepting.Add(evaluation.Actor);
            foreach (var move in evaluation.Moves)
            {
                movedBy ??= $"moved by {proposal.From}'s {KindWord(proposal.Kind)}";
                Emit(EventKind.Move, move.Actor, move.Topic, move.Before, move.After, move.Cause, movedBy);
                largest = Math.Max(largest, Math.Abs(move.After - move.Before));
            }
            if (!evaluation.Changes.IsEmpty)
                changes.AddRange(evaluation.Changes);
        }

        var capabilities = _capabilities;
        capabilities.Clear();
        capabilities[proposal.From] = proposal.ProposerCapability;
        foreach (var evaluation in evaluations)
            capabilities[evaluation.Actor] = evaluation.Capability;
        var proposalParties = new string[proposal.To.Length + 1];
        proposalParties[0] = proposal.From;
        proposal.To.CopyTo(proposalParties, 1);
        var parties = AgreementRules.Decide(proposal.Rule, proposalParties, accepting, _capabilityOf ??= a => _capabilities[a]);
        var agreed = !parties.IsEmpty;
        if (agreed)
        {
            var (agreedTerms, split) = AgreedTerms(proposal, evaluations, sides);
            var terms = agreedTerms.ToImmutableSortedDictionary(t => t.Topic, t => t.Value, StringComparer.Ordinal);
            var agreement = new Agreement(proposal.Id, terms, parties, proposal.Rule, AgreementStatus.Holding, proposal.Id, null,
                $"accepted by {Listed.And(parties)} under {proposal.Rule}{(split is null ? "" : $"; {split}")}");
            // What the agreement does to older ones is decided on the tables as they stand once it is recorded, which
            // recording changes only by adding it to the tables of its own topics: so it is decided before, and each of
            // those topics records it and applies the changes on it in one call.
            var recorded = new Dictionary<string, TopicTable>(StringComparer.Ordinal);
            for (var i = 0; i < topics.Length; i++)
                recorded[topics[i]] = Table.Recording(tables[i], agreement);
            var supersessions = new List<CommitmentChange>();
            foreach (var older in Supersession.Affected(agreement, tables))
            {
                var olderTables = await Task.WhenAll(older.Terms.Keys.Select(t =>
                    recorded.TryGetValue(t, out var table) ? Task.FromResult(table) : world.Topic(t).Get()));
                if (Supersession.Decide(older, agreement, olderTables) is { } change)
                    supersessions.Add(change);
            }
            var set = await ChangeSetAsync(supersessions, tables);
            var byTopic = set?.ByTopic ?? [];
            var applied = await Task.WhenAll(topics.Union(byTopic.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(t =>
            {
                var onTopic = byTopic.TryGetValue(t, out var list) ? [.. list] : ImmutableArray<CommitmentChange>.Empty;
                return recorded.ContainsKey(t)
                    ? world.Topic(t).RecordApplying(agreement, set?.Command ?? "", onTopic)
                    : world.Topic(t).Apply(set!.Command, onTopic);
            }));
            Emit(EventKind.AgreementMade, null, label, null, null, proposal.Id, agreement.Why,
                [.. terms.Select(t => new Term(t.Key, t.Value))], agreement);
            EmitApplied(applied, tables, agreement);
            state.Open.RemoveAll(o => o.Proposal.Id == OriginalId(proposal.Id));
        }

        await ApplyChangesAsync(changes, tables);
        _observer.EndProposal(proposal, parties);
        return new Outcome(proposal, agreed, largest, offersChanged, evaluations.Length == 1 ? evaluations[0].Counter : default);
    }

    /// <summary>
    /// The answer a scenario dictates for <paramref name="recipient"/>: the one for this proposal, or for an offer of
    /// a <c>rounds</c> step without one of its own, the one for the step.
    /// </summary>
    private ScriptedAnswer? Scripted(Proposal proposal, string recipient) =>
        // Most runs script no answer: then no key is made for each recipient of each proposal.
        state.Scripted.Count == 0 ? null
        : state.Scripted.GetValueOrDefault($"{proposal.Id}/{recipient}")
            ?? (proposal.Kind == ProposalKind.RoundOffer ? state.Scripted.GetValueOrDefault($"{proposal.Cause}/{recipient}") : null);

    /// <summary>
    /// The terms agreed. A bilateral round offer on one topic is settled midway between the two sides' offers
    /// (the k = ½ split of Chatterjee and Samuelson, 1983) in two cases, so that which of the two happened to
    /// propose in that round does not decide who takes the difference: when the recipient accepts it because its
    /// own offer at the same time had already gone past it (the offers crossed: both are acceptable to both), and
    /// at the deadline (τ = 1), when the recipient accepts it and the recipient's own offer then is acceptable to
    /// the proposer too (<see cref="Sides.ProposerAccepts"/>). The recipient's offer counts no further than the
    /// proposer's own position. Any other proposal is agreed as proposed. <c>Split</c> says, for the agreement's
    /// reason, that the terms are the midpoint and of which two offers, so that a reader who saw the proposal's
    /// terms does not take the agreed value for a contradiction; it is null when the terms are the proposal's.
    /// </summary>
    private static (ImmutableArray<Term> Terms, string? Split) AgreedTerms(Proposal proposal, IReadOnlyList<Evaluation> evaluations, Sides? sides)
    {
        if (proposal.Kind != ProposalKind.RoundOffer || proposal.Terms.Length != 1 || evaluations.Count != 1 || sides is not { } bilateral
            || evaluations[0] is not { Response: Response.Accept, Offer: { IsDefaultOrEmpty: false } offer } evaluation)
            return (proposal.Terms, null);
        var proposerPosition = bilateral.ProposerPosition;
        var proposed = proposal.Terms[0].Value;
        var own = Tactics.NotPast(proposed, offer[0].Value, proposerPosition);
        string split;
        if ((own - proposed) * (proposerPosition - proposed) > 0)
        {
            split = own == offer[0].Value
                ? string.Create(CultureInfo.InvariantCulture,
                    $"the offers had crossed, so the terms are the midpoint of {proposal.From}'s {Figures.Text(proposed)} and {evaluation.Actor}'s {Figures.Text(own)}")
                : string.Create(CultureInfo.InvariantCulture,
                    $"the offers had crossed, so the terms are the midpoint of {proposal.From}'s {Figures.Text(proposed)} and its own position {Figures.Text(own)}, which {evaluation.Actor}'s offer of {Figures.Text(offer[0].Value)} had gone past");
        }
        else if (proposal.Time >= 1 && (offer[0].Value - proposed) * (bilateral.RecipientPosition - proposed) > 0
            && Math.Abs(offer[0].Value - proposed) > SameOffer && bilateral.ProposerAccepts(offer[0].Value))
        {
            // The recipient's own offer lies on its side of the terms (it would rather have it) and the proposer
            // would take it too: both offers are acceptable to both, so neither is the whole difference.
            own = offer[0].Value;
            split = string.Create(CultureInfo.InvariantCulture,
                $"at the deadline each side's offer was acceptable to the other, so the terms are the midpoint of {proposal.From}'s {Figures.Text(proposed)} and {evaluation.Actor}'s {Figures.Text(own)}");
        }
        else
        {
            return (proposal.Terms, null);
        }
        return ([new Term(proposal.Terms[0].Topic, (proposed + own) / 2)], split);
    }

    /// <summary>The two sides of a bilateral round offer on one topic, as a split of offers needs them.</summary>
    /// <param name="ProposerPosition">The proposer's position on the topic (0–100).</param>
    /// <param name="RecipientPosition">The recipient's position on the topic (0–100).</param>
    /// <param name="ProposerAccepts">Whether the proposer would accept a value on the topic at the deadline.</param>
    private sealed record Sides(double ProposerPosition, double RecipientPosition, Func<double, bool> ProposerAccepts);

    /// <summary>Two offers closer than this (scale points) are the same offer: there is nothing between them to split.</summary>
    private const double SameOffer = 1e-9;

    /// <summary>
    /// Whether the holder of <paramref name="position"/> would accept a value on its topic at the deadline, judged as
    /// acceptance judges it (<see cref="Judgement.BeatsWalkAway"/>): worth at least its reservation value taken toward
    /// that value, or an agreement in force it is party to on the topic, whichever is better for it.
    /// </summary>
    private Func<double, bool> AcceptsAtDeadline(Position position, TopicTable table)
    {
        var rho = Actors[position.Actor].Curvature;
        double[] agreed = Table.CommitmentOf(table, position.Actor) is { } commitment ? [commitment.Value] : [];
        return value =>
        {
            var walk = Utility.Of(position.Value, position.Salience, rho,
                Tactics.Reservation(position.Value, position.Salience, position.Reservation, value, Parameters));
            foreach (var a in agreed)
                walk = Math.Max(walk, Utility.Of(position.Value, position.Salience, rho, a));
            return new Judgement(Utility.Of(position.Value, position.Salience, rho, value), walk, walk).BeatsWalkAway;
        };
    }

    /// <summary>
    /// What a recipient has seen on each topic of a proposal: its own last offer, the proposer's offer that it
    /// last answered (the proposer's stated position when the run began, if it has answered none) and this one.
    /// </summary>
    private ImmutableArray<Exchange> ExchangesOf(string recipient, Proposal proposal)
    {
        var exchanges = new Exchange[proposal.Terms.Length];
        for (var i = 0; i < exchanges.Length; i++)
        {
            var term = proposal.Terms[i];
            exchanges[i] = new Exchange(Offered(recipient, term.Topic), AnsweredLast(recipient, proposal.From, term.Topic), term.Value);
        }
        return System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(exchanges);
    }

    /// <summary>
    /// The offer of <paramref name="other"/> on a topic that <paramref name="actor"/>'s latest offer answered, or
    /// <paramref name="other"/>'s position when the run began if it has answered none: what <paramref name="other"/>
    /// has conceded since is what tit-for-tat has still to answer.
    /// </summary>
    private double? AnsweredLast(string actor, string other, string topic) =>
        StateKeys.TryGet(state.Answered, out var value, actor, other, topic) ? value : Started(other, topic);

    private double? Offered(string actor, string topic) =>
        StateKeys.TryGet(state.LastOffer, out var value, actor, topic) ? value : null;

    private double? Started(string actor, string topic) =>
        StateKeys.TryGet(state.Start, out var value, actor, topic) ? value : null;

    /// <summary>Records an actor's offer on each topic of its terms; true when any differs from its previous offer there.</summary>
    private bool RecordOffer(string actor, ImmutableArray<Term> terms)
    {
        var changed = false;
        foreach (var term in terms)
        {
            changed |= !StateKeys.TryGet(state.LastOffer, out var last, actor, term.Topic) || Math.Abs(term.Value - last) > Parameters.Convergence;
            StateKeys.Set(state.LastOffer, term.Value, actor, term.Topic);
        }
        return changed;
    }

    /// <summary>
    /// Applies status changes to every table that holds the agreement (<see cref="ChangeSetAsync"/>) and tells each
    /// change applied once.
    /// </summary>
    private async Task ApplyChangesAsync(IReadOnlyList<CommitmentChange> changes, IReadOnlyList<TopicTable> tables)
    {
        if (await ChangeSetAsync(changes, tables) is not { } set)
            return;
        EmitApplied(await Task.WhenAll(set.ByTopic.Select(pair => world.Topic(pair.Key).Apply(set.Command, [.. pair.Value]))), tables);
    }

    /// <summary>
    /// <paramref name="changes"/> as one command: its id, unique within the advance, and the changes each topic takes,
    /// by topic id; every table that holds an agreement takes its changes, since a package spans several topics, and a
    /// return to holding only when every party is back inside its window on every topic. Null, and no id taken, when
    /// there are no changes.
    /// </summary>
    private async Task<ChangeSet?> ChangeSetAsync(IReadOnlyList<CommitmentChange> changes, IReadOnlyList<TopicTable> tables)
    {
        if (changes.Count == 0)
            return null;
        var byTopic = new SortedDictionary<string, List<CommitmentChange>>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var agreement = tables.SelectMany(t => t.Agreements).FirstOrDefault(a => a.Id == change.AgreementId);
            if (change.Status == AgreementStatus.Holding && (agreement is null || !await EveryPartyInsideAsync(agreement)))
                continue;
            foreach (var topic in agreement?.Terms.Keys ?? [change.Topic])
            {
                if (!byTopic.TryGetValue(topic, out var list))
                    byTopic[topic] = list = [];
                list.Add(change);
            }
        }
        // Each set of changes is one command, with an id unique within the advance: the same set delivered
        // again is applied once. The advance runs the same way every time, so a retry numbers them alike.
        return new ChangeSet($"{_step!.Id}{(_round is { } r ? $".r{r}" : "")}/changes-{++_changeSets}", byTopic);
    }

    /// <summary>A set of status changes as one command: its id, and the changes of each topic, in the order of topic ids.</summary>
    private sealed record ChangeSet(string Command, SortedDictionary<string, List<CommitmentChange>> ByTopic);

    /// <summary>
    /// The events of the changes the topics applied, in the order of topic ids, each with its agreement's id, parties and
    /// value on the topic as <paramref name="tables"/> hold the agreement (read before the changes were applied), or as
    /// <paramref name="made"/> is when the change is about the agreement just made, which those tables do not hold yet.
    /// </summary>
    private void EmitApplied(IEnumerable<ImmutableArray<CommitmentChange>> applied, IReadOnlyList<TopicTable> tables, Agreement? made = null)
    {
        var agreements = tables.SelectMany(t => t.Agreements).DistinctBy(a => a.Id).ToDictionary(a => a.Id, StringComparer.Ordinal);
        if (made is not null)
            agreements[made.Id] = made;
        // Each table of a package returns the same change: told once. Two parties straying are two changes.
        foreach (var change in applied.SelectMany(a => a).DistinctBy(c => (c.AgreementId, c.Status, c.Actor)))
        {
            var kind = change.Status switch
            {
                AgreementStatus.Breached => EventKind.AgreementBreached,
                AgreementStatus.Superseded => EventKind.AgreementSuperseded,
                AgreementStatus.PartlySuperseded => EventKind.AgreementPartlySuperseded,
                AgreementStatus.Holding => EventKind.AgreementRestored,
                _ => EventKind.AgreementStrained,
            };
            Emit(kind, change.Actor.Length > 0 ? change.Actor : null, change.Topic, null, null, change.Cause, $"{change.AgreementId}: {change.Why}",
                agreement: agreements.GetValueOrDefault(change.AgreementId), agreementId: change.AgreementId);
        }
    }

    private async Task<bool> EveryPartyInsideAsync(Agreement agreement)
    {
        foreach (var party in agreement.Parties)
        {
            foreach (var (topic, value) in agreement.Terms)
            {
                if (await world.Country(party).PositionOn(topic) is { } p && Math.Abs(p.Value - value) > Parameters.Window(p.Salience))
                    return false;
            }
        }
        return true;
    }

    private async Task ShockAsync(ShockStep step)
    {
        Emit(EventKind.Shock, null, null, null, null, step.Id, step.Reason);
        for (var i = 0; i < step.Changes.Length; i++)
        {
            var change = step.Changes[i];
            var tables = change.Topic is { } t ? [await world.Topic(t).Get()] : Array.Empty<TopicTable>();
            var commitments = Table.CommitmentsOf(tables, change.Actor);
            var outcome = await world.Country(change.Actor).Shock($"{step.Id}#{i + 1}", change, step.Id, commitments, Parameters);
            if (outcome.Kind == EventKind.PositionAdded)
            {
                await world.Topic(change.Topic!).Join(change.Actor);
                state.Start[$"{change.Actor}/{change.Topic}"] = outcome.After;
            }
            var why = change.What == ShockTarget.Affinity ? $"toward {change.Toward}" : step.Reason;
            Emit(outcome.Kind, change.Actor, change.Topic, double.IsNaN(outcome.Before) ? null : outcome.Before, outcome.After, step.Id, why);
            await ApplyChangesAsync(outcome.Changes, tables);
        }
    }

    /// <summary>
    /// One round of stacked alternating offers: open proposals are renewed, then on every open topic one
    /// holder, in turn, offers what its tactic gives at τ = round / rounds (a package over related topics
    /// for the trade-off tactic) and the others answer. True when the step is done: at its last round, when
    /// every topic is settled, or when no offer and no position changed in the round and nothing could change before the deadline.
    /// </summary>
    private async Task<bool> RoundAsync(RoundsStep step)
    {
        await ReadActorsAsync();
        if (state.RoundsDone == 0)
            state.RoundOffset = state.Random.Next(1 << 20);
        var round = ++state.RoundsDone;
        state.TotalRounds++;
        var clock = step.OnlyRound ?? round;
        var time = (double)clock / step.Count;
        Emit(EventKind.Round, null, null, null, null, step.Id, string.Create(CultureInfo.InvariantCulture, $"round {clock} of {step.Count}"));

        double largest = 0;
        var agreed = false;
        var offersChanged = false;
        foreach (var pending in state.Open.ToArray())
        {
            pending.Renewals++;
            var renewed = pending.Proposal with
            {
                Id = $"{pending.Proposal.Id}~{pending.Renewals}",
                Time = time,
                Kind = ProposalKind.Renewed,
                ProposerCapability = Actors[pending.Proposal.From].Capability,
            };
            // A renewal moves no one (a proposal moves its recipients once, when first made), so of a renewal
            // only its agreement and its answers' offers count toward the stopping rule.
            var outcome = await DeliverAsync(renewed);
            agreed |= outcome.Agreed;
            offersChanged |= outcome.OffersChanged;
            if (!outcome.Agreed && --pending.RoundsLeft <= 0)
            {
                state.Open.Remove(pending);
                Emit(EventKind.ProposalExpired, pending.Proposal.From, pending.Proposal.TopicLabel, null, null, pending.Proposal.Id, "its deadline passed without agreement");
            }
        }

        var topics = step.Topics.IsDefaultOrEmpty ? state.TopicOrder : [.. step.Topics];
        var askedPositions = new Task<ImmutableArray<Position>>[topics.Count];
        for (var i = 0; i < askedPositions.Length; i++)
            askedPositions[i] = world.Topic(topics[i]).Positions();
        var positions = await AllAsync(askedPositions);
        var tables = await TablesAsync(topics);
        var held = new Position[topics.Count][];
        var open = new bool[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            held[i] = InActorOrder(positions[i]);
            open[i] = held[i].Length >= 2 && !Settled(tables[i], held[i]);
        }

        if (step.OnlyRound is not null && open.Contains(true))
        {
            // The opener offers on the open topics only: each topic it holds that an agreement in force settles is left
            // out, and that is said as an event of its own, so that whoever reads its offers learns why they cover less
            // than the table.
            var openTopics = Listed.And(topics.Where((_, i) => open[i]));
            for (var i = 0; i < topics.Count; i++)
            {
                if (held[i].Length >= 2 && Settled(tables[i], held[i]) && held[i].Any(p => p.Actor == step.Opener))
                    Emit(EventKind.NoOffer, step.Opener, topics[i], null, null, step.Id,
                        $"agreement {Settling(tables[i], held[i])!.Id}, in force, already settles it, so it offers only on {openTopics}");
            }
        }

        var offered = new bool[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            if (!open[i] || offered[i])
                continue;
            var proposer = Proposer(step, held[i], round, i);
            var actor = Actors[proposer.Actor];
            var others = held[i].Where(p => p.Actor != proposer.Actor).ToArray();
            var package = actor.StrategyOn(proposer) == Strategy.TradeOff
                ? Package(topics, held, open, offered, tables, i, proposer.Actor)
                : [i];
            Term[] terms;
            if (package.Length > 1)
            {
                terms = PackageOffer(package.Select(k => topics[k]).ToArray(), package.Select(k => held[k]).ToArray(), actor, time);
            }
            else
            {
                var target = Target(others);
                var securedValue = Table.CommitmentOf(tables[i], proposer.Actor)?.Value;
                var reservation = Tactics.Bounded(proposer.Value,
                    Tactics.Reservation(proposer.Value, proposer.Salience, proposer.Reservation, target, Parameters), securedValue);
                var value = Tactics.NotPast(proposer.Value,
                    Tactics.Offer(actor.StrategyOn(proposer), proposer.Value, reservation, time, ExchangeOf(proposer.Actor, others, topics[i]), Parameters),
                    target);
                terms = [new Term(topics[i], value)];
            }
            foreach (var k in package)
                offered[k] = true;
            var proposal = new Proposal($"{step.Id}.r{round}.{string.Join('+', terms.Select(t => t.Topic))}", proposer.Actor, [.. others.Select(p => p.Actor)],
                [.. terms], step.Rule, time, actor.Capability, ProposalKind.RoundOffer, step.Id);
            var outcome = await DeliverAsync(proposal,
                package.Length == 1 && others.Length == 1 ? new Sides(proposer.Value, others[0].Value, AcceptsAtDeadline(proposer, tables[i])) : null);
            // At the deadline the recipient's last counter-offer is answered too: with both final offers on
            // the table, the turn order does not decide whether they meet.
            if (!outcome.Agreed && time >= 1 && others.Length == 1 && !outcome.Counter.IsDefaultOrEmpty)
            {
                var other = others[0];
                var final = new Proposal($"{proposal.Id}.counter", other.Actor, [proposer.Actor], outcome.Counter, step.Rule, time,
                    Actors[other.Actor].Capability, ProposalKind.RoundOffer, step.Id);
                var answered = await DeliverAsync(final,
                    package.Length == 1 ? new Sides(other.Value, proposer.Value, AcceptsAtDeadline(other, tables[i])) : null);
                outcome = outcome with { Agreed = answered.Agreed, LargestMove = Math.Max(outcome.LargestMove, answered.LargestMove) };
            }
            largest = Math.Max(largest, outcome.LargestMove);
            agreed |= outcome.Agreed;
            offersChanged |= outcome.OffersChanged;
        }

        if (step.OnlyRound is not null)
        {
            // The opener offers on every open topic, so with none open it offers nothing: said as an event of its
            // own, so that whoever reads the timeline learns that the side had its turn and why it made no offer.
            if (!open.Contains(true))
                Emit(EventKind.NoOffer, step.Opener, null, null, null, step.Id, NoOfferReason(tables, held));
            return true;
        }
        if (!open.Contains(true) && state.Open.Count == 0)
        {
            Emit(EventKind.Converged, null, null, null, null, step.Id, "every topic in play is settled");
            return true;
        }
        if (!agreed && !offersChanged && largest < Parameters.Convergence && time < 1 && !CouldStillChange(topics, held, open, time))
        {
            Emit(EventKind.Converged, null, null, null, null, step.Id,
                string.Create(CultureInfo.InvariantCulture,
                    $"no offer and no position changed by more than {Parameters.Convergence} in round {round}, and no party's tactic would offer or accept otherwise before the deadline"));
            return true;
        }
        return round >= step.Count;
    }

    /// <summary>
    /// Whether a round that changed nothing may still be followed by one that does, so that stopping now could
    /// cut off a deal: on some open topic a holder's offers still move before the deadline (a time-dependent
    /// tactic other than the hard-liner's, whose offer at τ = 1 lies more than the convergence threshold from
    /// its offer at <paramref name="time"/>; a tit-for-tat actor that has not opened yet or has a concession of
    /// the other side left to answer), or a holder would accept another holder's standing offer (its last offer,
    /// or its position if it has made none) at the deadline, where every acceptance condition takes what beats
    /// no deal.
    /// </summary>
    private bool CouldStillChange(IReadOnlyList<string> topics, Position[][] held, bool[] open, double time)
    {
        for (var i = 0; i < topics.Count; i++)
        {
            if (!open[i])
                continue;
            foreach (var p in held[i])
            {
                var actor = Actors[p.Actor];
                var others = held[i].Where(o => o.Actor != p.Actor).ToArray();
                var strategy = actor.StrategyOn(p);
                if (strategy is Strategy.RelativeTitForTat or Strategy.AbsoluteTitForTat)
                {
                    if (Offered(p.Actor, topics[i]) is null || others.Any(o => Unanswered(p.Actor, o.Actor, topics[i])))
                        return true;
                }
                else if (strategy != Strategy.Hardliner)
                {
                    var reservation = Tactics.Reservation(p.Value, p.Salience, p.Reservation, Target(others), Parameters);
                    var ahead = (Tactics.Share(strategy, 1, Parameters) - Tactics.Share(strategy, time, Parameters)) * Math.Abs(reservation - p.Value);
                    if (ahead > Parameters.Convergence)
                        return true;
                }
                foreach (var other in others)
                {
                    var standing = Offered(other.Actor, topics[i]) ?? other.Value;
                    var noDeal = Tactics.Reservation(p.Value, p.Salience, p.Reservation, standing, Parameters);
                    if (Utility.Of(p.Value, p.Salience, actor.Curvature, standing) >= Utility.Of(p.Value, p.Salience, actor.Curvature, noDeal) - 1e-12)
                        return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// <paramref name="positions"/> in the world's order of actors (<see cref="RunState.ActorOrder"/>), those of actors it
    /// does not list first, each group as given: the order a stable sort by the actor's index gives. Each key is the
    /// actor's index and, below it, the position's own index, so that no two are equal and the library's sort keeps it.
    /// </summary>
    private Position[] InActorOrder(ImmutableArray<Position> positions)
    {
        var sorted = positions.ToArray();
        var keys = new long[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
            keys[i] = ((long)state.ActorOrder.IndexOf(sorted[i].Actor) << 32) + i;
        Array.Sort(keys, sorted);
        return sorted;
    }

    /// <summary>
    /// Whether <paramref name="other"/>'s latest offer on a topic lies more than the convergence threshold from its
    /// offer that <paramref name="actor"/> last answered: a move tit-for-tat has yet to answer.
    /// </summary>
    private bool Unanswered(string actor, string other, string topic) =>
        Offered(other, topic) is { } last && AnsweredLast(actor, other, topic) is { } answered
        && Math.Abs(last - answered) > Parameters.Convergence;

    /// <summary>
    /// Who offers on a topic in a round: the holders take turns in the world's order of actors, starting
    /// with the step's opener where it holds the topic, otherwise at a place the seed chose for the step.
    /// </summary>
    private Position Proposer(RoundsStep step, Position[] held, int round, int topicIndex)
    {
        var first = step.Opener is { } opener ? Array.FindIndex(held, p => p.Actor == opener) : -1;
        var start = first >= 0 ? first : state.RoundOffset + 1 + topicIndex;
        return held[(start + round - 1) % held.Length];
    }

    /// <summary>The other side as one: the holders' positions weighted by capability times salience.</summary>
    private double Target(IReadOnlyList<Position> others) =>
        Tactics.OtherSide(others.Select(p => ((double)p.Value, Weight(p)))) ?? throw new ArgumentException("an open topic has another holder", nameof(others));

    /// <summary>
    /// What a proposer has seen on a topic: its own last offer, and what its principal opponent (the other holder
    /// of the greatest capability times salience, the first in the world's order on a tie) has offered since the
    /// offer of its that the proposer last answered. The proposer's offer answers it: the opponent's latest offer
    /// is recorded as answered, so that the same concession is never answered twice.
    /// </summary>
    private Exchange ExchangeOf(string actor, IReadOnlyList<Position> others, string topic)
    {
        // The first of the greatest weight, as a stable sort by descending weight puts it first.
        var opponent = others[0];
        var heaviest = Weight(opponent);
        for (var k = 1; k < others.Count; k++)
        {
            var weight = Weight(others[k]);
            if (weight.CompareTo(heaviest) > 0)
                (opponent, heaviest) = (others[k], weight);
        }
        if (Offered(opponent.Actor, topic) is not { } last)
            return new Exchange(Offered(actor, topic), null, null);
        var exchange = new Exchange(Offered(actor, topic), AnsweredLast(actor, opponent.Actor, topic), last);
        StateKeys.Set(state.Answered, last, actor, opponent.Actor, topic);
        return exchange;
    }

    /// <summary>
    /// The topics a trade-off proposer offers together with topic <paramref name="i"/>: those related to it
    /// that are open, not yet offered this round, held by the same actors, on which it uses the trade-off
    /// tactic too, and on which it holds no live agreement. A topic it is bound on is offered alone (never
    /// past the agreed value): moving it inside a package would revise the agreement as a by-product of the
    /// logroll. When it is bound on topic <paramref name="i"/> itself, it offers that topic alone.
    /// </summary>
    private int[] Package(IReadOnlyList<string> topics, Position[][] held, bool[] open, bool[] offered, TopicTable[] tables, int i, string proposer)
    {
        if (Bound(tables[i], proposer))
            return [i];
        var holders = held[i].Select(p => p.Actor).ToHashSet(StringComparer.Ordinal);
        var package = new List<int> { i };
        for (var k = 0; k < topics.Count; k++)
        {
            if (k == i || !open[k] || offered[k] || !tables[i].Topic.Related.Contains(topics[k]) || Bound(tables[k], proposer))
                continue;
            var mine = held[k].FirstOrDefault(p => p.Actor == proposer);
            if (mine is null || held[k].Length != holders.Count || !held[k].All(p => holders.Contains(p.Actor)))
                continue;
            if (Actors[proposer].StrategyOn(mine) == Strategy.TradeOff)
                package.Add(k);
        }
        return [.. package];
    }

    private static bool Bound(TopicTable table, string actor) => Table.CommitmentOf(table, actor) is not null;

    /// <summary>The trade-off tactic's package: its own utility at the level of its concession at τ, the rest toward the other side's believed values.</summary>
    private Term[] PackageOffer(string[] topics, Position[][] held, Actor actor, double time)
    {
        var n = topics.Length;
        var x = new double[n];
        var s = new double[n];
        var target = new double[n];
        var weights = new double[n];
        double walk = 0;
        for (var k = 0; k < n; k++)
        {
            var own = held[k].First(p => p.Actor == actor.Id);
            var others = held[k].Where(p => p.Actor != actor.Id).ToArray();
            x[k] = own.Value;
            s[k] = own.Salience;
            target[k] = Target(others);
            weights[k] = others.Average(p => (double)p.Salience);
            walk += Utility.Of(x[k], s[k], actor.Curvature, Tactics.Reservation(x[k], s[k], own.Reservation, target[k], Parameters));
        }
        var aspiration = TradeOff.Aspiration(s, walk, time, Parameters);
        var values = TradeOff.Package(x, s, actor.Curvature, target, weights, aspiration);
        return [.. topics.Select((t, k) => new Term(t, values[k]))];
    }

    private double Weight(Position p) => Actors[p.Actor].Capability * p.Salience;

    /// <summary>
    /// Why a round made no offer, in words: every topic it covers is settled by an agreement in force, or else each is
    /// settled or held by fewer than two actors.
    /// </summary>
    private static string NoOfferReason(TopicTable[] tables, Position[][] held) =>
        tables.Select((t, i) => held[i].Length >= 2 && Settled(t, held[i])).All(settled => settled)
            ? "an agreement in force settles every topic on the table"
            : "no topic on the table is open: each is settled by an agreement in force or held by fewer than two sides";

    /// <summary>A topic is settled when an agreement in force binds every actor holding a position on it.</summary>
    private static bool Settled(TopicTable table, IReadOnlyList<Position> held) => Settling(table, held) is not null;

    /// <summary>The latest agreement in force that binds every actor holding a position on the topic; null when none does.</summary>
    private static Agreement? Settling(TopicTable table, IReadOnlyList<Position> held)
    {
        // A loop, not a query: a round asks it of every topic, and a query's closures were made at every call.
        for (var i = table.Agreements.Length - 1; i >= 0; i--)
        {
            var a = table.Agreements[i];
            if (a.Status.IsLive() && BindsAll(a, held))
                return a;
        }
        return null;
    }

    private static bool BindsAll(Agreement agreement, IReadOnlyList<Position> held)
    {
        foreach (var p in held)
        {
            if (!agreement.Parties.Contains(p.Actor))
                return false;
        }
        return true;
    }

    private async Task ExpectAsync(ExpectStep step)
    {
        for (var k = 0; k < step.Expectations.Length; k++)
        {
            var expectation = step.Expectations[k];
            var (passed, detail) = await CheckAsync(expectation, k);
            if (!passed)
                state.Failures++;
            var why = step.Because.Length > 0 ? $"{detail}; because {step.Because}" : detail;
            Emit(passed ? EventKind.ExpectationPassed : EventKind.ExpectationFailed, null, TopicOf(expectation), null, null, step.Id,
                string.Create(CultureInfo.InvariantCulture, $"line {step.Line}: {why}"));
        }
        state.Checked(state.NextStep);
    }

    private static string? TopicOf(Expectation expectation) => expectation switch
    {
        AgreementExpectation a => a.Topic,
        PositionExpectation p => p.Topic,
        EventExpectation e => e.Pattern.Topic,
        _ => null,
    };

    /// <summary>Checks the <paramref name="index"/>-th expectation of the expect step in progress.</summary>
    private async Task<(bool Passed, string Detail)> CheckAsync(Expectation expectation, int index)
    {
        switch (expectation)
        {
            case AgreementExpectation a:
            {
                var table = await world.Topic(a.Topic).Get();
                var found = table.Agreements.Where(g =>
                        (a.Status is { } status ? g.Status == status : g.Status.IsLive())
                        && a.Parties.All(g.Parties.Contains)
                        && (a.Value is not { } range || range.Contains(g.Terms[a.Topic])))
                    .ToArray();
                string List(IEnumerable<Agreement> agreements) =>
                    string.Join("; ", agreements.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Id} at {Figures.Text(g.Terms[a.Topic])} ({Word(g.Status)}, {string.Join("+", g.Parties)})")));
                // When none matches but the topic has other agreements, they are named, so that "none" is not
                // read as "there never was one"; "none in force" only when none of them is live.
                var others = table.Agreements.Where(g => g.Terms.ContainsKey(a.Topic)).ToArray();
                var describe = found.Length > 0
                    ? List(found)
                    : others.Length == 0
                        ? $"no such agreement on {a.Topic}"
                        : $"{(a.Status is { } wanted ? $"none {Word(wanted)}" : others.Any(g => g.Status.IsLive()) ? "none that matches" : "none in force")} on {a.Topic}; on the topic: {List(others)}";
                return a.Absent
                    ? (found.Length == 0, $"expected no agreement on {a.Topic}: {describe}")
                    : (found.Length > 0, $"expected an agreement on {a.Topic}{Describe(a)}: {describe}");
            }
            case PositionExpectation p:
            {
                var position = await world.Country(p.Actor).PositionOn(p.Topic);
                if (position is null)
                    return (false, $"{p.Actor} holds no position on {p.Topic}");
                double now = position.Value;
                var start = state.Start.GetValueOrDefault($"{p.Actor}/{p.Topic}", now);
                if (p.Range is { } range && !range.Contains(now))
                    return (false, string.Create(CultureInfo.InvariantCulture, $"expected {p.Actor} on {p.Topic} in {range}, found {Figures.Text(now)}"));
                if (p.Moved is { } direction)
                {
                    double? target = p.Target;
                    if (p.TargetActor is { } other)
                        target = (await world.Country(other).PositionOn(p.Topic))?.Value.Value;
                    var ok = direction switch
                    {
                        Direction.Unchanged => Math.Abs(now - start) < 1e-9,
                        Direction.Toward => target is { } t1 && Math.Abs(now - t1) < Math.Abs(start - t1) - 1e-9,
                        _ => target is { } t2 && Math.Abs(now - t2) > Math.Abs(start - t2) + 1e-9,
                    };
                    var to = p.TargetActor ?? (target is { } tv ? Figures.Text(tv) : "?");
                    var expected = direction switch
                    {
                        Direction.Unchanged => "to stay where it was",
                        Direction.Toward => $"to move toward {to}",
                        _ => $"to move away from {to}",
                    };
                    return (ok, string.Create(CultureInfo.InvariantCulture,
                        $"expected {p.Actor} on {p.Topic} {expected}: {Figures.Text(start)} → {Figures.Text(now)}"));
                }
                return (true, string.Create(CultureInfo.InvariantCulture, $"{p.Actor} on {p.Topic} at {Figures.Text(now)}"));
            }
            case EventExpectation e:
            {
                // The watch holds the first event that matched, if any.
                var watch = state.Watch(state.NextStep, index);
                var happened = watch.Matched > 0;
                var said = $"{Word(e.Pattern.Kind)}{Of(e.Pattern)}";
                return e.Happened
                    ? (happened, happened ? $"{said} happened (event {watch.LastSeq})" : $"expected {said}, which did not happen")
                    : (!happened, happened ? $"expected no {said}, but it happened (event {watch.LastSeq})" : $"{said} did not happen, as expected");
            }
            case OrderExpectation o:
            {
                // The watch matched each pattern at its first event after the previous pattern's match.
                var watch = state.Watch(state.NextStep, index);
                return watch.Matched < o.Patterns.Length
                    ? (false, $"expected {Word(o.Patterns[watch.Matched].Kind)}{Of(o.Patterns[watch.Matched])} after event {watch.LastSeq}, found none")
                    : (true, o.Patterns.Length == 1 ? "1 event happened" : $"{o.Patterns.Length} events happened in order");
            }
            default:
                return (false, "unknown expectation");
        }
    }

    private static string Describe(AgreementExpectation a) =>
        (a.Parties.IsDefaultOrEmpty ? "" : $" between {Listed.And(a.Parties)}")
        + (a.Value is { } v ? $" in {v}" : "")
        + (a.Status is { } s ? $", {Word(s)}" : "");

    private static string Of(EventPattern p) =>
        (p.Actor is null ? "" : $" by {p.Actor}") + (p.Topic is null ? "" : $" on {p.Topic}") + (p.Cause is null ? "" : $" from {p.Cause}");

    private static string Word<T>(T value) where T : struct, Enum
    {
        var name = value.ToString();
        var text = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && text.Length > 0)
                text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>
    /// A proposal's event text, "KIND to A, B and C under RULE" (the recipients as <see cref="Listed.And"/> joins them),
    /// written in one string rather than the list joined first.
    /// </summary>
    private static string ProposalText(Proposal proposal)
    {
        var text = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(0, 0);
        text.AppendLiteral(KindWord(proposal.Kind));
        text.AppendLiteral(" to ");
        var to = proposal.To;
        for (var i = 0; i < to.Length; i++)
        {
            if (i > 0)
                text.AppendLiteral(i == to.Length - 1 ? " and " : ", ");
            text.AppendLiteral(to[i]);
        }
        text.AppendLiteral(" under ");
        text.AppendFormatted(proposal.Rule);
        return text.ToStringAndClear();
    }

    private static string KindWord(ProposalKind kind) => kind switch
    {
        ProposalKind.RoundOffer => "round offer",
        ProposalKind.Renewed => "renewed proposal",
        _ => "proposal",
    };

    /// <summary>A renewed proposal's id is the original's with <c>~N</c> appended.</summary>
    private static string OriginalId(string id) => id.Split('~')[0];

    /// <param name="agreement">For an agreement's event, the agreement: its id, its parties and, for a change of its status
    /// on <paramref name="topic"/>, its value there go into the event's own fields beside <paramref name="why"/>.</param>
    /// <param name="agreementId">The agreement's id when <paramref name="agreement"/> is not at hand.</param>
    private void Emit(EventKind kind, string? actor, string? topic, double? before, double? after, string cause, string? why, ImmutableArray<Term>? terms = null,
        Agreement? agreement = null, string? agreementId = null)
    {
        double? agreed = kind != EventKind.AgreementMade && topic is not null && agreement is not null && agreement.Terms.TryGetValue(topic, out var value) ? value : null;
        var e = new TimelineEvent(state.Events + 1, _step?.Id ?? "", _round, kind, actor, topic, before, after, cause, why, terms,
            agreement?.Id ?? agreementId, agreement?.Parties, agreed);
        state.Wrote(e);
        _written.Add(e);
        _observer.Emitted(e);
    }
}
