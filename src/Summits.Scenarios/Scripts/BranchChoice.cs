namespace Summits.Scenarios;

/// <summary>Picks the branch of a forked scenario a command runs, from <c>--branch NAME</c> or a <c>FILE#NAME</c> argument.</summary>
public static class BranchChoice
{
    /// <summary>Splits <c>FILE#NAME</c> into the file and the branch name; a plain file has no branch.</summary>
    public static (string File, string? Branch) Split(string argument)
    {
        var hash = argument.LastIndexOf('#');
        return hash > 0 && hash < argument.Length - 1 ? (argument[..hash], argument[(hash + 1)..]) : (argument, null);
    }

    /// <summary>
    /// The scenario to run: the named branch, or the scenario itself if it does not fork. A forked
    /// scenario run without a branch is refused with the list of its branches, rather than running
    /// every one of them unasked.
    /// </summary>
    /// <exception cref="InputException">The scenario forks and no branch is named (said at the fork's place).</exception>
    /// <exception cref="BranchException">The branch named is not one of the fork's, or the scenario has no fork: the argument's mistake.</exception>
    public static LoadedScenario Select(LoadedScenario loaded, string? branch)
    {
        if (loaded.Fork is { } fork)
        {
            var names = MappingReader.Known(fork.Names);
            if (branch is null)
                throw new InputException(fork.At, $"this scenario forks into {names}; choose one with --branch NAME or {Path.GetFileName(loaded.Path)}#NAME");
            return loaded.Branch(branch)
                ?? throw new BranchException($"no branch '{branch}' in the fork of {InputPath.Said(loaded.Path)}; its branches are {names}");
        }
        return branch is null
            ? loaded
            : throw new BranchException($"{InputPath.Said(loaded.Path)} has no fork, so no branch '{branch}'; run it without --branch or '#{branch}'");
    }

    /// <summary>
    /// Loads a scenario file named as <c>FILE</c> or <c>FILE#NAME</c>: the named branch, the scenario
    /// itself if it does not fork, or, for a fork with no branch named, every branch in the file's order.
    /// </summary>
    public static IReadOnlyList<LoadedScenario> LoadEvery(string argument, string? branch, ulong? seed, Func<string, string> resolve)
    {
        var (file, named) = Split(argument);
        if (named is null && branch is null)
        {
            var loaded = ScenarioFile.Load(resolve(file), seed);
            if (loaded.Fork is { } fork)
                return [.. fork.Branches.Select(b => loaded.Branch(b.Name)!)];
            return [loaded];
        }
        return [Load(argument, branch, seed, resolve)];
    }

    /// <summary>Loads a scenario file named as <c>FILE</c> or <c>FILE#NAME</c>, and picks its branch (<see cref="Select"/>, whose exceptions it throws).</summary>
    public static LoadedScenario Load(string argument, string? branch, ulong? seed, Func<string, string> resolve)
    {
        var (file, named) = Split(argument);
        if (named is not null && branch is not null && named != branch)
            throw new BranchException($"the branch is named twice, as '{named}' (after '#') and '{branch}' (--branch); name it once");
        return Select(ScenarioFile.Load(resolve(file), seed), named ?? branch);
    }
}
