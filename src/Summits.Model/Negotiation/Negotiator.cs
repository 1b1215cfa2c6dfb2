using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Summits.Model;

/// <summary>
/// How one actor judges a proposal, answers it, and is moved by it. Pure functions of the actor's
/// positions, its commitments and the proposal: the same inputs always give the same evaluation.
/// </summary>
public static class Negotiator
{
    /// <summary>How far a recipient moves toward a proposed value, whatever it answers.</summary>
    /// <remarks>Δ = α · c_j / (c_i + c_j) · (1 + a_ij) / 2 · (1 − s_i) · (y − x_i).</remarks>
    public static double Influence(double position, double salience, double value, double recipientCapability, double proposerCapability, double affinity, ModelParameters parameters)
    {
        var total = recipientCapability + proposerCapability;
        var weight = total > 0 ? proposerCapability / total : 0.5;
        return parameters.InfluenceRate * weight * (1 + affinity) / 2 * (1 - parameters.Intensity(salience)) * (value - position);
    }

    /// <summary>
    /// The recipient's evaluation of a proposal: its answer, its counter-offer (the offer its tactic makes at the
    /// proposal's time τ), and the moves the proposal causes. Terms are judged as a whole, summing utilities
    /// over the topics it holds. It accepts under its acceptance condition; otherwise it rejects terms worse
    /// than no deal and counters the rest, offering its own terms either way. A renewed proposal moves no one:
    /// influence acts once per proposal.
    /// </summary>
    /// <param name="exchanges">For each term, what the recipient has seen of the bargaining on its topic (tit-for-tat answers it); null for none.</param>
    public static Evaluation Evaluate(
        Actor actor,
        IReadOnlyDictionary<string, Position> positions,
        Proposal proposal,
        IReadOnlyList<Commitment> commitments,
        ScriptedAnswer? scripted,
        ModelParameters parameters,
        IReadOnlyList<Exchange>? exchanges = null)
    {
        var n = proposal.Terms.Length;
        Span<double> x = stackalloc double[n];
        Span<double> s = stackalloc double[n];
        Span<double> y = stackalloc double[n];
        Span<double> r = stackalloc double[n];
        var held = 0;
        var tradeOff = true;
        Position? single = null;
        double utility = 0, walk = 0;
        var rho = actor.Curvature;
        for (var i = 0; i < n; i++)
        {
            var term = proposal.Terms[i];
            // On a topic it holds no position on, the actor sits at the terms with no salience (s stays 0):
            // they are worth nothing to it either way, and they move it nowhere.
            x[i] = r[i] = y[i] = term.Value;
            if (!positions.TryGetValue(term.Topic, out var p))
                continue;
            x[i] = p.Value;
            s[i] = p.Salience;
            r[i] = Tactics.Reservation(x[i], s[i], p.Reservation, y[i], parameters);
            held++;
            single = p;
            tradeOff &= actor.StrategyOn(p) == Strategy.TradeOff;
            utility += Utility.Of(x[i], s[i], rho, y[i]);
            var noDeal = Utility.Of(x[i], s[i], rho, r[i]);
            foreach (var c in commitments)
            {
                if (c.Topic == term.Topic && c.Status.IsLive())
                {
                    noDeal = Math.Max(noDeal, Utility.Of(x[i], s[i], rho, c.Value));
                    r[i] = Tactics.Bounded(x[i], r[i], c.Value);
                }
            }
            walk += noDeal;
        }

        Span<double> next = stackalloc double[n];
        if (held >= 2 && tradeOff)
        {
            Span<double> weights = stackalloc double[n];
            weights.Fill(1);
            var aspiration = TradeOff.Aspiration(s, walk, proposal.Time, parameters);
            TradeOff.Package(x, s, rho, y, weights, aspiration).CopyTo(next);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                var p = positions.GetValueOrDefault(proposal.Terms[i].Topic);
                next[i] = p is null ? y[i]
                    : Tactics.Offer(actor.StrategyOn(p), x[i], r[i], proposal.Time, exchanges?[i] ?? Exchange.None, parameters);
            }
        }
        // The offer as the tactic makes it, kept aside: the answer carries it only when it accepts so (below).
        Span<double> offer = stackalloc double[n];
        next.CopyTo(offer);
        double unheld = 0;
        for (var i = 0; i < n; i++)
            unheld += Utility.Of(x[i], s[i], rho, next[i]);
        // An actor never offers beyond what is already on the table for it.
        for (var i = 0; i < n; i++)
            next[i] = Tactics.NotPast(x[i], next[i], y[i]);
        double own = 0;
        for (var i = 0; i < n; i++)
            own += Utility.Of(x[i], s[i], rho, next[i]);

        var judgement = new Judgement(utility, walk, own);
        var condition = held == 1 ? actor.AcceptanceOn(single) : actor.Acceptance;
        Response response;
        string why;
        if (held == 0)
        {
            response = Response.Accept;
            why = $"holds no position on {proposal.TopicLabel}: indifferent";
        }
        else
        {
            var accepts = judgement.Accepts(condition, proposal.Time, parameters);
            response = accepts ? Response.Accept : judgement.BeatsWalkAway ? Response.Counter : Response.Reject;
            // Every figure as a line of words shows it (Figures: four decimals at most), so the reason a student reads
            // quotes the same worth as the words around it.
            // The verdict and the condition it names are written into the reason, not joined into a string of their own first.
            var (verdict, named) = !judgement.BeatsWalkAway ? ("worse than no deal", "")
                : accepts ? (proposal.Time >= 1 ? ("accepts at the deadline what beats no deal", "") : ("accepts under ", ConditionName(condition)))
                : ("counters under ", ConditionName(condition));
            why = string.Create(CultureInfo.InvariantCulture,
                $"U(terms) {new Figure(utility)}, U(own offer) {new Figure(own)}, U(BATNA) {new Figure(walk)} at τ {new Figure(proposal.Time)}: {verdict}{named}");
        }

        var counter = ImmutableArray<Term>.Empty;
        if (scripted is not null)
        {
            response = scripted.Response;
            // A script that gives no reason says only that the answer is scripted.
            why = string.IsNullOrWhiteSpace(scripted.Because) ? $"scripted, no reason given (model: {why})" : $"scripted: {scripted.Because} (model: {why})";
            counter = scripted.Counter;
        }
        else if (response != Response.Accept)
        {
            counter = TermsOf(proposal.Terms, next);
        }

        // At most one move per term, in an array made at the first; a change of status only where the actor holds an
        // agreement, which most do not, in a builder made at the first.
        Move[]? moves = null;
        var moved = 0;
        ImmutableArray<CommitmentChange>.Builder? changes = null;
        var affinity = actor.AffinityToward(proposal.From);
        for (var i = 0; i < n && proposal.Kind != ProposalKind.Renewed; i++)
        {
            var topic = proposal.Terms[i].Topic;
            var delta = Influence(x[i], s[i], y[i], actor.Capability, proposal.ProposerCapability, affinity, parameters);
            if (Math.Abs(delta) < 1e-9)
                continue;
            var after = Math.Clamp(x[i] + delta, ScaleValue.Min, ScaleValue.Max);
            (moves ??= new Move[n])[moved++] = new Move(actor.Id, topic, x[i], after, proposal.Id);
            foreach (var c in commitments)
            {
                if (c.Topic == topic && Drift(c, after, s[i], parameters, x[i]) is { } status)
                    (changes ??= ImmutableArray.CreateBuilder<CommitmentChange>()).Add(new CommitmentChange(c.AgreementId, topic, actor.Id, status, proposal.Id,
                        CommitmentWords.Distance(CommitmentWords.Lead(actor.Id, "moved to", c, status), after, c.Value, parameters.Window(s[i]))));
            }
        }

        return new Evaluation(actor.Id, proposal.Id, response, utility, walk,
            counter, moves is null ? [] : ImmutableCollectionsMarshal.AsImmutableArray(moved == n ? moves : moves[..moved]),
            changes?.ToImmutable() ?? [], why,
            scripted is null && response == Response.Accept && held > 0 && (judgement.AtLeast(unheld) || proposal.Time >= 1) ? TermsOf(proposal.Terms, offer) : [],
            actor.Capability);
    }

    /// <summary>The topics of <paramref name="terms"/>, each with the value at its index in <paramref name="values"/> (as long as <paramref name="terms"/>).</summary>
    private static ImmutableArray<Term> TermsOf(ImmutableArray<Term> terms, ReadOnlySpan<double> values)
    {
        var made = new Term[terms.Length];
        for (var i = 0; i < made.Length; i++)
            made[i] = new Term(terms[i].Topic, values[i]);
        return ImmutableCollectionsMarshal.AsImmutableArray(made);
    }

    /// <summary>The name of an acceptance condition in the literature's notation.</summary>
    public static string ConditionName(AcceptanceCondition condition) => condition switch
    {
        AcceptanceCondition.Time => "AC_time",
        AcceptanceCondition.Constant => "AC_const",
        _ => "AC_next",
    };

    /// <summary>
    /// What a proposal does to its proposer's own agreements: terms more than its window from an agreement it
    /// is party to strain that agreement, and terms more than <see cref="ModelParameters.BreachFactor"/>
    /// windows from it breach it at once.
    /// </summary>
    public static ImmutableArray<CommitmentChange> Contrary(
        IReadOnlyDictionary<string, Position> positions,
        Proposal proposal,
        IReadOnlyList<Commitment> commitments,
        ModelParameters parameters)
    {
        var changes = ImmutableArray.CreateBuilder<CommitmentChange>();
        foreach (var term in proposal.Terms)
        {
            if (!positions.TryGetValue(term.Topic, out var position))
                continue;
            var window = parameters.Window(position.Salience);
            foreach (var c in commitments)
            {
                if (c.Topic != term.Topic)
                    continue;
                var distance = Math.Abs(term.Value - c.Value);
                AgreementStatus? status = distance > parameters.BreachFactor * window && c.Status != AgreementStatus.Breached ? AgreementStatus.Breached
                    : distance > window && (c.Status == AgreementStatus.Holding || c.Status == AgreementStatus.Strained && !c.Strayed) ? AgreementStatus.Strained
                    : null;
                if (status is { } next)
                    changes.Add(new CommitmentChange(c.AgreementId, term.Topic, proposal.From, next, proposal.Id,
                        CommitmentWords.Distance(CommitmentWords.Lead(proposal.From, "proposed", c, next), term.Value, c.Value, window)));
            }
        }
        return changes.ToImmutable();
    }

    /// <summary>
    /// What a party's position <paramref name="after"/> a move does to an agreement it is held to, with window w:
    /// more than <see cref="ModelParameters.BreachFactor"/>·w from the agreed value breaches it at once; more
    /// than w strains a holding agreement, and leaves a strained one strained with news of this party's straying when
    /// this party had not strayed from it yet (<see cref="Commitment.Strayed"/>: another party strained it first, or the
    /// world seeded it strained); back within w restores a strained one
    /// to holding. Null when nothing changes.
    /// With the position <paramref name="before"/> the move given, only a move away from the agreed value strains or
    /// breaches: a party that agreed to terms far from where it stood keeps the agreement while it stands still or
    /// moves toward them.
    /// </summary>
    public static AgreementStatus? Drift(Commitment commitment, double after, double salience, ModelParameters parameters, double? before = null)
    {
        var distance = Math.Abs(after - commitment.Value);
        var window = parameters.Window(salience);
        if (commitment.Status == AgreementStatus.Breached)
            return null;
        var away = before is not { } from || distance > Math.Abs(from - commitment.Value);
        if (away && distance > parameters.BreachFactor * window)
            return AgreementStatus.Breached;
        return commitment.Status switch
        {
            AgreementStatus.Holding when away && distance > window => AgreementStatus.Strained,
            // Strained by another party first: this party's straying is news of its own, once.
            AgreementStatus.Strained when away && distance > window && !commitment.Strayed => AgreementStatus.Strained,
            AgreementStatus.Strained when distance <= window => AgreementStatus.Holding,
            _ => null,
        };
    }
}
