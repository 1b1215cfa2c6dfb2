namespace Summits.Scenarios;

/// <summary>
/// One kind of output set (<see cref="OutputSet"/>): a run's files, a run's report, a study's results, and so on. A
/// set records its kind in the folder's <see cref="OutputSet.ManifestName"/>, so that a write of another kind that
/// would replace or remove one of its files is refused rather than leaving a folder that mixes the two.
/// </summary>
/// <param name="Id">What tells this kind from every other, as the manifest records it: <c>run</c>, <c>whatif-report</c>; one word, no tab or line break.</param>
/// <param name="Command">The command and option that write it, as an error names them: <c>summits run -o</c>.</param>
/// <param name="Names">Every file name a set of this kind may hold; a write of the set replaces each, or removes it when the new set lacks it.</param>
public sealed record OutputKind(string Id, string Command, IReadOnlyList<string> Names)
{
    /// <summary>The same kind of set, said as written by <paramref name="command"/> (<c>summits worlds show -o</c> writes a run's files).</summary>
    public OutputKind WrittenBy(string command) => this with { Command = command };
}
