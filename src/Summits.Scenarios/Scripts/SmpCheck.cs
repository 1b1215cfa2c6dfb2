using Summits.Model;

namespace Summits.Scenarios;

/// <summary>Whether a world can run through the spatial model, said as an input error before anything runs.</summary>
public static class SmpCheck
{
    /// <summary>
    /// Checks that the spatial model can run <paramref name="world"/>, and says in one warning (through
    /// <see cref="FormatNotes.Warn"/>) when some actors' saliences sum above 1, which the model reads as shares
    /// and so divides by their sum: the run then uses other numbers than the world's, as <c>export ktab</c> writes
    /// such saliences scaled, and says so with the same words.
    /// </summary>
    /// <exception cref="InputException">An actor holds no position on some topic, or the world has fewer than 2 actors or no topic.</exception>
    public static void Table(string path, World world)
    {
        WorldPlaces.RequireEveryPosition(path, world, "the spatial model (--model smp) needs every actor's position on every topic");
        try
        {
            SmpTable.From(world);
        }
        catch (ArgumentException e)
        {
            throw new InputException(new FilePosition(path, 1, 1), $"{e.Message.Split(" (Parameter")[0]}; the spatial model (--model smp) cannot run this world");
        }
        var overFull = world.Actors
            .Select(a => (a.Id, Sum: world.PositionsOf(a.Id).Sum(p => p.Salience.Value)))
            .Where(x => x.Sum > 1 + 1e-9)
            .Select(x => $"{x.Id} {Figures.Text(x.Sum)}")
            .ToList();
        if (overFull.Count > 0)
            FormatNotes.Warn($"warning: {InputPath.Said(path)}: the saliences of {overFull.Count} of {world.Actors.Length} actors sum above 1 ({Listed.AndMore(overFull, 3)}); the spatial model reads them as shares of each actor's attention, so it divides each such actor's by their sum");
    }
}
