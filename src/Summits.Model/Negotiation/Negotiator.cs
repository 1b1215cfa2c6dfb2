using System.Collections.Immutable;
using System.Globalization;

namespace Summits.Model;

/// <summary>
/// How one actor judges a proposal, answers it, and is moved by it. Pure functions of the actor's
/// positions, its commitments and the proposal: the same inputs always give the same evaluation.
/// </summary>
public static class Negotiator
{
    /// <summary>
    /// Judges terms as a whole (a package is one decision): the sum over its topics of the utility of
    /// the proposed value, against the sum of what the actor holds without it: no deal, or the agreed
    /// value where it is held to an agreement that is worth more to it than no deal (one it has drifted
    /// away from, it would rather walk away from). NaN in <paramref name="agreed"/> means no agreement
    /// on that topic. Allocates nothing.
    /// </summary>
    public static Judgement Judge(
        ReadOnlySpan<double> positions,
        ReadOnlySpan<double> saliences,
        ReadOnlySpan<double> terms,
        ReadOnlySpan<double> agreed,
        double risk,
        ModelParameters parameters)
    {
        double utility = 0, reservation = 0;
        for (var i = 0; i < terms.Length; i++)
        {
            var x = positions[i];
            var s = saliences[i];
            utility += Utility.Of(x, s, risk, terms[i]);
            var noDeal = Utility.NoDeal(s, risk, parameters);
            reservation += double.IsNaN(agreed[i]) ? noDeal : Math.Max(noDeal, Utility.Of(x, s, risk, agreed[i]));
        }
        return new Judgement(utility, reservation);
    }

    /// <summary>How far a recipient moves toward a proposed value, whatever it answers.</summary>
    /// <remarks>Δ = α · c_j / (c_i + c_j) · (1 + a_ij) / 2 · (1 − s_i) · (y − x_i).</remarks>
    public static double Influence(double position, double salience, double value, double recipientCapability, double proposerCapability, double affinity, ModelParameters parameters)
    {
        var total = recipientCapability + proposerCapability;
        var weight = total > 0 ? proposerCapability / total : 0.5;
        return parameters.InfluenceRate * weight * (1 + affinity) / 2 * (1 - salience) * (value - position);
    }

    /// <summary>The recipient's evaluation of a proposal: its answer, its counter-offer, and the moves the proposal causes.</summary>
    public static Evaluation Evaluate(
        Actor actor,
        IReadOnlyDictionary<string, Position> positions,
        Proposal proposal,
        IReadOnlyList<Commitment> commitments,
        ScriptedAnswer? scripted,
        ModelParameters parameters,
        double mirroredConcession = 0)
    {
        var n = proposal.Terms.Length;
        Span<double> x = stackalloc double[n];
        Span<double> s = stackalloc double[n];
        Span<double> y = stackalloc double[n];
        Span<double> agreed = stackalloc double[n];
        var held = 0;
        for (var i = 0; i < n; i++)
        {
            var term = proposal.Terms[i];
            y[i] = term.Value;
            agreed[i] = double.NaN;
            if (positions.TryGetValue(term.Topic, out var p))
            {
                x[i] = p.Value;
                s[i] = p.Salience;
                held++;
                foreach (var c in commitments)
                {
                    if (c.Topic == term.Topic && c.Status is AgreementStatus.Holding or AgreementStatus.Strained)
                        agreed[i] = c.Value;
                }
            }
            else
            {
                x[i] = term.Value;
                s[i] = 0;
            }
        }

        var judgement = Judge(x, s, y, agreed, actor.RiskAttitude, parameters);
        Response response;
        string why;
        if (held == 0)
        {
            response = Response.Accept;
            why = $"holds no position on {proposal.TopicLabel}: indifferent";
        }
        else
        {
            response = judgement.Accepts ? Response.Accept
                : actor.Strategy == Strategy.Hardliner ? Response.Reject
                : Response.Counter;
            why = string.Create(CultureInfo.InvariantCulture,
                $"U(terms) {judgement.Utility:0.###} {(judgement.Accepts ? ">=" : "<")} U(reservation) {judgement.Reservation:0.###}");
        }

        var counter = ImmutableArray<Term>.Empty;
        if (scripted is not null)
        {
            response = scripted.Response;
            why = $"scripted: {scripted.Because} (model: {why})";
            counter = scripted.Counter;
        }
        else if (response == Response.Counter)
        {
            var share = Concession.Share(actor.Strategy, proposal.Time, parameters, mirroredConcession);
            var builder = ImmutableArray.CreateBuilder<Term>(n);
            for (var i = 0; i < n; i++)
                builder.Add(new Term(proposal.Terms[i].Topic, Concession.Offer(x[i], y[i], share, parameters.Window(s[i]))));
            counter = builder.MoveToImmutable();
        }

        var moves = ImmutableArray.CreateBuilder<Move>();
        var changes = ImmutableArray.CreateBuilder<CommitmentChange>();
        var affinity = actor.AffinityToward(proposal.From);
        for (var i = 0; i < n; i++)
        {
            var topic = proposal.Terms[i].Topic;
            if (!positions.ContainsKey(topic))
                continue;
            var delta = Influence(x[i], s[i], y[i], actor.Capability, proposal.ProposerCapability, affinity, parameters);
            if (Math.Abs(delta) < 1e-9)
                continue;
            var after = Math.Clamp(x[i] + delta, ScaleValue.Min, ScaleValue.Max);
            moves.Add(new Move(actor.Id, topic, x[i], after, proposal.Id));
            foreach (var c in commitments)
            {
                if (c.Topic == topic && Drift(c, x[i], after, s[i], parameters) is { } status)
                    changes.Add(new CommitmentChange(c.AgreementId, topic, actor.Id, status, proposal.Id,
                        string.Create(CultureInfo.InvariantCulture, $"{actor.Id} moved to {after:0.##}, {Math.Abs(after - c.Value):0.##} from the agreed {c.Value:0.##} (window {parameters.Window(s[i]):0.##})")));
            }
        }

        return new Evaluation(actor.Id, proposal.Id, response, judgement.Utility, judgement.Reservation,
            counter, moves.ToImmutable(), changes.ToImmutable(), why);
    }

    /// <summary>
    /// What a proposal does to its proposer's own agreements: terms outside its window around an
    /// agreement it is party to strain that agreement, or breach it if it was strained already.
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
                if (c.Topic != term.Topic || Math.Abs(term.Value - c.Value) <= window)
                    continue;
                var status = c.Status switch
                {
                    AgreementStatus.Holding => AgreementStatus.Strained,
                    AgreementStatus.Strained => AgreementStatus.Breached,
                    _ => (AgreementStatus?)null,
                };
                if (status is { } next)
                    changes.Add(new CommitmentChange(c.AgreementId, term.Topic, proposal.From, next, proposal.Id,
                        string.Create(CultureInfo.InvariantCulture, $"{proposal.From} proposed {term.Value:0.##}, {Math.Abs(term.Value - c.Value):0.##} from the agreed {c.Value:0.##} (window {window:0.##})")));
            }
        }
        return changes.ToImmutable();
    }

    /// <summary>
    /// A party whose position moves outside its window strains an agreement; a strained agreement is
    /// breached when the party drifts further away still, beyond <see cref="ModelParameters.BreachFactor"/> windows.
    /// </summary>
    public static AgreementStatus? Drift(Commitment commitment, double before, double after, double salience, ModelParameters parameters)
    {
        var distance = Math.Abs(after - commitment.Value);
        var window = parameters.Window(salience);
        return commitment.Status switch
        {
            AgreementStatus.Holding when distance > window => AgreementStatus.Strained,
            AgreementStatus.Strained when distance > parameters.BreachFactor * window && distance > Math.Abs(before - commitment.Value) => AgreementStatus.Breached,
            _ => null,
        };
    }
}
