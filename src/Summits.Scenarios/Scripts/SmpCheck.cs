using Summits.Model;

namespace Summits.Scenarios;

/// <summary>Whether a world can run through the spatial model, said as an input error before anything runs.</summary>
public static class SmpCheck
{
    /// <exception cref="InputException">An actor holds no position on some topic, or the world has fewer than 2 actors or no topic.</exception>
    public static void Table(string path, World world)
    {
        try
        {
            SmpTable.From(world);
        }
        catch (ArgumentException e)
        {
            throw new InputException(new FilePosition(path, 1, 1), $"{e.Message.Split(" (Parameter")[0]}; the spatial model (--model smp) cannot run this world");
        }
    }
}
