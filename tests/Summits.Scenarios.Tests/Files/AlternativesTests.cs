namespace Summits.Scenarios.Tests;

/// <summary>
/// What a missing file's name could have meant (<see cref="InputFile.Alternatives"/>): the files of its kind in its
/// folder; when the folder offers none, or is not there (said first), the clause asked for in their place.
/// </summary>
public sealed class AlternativesTests : IDisposable
{
    private const string Shipped = "; the shipped scenario files: a.yaml";

    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Missing => Path.Combine(_folder.Path, "sub", "absent.yaml");

    [Fact]
    public void Files_of_the_kind_in_the_folder_are_said_and_the_other_clause_is_not_asked_for()
    {
        // sub holds other.yaml, a YAML file as absent.yaml is, and notes.txt, which is not: only other.yaml, written
        // as the name was, with its folder part.
        Directory.CreateDirectory(Path.Combine(_folder.Path, "sub"));
        File.WriteAllText(Path.Combine(_folder.Path, "sub", "other.yaml"), "");
        File.WriteAllText(Path.Combine(_folder.Path, "sub", "notes.txt"), "");
        var asked = 0;

        Assert.Equal("; the YAML files there, closest first: sub/other.yaml",
            InputFile.Alternatives(Missing, "sub/absent.yaml", elsewhere: () => { asked++; return Shipped; }));
        Assert.Equal(0, asked);
    }

    [Fact]
    public void A_folder_with_none_of_the_kind_gives_the_other_clause_alone()
    {
        // notes.txt is not YAML, so the folder offers nothing: the clause asked for, and without one, nothing.
        Directory.CreateDirectory(Path.Combine(_folder.Path, "sub"));
        File.WriteAllText(Path.Combine(_folder.Path, "sub", "notes.txt"), "");

        Assert.Equal(Shipped, InputFile.Alternatives(Missing, "sub/absent.yaml", elsewhere: () => Shipped));
        Assert.Equal("", InputFile.Alternatives(Missing, "sub/absent.yaml"));
    }

    [Fact]
    public void A_missing_folder_is_said_first_then_the_other_clause()
    {
        // No sub at all: "; the folder 'sub/' does not exist either" (the name's folder part, as written), then the clause.
        Assert.Equal("; the folder 'sub/' does not exist either" + Shipped,
            InputFile.Alternatives(Missing, "sub/absent.yaml", elsewhere: () => Shipped));
        Assert.Equal("; the folder 'sub/' does not exist either", InputFile.Alternatives(Missing, "sub/absent.yaml"));
    }
}
