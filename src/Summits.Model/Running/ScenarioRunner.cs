using System.Collections.Immutable;
using System.Globalization;

namespace Summits.Model;

/// <summary>
/// Runs a scenario's steps against a world, one step (or one autonomous round) per advance, and
/// writes every change into the timeline with its cause. It reaches countries and topics only
/// through <see cref="IWorldAccess"/>, so a local run and a grain-hosted run take the same path
/// and give the same timeline.
/// </summary>
public sealed partial class ScenarioRunner(IWorldAccess world, RunState state, IRunObserver? observer = null)
{
    private readonly IRunObserver _observer = observer ?? NoObserver.Instance;

    private Step? _step;
    private int? _round;

    private ModelParameters Parameters => state.Scenario.Parameters;

    /// <summary>Runs the next step, or the next round of a <c>rounds</c> step, and returns the events it added.</summary>
    public async Task<ImmutableArray<TimelineEvent>> AdvanceAsync()
    {
        if (state.Finished)
            return [];
        var from = state.Timeline.Count;
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
        return [.. state.Timeline.Skip(from)];
    }

    /// <summary>Runs every remaining step.</summary>
    public async Task RunToEndAsync()
    {
        while (!state.Finished)
            await AdvanceAsync();
    }

    private async Task ProposeAsync(ProposeStep step)
    {
        var proposal = new Proposal(step.Id, step.From, step.To, step.Terms, step.Rule, 0,
            state.Actors[step.From].Capability, ProposalKind.Scripted, step.Id);
        var outcome = await DeliverAsync(proposal);
        if (!outcome.Agreed && step.Deadline is { } deadline)
            state.Open.Add(new OpenProposal { Proposal = proposal, RoundsLeft = deadline });
    }

    private readonly record struct Outcome(bool Agreed, double LargestMove);

    /// <summary>Delivers a proposal to its recipients in parallel and applies the agreement rule to their answers.</summary>
    private async Task<Outcome> DeliverAsync(Proposal proposal)
    {
        if (!state.Applied.Add(proposal.Id))
            return new Outcome(false, 0);

        using var scope = _observer.BeginProposal(proposal);
        var topics = proposal.Terms.Select(t => t.Topic).ToArray();
        var tables = await Task.WhenAll(topics.Select(t => world.Topic(t).Get()));
        ImmutableArray<Commitment> CommitmentsOf(string actor) =>
            [.. tables.SelectMany(table => Table.CommitmentsOf(table, actor))];

        Emit(EventKind.Proposal, proposal.From, proposal.TopicLabel, null, null, proposal.Id,
            $"{KindWord(proposal.Kind)} to {string.Join(", ", proposal.To)} under {proposal.Rule}", proposal.Terms);

        var mirrored = topics.Length == 1 ? state.Shares.GetValueOrDefault(topics[0]) : 0;
        var contraryTask = world.Country(proposal.From).Propose(proposal, CommitmentsOf(proposal.From), Parameters);
        var evaluations = await Task.WhenAll(proposal.To.Select(recipient =>
            world.Country(recipient).Evaluate(proposal, CommitmentsOf(recipient),
                state.Scripted.GetValueOrDefault($"{proposal.Id}/{recipient}"), mirrored, Parameters)));
        var changes = new List<CommitmentChange>(await contraryTask);

        var accepting = new HashSet<string>(StringComparer.Ordinal) { proposal.From };
        double largest = 0;
        foreach (var evaluation in evaluations)
        {
            var kind = evaluation.Response switch
            {
                Response.Accept => EventKind.Accept,
                Response.Reject => EventKind.Reject,
                _ => EventKind.Counter,
            };
            Emit(kind, evaluation.Actor, proposal.TopicLabel, null, null, proposal.Id, evaluation.Why,
                evaluation.Counter.IsDefaultOrEmpty ? null : evaluation.Counter);
            if (evaluation.Response == Response.Accept)
                accepting.Add(evaluation.Actor);
            foreach (var move in evaluation.Moves)
            {
                Emit(EventKind.Move, move.Actor, move.Topic, move.Before, move.After, move.Cause, $"moved by {proposal.From}'s {KindWord(proposal.Kind)}");
                largest = Math.Max(largest, Math.Abs(move.After - move.Before));
            }
            changes.AddRange(evaluation.Changes);
        }

        var parties = AgreementRules.Decide(proposal.Rule, [.. proposal.Parties], accepting, a => state.Actors[a].Capability);
        var agreed = !parties.IsEmpty;
        if (agreed)
        {
            var terms = proposal.Terms.ToImmutableSortedDictionary(t => t.Topic, t => t.Value, StringComparer.Ordinal);
            var agreement = new Agreement(proposal.Id, terms, parties, proposal.Rule, AgreementStatus.Holding, proposal.Id, null,
                $"accepted by {string.Join(", ", parties)} under {proposal.Rule}");
            var superseded = await Task.WhenAll(topics.Select(t => world.Topic(t).Record(agreement)));
            Emit(EventKind.AgreementMade, null, proposal.TopicLabel, null, null, proposal.Id, agreement.Why, proposal.Terms);
            foreach (var change in superseded.SelectMany(c => c).DistinctBy(c => c.AgreementId))
                Emit(EventKind.AgreementSuperseded, null, change.Topic, null, null, change.Cause, $"{change.AgreementId}: {change.Why}");
            state.Open.RemoveAll(o => o.Proposal.Id == OriginalId(proposal.Id));
        }

        await ApplyChangesAsync(changes, tables);
        _observer.EndProposal(proposal, parties);
        return new Outcome(agreed, largest);
    }

    /// <summary>Applies status changes to every table that holds the agreement, since a package spans several topics.</summary>
    private async Task ApplyChangesAsync(IReadOnlyList<CommitmentChange> changes, IReadOnlyList<TopicTable> tables)
    {
        if (changes.Count == 0)
            return;
        var byTopic = new SortedDictionary<string, List<CommitmentChange>>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var agreement = tables.SelectMany(t => t.Agreements).FirstOrDefault(a => a.Id == change.AgreementId);
            foreach (var topic in agreement?.Terms.Keys ?? [change.Topic])
            {
                if (!byTopic.TryGetValue(topic, out var list))
                    byTopic[topic] = list = [];
                list.Add(change);
            }
        }
        var applied = await Task.WhenAll(byTopic.Select(pair => world.Topic(pair.Key).Apply([.. pair.Value])));
        foreach (var change in applied.SelectMany(a => a).DistinctBy(c => (c.AgreementId, c.Status)))
        {
            var kind = change.Status == AgreementStatus.Breached ? EventKind.AgreementBreached : EventKind.AgreementStrained;
            Emit(kind, change.Actor, change.Topic, null, null, change.Cause, $"{change.AgreementId}: {change.Why}");
        }
    }

    private async Task ShockAsync(ShockStep step)
    {
        Emit(EventKind.Shock, null, null, null, null, step.Id, step.Reason);
        foreach (var change in step.Changes)
        {
            var tables = change.Topic is { } t ? [await world.Topic(t).Get()] : Array.Empty<TopicTable>();
            var commitments = tables.SelectMany(table => Table.CommitmentsOf(table, change.Actor)).ToImmutableArray();
            var outcome = await world.Country(change.Actor).Shock(change, step.Id, commitments, Parameters);
            if (outcome.Kind == EventKind.CapabilityChanged)
                state.Actors[change.Actor] = state.Actors[change.Actor] with { Capability = outcome.After };
            if (outcome.Kind == EventKind.AffinityChanged)
                state.Actors[change.Actor] = state.Actors[change.Actor] with { Affinity = state.Actors[change.Actor].Affinity.SetItem(change.Toward!, outcome.After) };
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

    /// <summary>One round of stacked alternating offers on every open topic; true when the step is done.</summary>
    private async Task<bool> RoundAsync(RoundsStep step)
    {
        if (state.RoundsDone == 0)
            state.RoundOffset = state.Random.Next(1 << 20);
        var round = ++state.RoundsDone;
        state.TotalRounds++;
        var time = (double)round / step.Count;
        Emit(EventKind.Round, null, null, null, null, step.Id, string.Create(CultureInfo.InvariantCulture, $"round {round} of {step.Count}"));

        double largest = 0;
        var agreed = false;
        foreach (var pending in state.Open.ToArray())
        {
            pending.Renewals++;
            var renewed = pending.Proposal with
            {
                Id = $"{pending.Proposal.Id}~{pending.Renewals}",
                Time = time,
                Kind = ProposalKind.Renewed,
                ProposerCapability = state.Actors[pending.Proposal.From].Capability,
            };
            var outcome = await DeliverAsync(renewed);
            largest = Math.Max(largest, outcome.LargestMove);
            agreed |= outcome.Agreed;
            if (!outcome.Agreed && --pending.RoundsLeft <= 0)
            {
                state.Open.Remove(pending);
                Emit(EventKind.ProposalExpired, pending.Proposal.From, pending.Proposal.TopicLabel, null, null, pending.Proposal.Id, "its deadline passed without agreement");
            }
        }

        var topics = step.Topics.IsDefaultOrEmpty ? state.TopicOrder : [.. step.Topics];
        var positions = await Task.WhenAll(topics.Select(t => world.Topic(t).Positions()));
        var tables = await Task.WhenAll(topics.Select(t => world.Topic(t).Get()));
        var open = 0;
        for (var i = 0; i < topics.Count; i++)
        {
            var held = positions[i].OrderBy(p => state.ActorOrder.IndexOf(p.Actor)).ToArray();
            if (held.Length < 2 || Settled(tables[i], held))
                continue;
            open++;
            var proposer = held[(state.RoundOffset + round + i) % held.Length];
            var others = held.Where(p => p.Actor != proposer.Actor).ToArray();
            var weight = others.Sum(p => Weight(p));
            var target = weight > 0 ? others.Sum(p => Weight(p) * p.Value) / weight : others.Average(p => (double)p.Value);
            var actor = state.Actors[proposer.Actor];
            var share = Concession.Share(actor.Strategy, time, Parameters, state.Shares.GetValueOrDefault(topics[i]));
            var value = Concession.Offer(proposer.Value, target, share, Parameters.Window(proposer.Salience));
            var proposal = new Proposal($"{step.Id}.r{round}.{topics[i]}", proposer.Actor, [.. others.Select(p => p.Actor)],
                [new Term(topics[i], value)], step.Rule, time, actor.Capability, ProposalKind.RoundOffer, step.Id);
            var outcome = await DeliverAsync(proposal);
            state.Shares[topics[i]] = share;
            largest = Math.Max(largest, outcome.LargestMove);
            agreed |= outcome.Agreed;
        }

        if (open == 0 && state.Open.Count == 0)
        {
            Emit(EventKind.Converged, null, null, null, null, step.Id, "every topic in play is settled");
            return true;
        }
        if (!agreed && largest < Parameters.Convergence)
        {
            Emit(EventKind.Converged, null, null, null, null, step.Id,
                string.Create(CultureInfo.InvariantCulture, $"no position moved more than {Parameters.Convergence} in round {round}"));
            return true;
        }
        return round >= step.Count;
    }

    private double Weight(Position p) => state.Actors[p.Actor].Capability * p.Salience;

    /// <summary>A topic is settled when an agreement in force binds every actor holding a position on it.</summary>
    private static bool Settled(TopicTable table, IReadOnlyList<Position> held) =>
        table.Agreements.Any(a => a.Status is AgreementStatus.Holding or AgreementStatus.Strained
            && held.All(p => a.Parties.Contains(p.Actor)));

    private async Task ExpectAsync(ExpectStep step)
    {
        foreach (var expectation in step.Expectations)
        {
            var (passed, detail) = await CheckAsync(expectation);
            if (!passed)
                state.Failures++;
            var why = step.Because.Length > 0 ? $"{detail}; because {step.Because}" : detail;
            Emit(passed ? EventKind.ExpectationPassed : EventKind.ExpectationFailed, null, TopicOf(expectation), null, null, step.Id,
                string.Create(CultureInfo.InvariantCulture, $"line {step.Line}: {why}"));
        }
    }

    private static string? TopicOf(Expectation expectation) => expectation switch
    {
        AgreementExpectation a => a.Topic,
        PositionExpectation p => p.Topic,
        EventExpectation e => e.Pattern.Topic,
        _ => null,
    };

    private async Task<(bool Passed, string Detail)> CheckAsync(Expectation expectation)
    {
        switch (expectation)
        {
            case AgreementExpectation a:
            {
                var table = await world.Topic(a.Topic).Get();
                var found = table.Agreements.Where(g =>
                        (a.Status is { } status ? g.Status == status : g.Status is AgreementStatus.Holding or AgreementStatus.Strained)
                        && a.Parties.All(g.Parties.Contains)
                        && (a.Value is not { } range || range.Contains(g.Terms[a.Topic])))
                    .ToArray();
                string List(IEnumerable<Agreement> agreements) =>
                    string.Join("; ", agreements.Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Id} at {g.Terms[a.Topic]:0.##} ({Word(g.Status)}, {string.Join("+", g.Parties)})")));
                // When none matches but the topic has other agreements (a breached one, say), they are named,
                // so that "none" is not read as "there never was one".
                var others = table.Agreements.Where(g => g.Terms.ContainsKey(a.Topic)).ToArray();
                var describe = found.Length > 0
                    ? List(found)
                    : others.Length == 0
                        ? $"no such agreement on {a.Topic}"
                        : $"none {(a.Status is { } wanted ? Word(wanted) : "in force")} on {a.Topic}; on the topic: {List(others)}";
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
                    return (false, string.Create(CultureInfo.InvariantCulture, $"expected {p.Actor} on {p.Topic} in {range}, found {now:0.##}"));
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
                    var to = p.TargetActor ?? (target is { } tv ? tv.ToString("0.##", CultureInfo.InvariantCulture) : "?");
                    return (ok, string.Create(CultureInfo.InvariantCulture,
                        $"expected {p.Actor} on {p.Topic} to move {Word(direction)}{(direction == Direction.Unchanged ? "" : $" {to}")}: {start:0.##} -> {now:0.##}"));
                }
                return (true, string.Create(CultureInfo.InvariantCulture, $"{p.Actor} on {p.Topic} at {now:0.##}"));
            }
            case EventExpectation e:
            {
                var match = state.Timeline.FirstOrDefault(e.Pattern.Matches);
                var said = $"{Word(e.Pattern.Kind)}{Of(e.Pattern)}";
                return e.Happened
                    ? (match is not null, match is null ? $"expected {said}, which did not happen" : $"{said} happened (event {match.Seq})")
                    : (match is null, match is null ? $"{said} did not happen, as expected" : $"expected no {said}, but it happened (event {match.Seq})");
            }
            case OrderExpectation o:
            {
                var at = 0;
                foreach (var pattern in o.Patterns)
                {
                    var index = state.Timeline.FindIndex(at, pattern.Matches);
                    if (index < 0)
                        return (false, $"expected {Word(pattern.Kind)}{Of(pattern)} after event {at}, found none");
                    at = index + 1;
                }
                return (true, $"{o.Patterns.Length} events happened in order");
            }
            default:
                return (false, "unknown expectation");
        }
    }

    private static string Describe(AgreementExpectation a) =>
        (a.Parties.IsDefaultOrEmpty ? "" : $" between {string.Join(", ", a.Parties)}")
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

    private static string KindWord(ProposalKind kind) => kind switch
    {
        ProposalKind.RoundOffer => "round offer",
        ProposalKind.Renewed => "renewed proposal",
        _ => "proposal",
    };

    /// <summary>A renewed proposal's id is the original's with <c>~N</c> appended.</summary>
    private static string OriginalId(string id) => id.Split('~')[0];

    private void Emit(EventKind kind, string? actor, string? topic, double? before, double? after, string cause, string? why, ImmutableArray<Term>? terms = null)
    {
        var e = new TimelineEvent(state.Timeline.Count + 1, _step?.Id ?? "", _round, kind, actor, topic, before, after, cause, why, terms);
        state.Timeline.Add(e);
        _observer.Emitted(e);
    }
}
