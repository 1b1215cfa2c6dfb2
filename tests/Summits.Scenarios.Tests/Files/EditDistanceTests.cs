using Summits.Model;

namespace Summits.Scenarios.Tests;

/// <summary>
/// The one edit distance behind every "did you mean" (keys in files, files, commands, options, choices). Each
/// expected distance is counted by hand from the edits named beside it.
/// </summary>
public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("format", "format", 0)]   // nothing to edit
    [InlineData("", "run", 3)]            // insert r, u, n
    [InlineData("rn", "run", 1)]          // insert u
    [InlineData("fromat", "format", 1)]   // swap the neighbours "ro" to "or": one edit, not the two substitutions plain Levenshtein counts
    [InlineData("tabel", "table", 1)]     // swap "el" to "le"
    [InlineData("kitten", "sitting", 3)]  // k to s, e to i, insert g
    [InlineData("ca", "abc", 3)]          // each letter is edited once: swapping "ca" to "ac" and then inserting b between its letters is not allowed, so delete c, insert b and c
    [InlineData("Run", "run", 1)]         // letters compared as they are: R to r
    public void Counts_insertions_deletions_substitutions_and_neighbour_swaps(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a));
    }
}
