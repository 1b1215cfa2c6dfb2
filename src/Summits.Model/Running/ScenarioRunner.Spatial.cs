using System.Collections.Immutable;
using System.Globalization;

namespace Summits.Model;

public sealed partial class ScenarioRunner
{
    /// <summary>
    /// One turn of the spatial model: reads every position through the topics, lets
    /// <see cref="SpatialModel"/> decide who takes which bargain, and moves each actor through its
    /// country, so a turn leaves the same timeline in grains as in plain objects. True when the step is done.
    /// </summary>
    /// <summary>The table the last spatial-model turn left and what the actors made of it; held in memory only.</summary>
    private (SmpTable Table, SmpAssessment State)? _smpAfter;

    private async Task<bool> SmpTurnAsync(SmpTurnsStep step)
    {
        await ReadActorsAsync();
        var turn = ++state.RoundsDone;
        state.TotalRounds++;
        var topics = state.TopicOrder;
        var held = await Task.WhenAll(topics.Select(t => world.Topic(t).Positions()));
        var table = SmpTable.Of([.. state.ActorOrder.Select(a => Actors[a])], topics, held.SelectMany(p => p));
        // The state the last turn ended in is the state this turn starts from, unless something moved
        // the actors in between: reuse its assessment only when the table read back is the same.
        var known = _smpAfter is { } last && last.Table.SameAs(table) ? last.State : null;
        var (next, result, assessed) = SpatialModel.Step(table, turn, known);
        _smpAfter = (next, assessed);
        Emit(EventKind.Round, null, null, null, null, step.Id, string.Create(CultureInfo.InvariantCulture,
            $"spatial-model turn {turn} of at most {step.Count}: forecast {string.Join(", ", topics.Select((t, k) => $"{t} {Figures.Text(result.Forecast[k])}"))}"));

        for (var i = 0; i < table.Actors.Length; i++)
        {
            if (result.Taken[i] < 0)
                continue;
            cancellation.ThrowIfCancellationRequested();
            var bargain = result.Bargains[result.Taken[i]];
            string initiator = table.Actors[bargain.Initiator], receiver = table.Actors[bargain.Receiver];
            var cause = $"{step.Id}-{turn}-{initiator}-{receiver}";
            var why = string.Create(CultureInfo.InvariantCulture,
                $"took {initiator}'s bargain with {receiver}: {initiator} put its chance of winning the challenge at {Figures.Text(bargain.Probability)}");
            for (var k = 0; k < topics.Count; k++)
            {
                var after = next.Positions[i][k];
                if (after == table.Positions[i][k])
                    continue;
                var actor = table.Actors[i];
                var outcome = await world.Country(actor).Shock($"{cause}/{topics[k]}", new ShockChange(ShockTarget.Position, actor, topics[k], null, after, null, null),
                    cause, [], Parameters);
                Emit(EventKind.Move, actor, topics[k], outcome.Before, outcome.After, cause, why);
            }
        }

        state.SmpFirstShift ??= result.Shift;
        var parameters = SmpParameters.Default;
        if (turn >= parameters.MinTurns && SpatialModel.Settled(parameters, state.SmpFirstShift.Value, result.Shift))
        {
            Emit(EventKind.Converged, null, null, null, null, step.Id, string.Create(CultureInfo.InvariantCulture,
                $"turn {turn} moved the actors {Figures.Text(result.Shift)} points in all, under {parameters.StopRatio:P0} of the first turn's {Figures.Text(state.SmpFirstShift.Value)}"));
            state.SmpFirstShift = null;
            return true;
        }
        if (turn < step.Count)
            return false;
        state.SmpFirstShift = null;
        return true;
    }
}
