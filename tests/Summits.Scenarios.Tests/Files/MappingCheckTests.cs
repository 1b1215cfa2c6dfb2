namespace Summits.Scenarios.Tests;

/// <summary>
/// <see cref="MappingReader.Check"/>: the checks a reader makes as it is built, made without one, in the same words.
/// </summary>
public sealed class MappingCheckTests
{
    private static YamlDotNet.RepresentationModel.YamlNode Item(string yaml) =>
        ((YamlDotNet.RepresentationModel.YamlSequenceNode)YamlDocument.LoadMapping("w.yaml", yaml).Children.Single().Value).Children[0];

    [Fact]
    public void A_mapping_with_only_declared_keys_passes()
    {
        MappingReader.Check("w.yaml", Item("actors:\n  - { id: A, name: Alpha }\n"), "an actor", WorldFile.ActorKeys);
    }

    [Fact]
    public void An_undeclared_key_is_refused_at_its_place_as_the_reader_refuses_it()
    {
        // "  - { id: A, " is 13 characters: 'colour' at 2:14, far from every actor key, so they are all listed.
        var item = Item("actors:\n  - { id: A, colour: red }\n");
        var check = Assert.Throws<InputException>(() => MappingReader.Check("w.yaml", item, "an actor", WorldFile.ActorKeys));
        var reader = Assert.Throws<InputException>(() => new MappingReader("w.yaml", item, "an actor", WorldFile.ActorKeys));
        Assert.Equal((2, 14), (check.Position.Line, check.Position.Column));
        Assert.Equal(reader.Message, check.Message);
        Assert.StartsWith("unknown key 'colour' in an actor; expected one of ", check.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_where_a_mapping_goes_is_refused_saying_what_it_is()
    {
        // "  - " is 4 characters: the inner list at 2:5.
        var item = Item("actors:\n  - [A, Alpha]\n");
        var check = Assert.Throws<InputException>(() => MappingReader.Check("w.yaml", item, "an actor", WorldFile.ActorKeys));
        Assert.Equal((2, 5, "expected an actor as a mapping of keys to values, not a list ([A, Alpha])"), (check.Position.Line, check.Position.Column, check.Problem));
    }

    // A missing key's message agrees with the mapping's name: a singular name "is missing" (an actor), a name whose
    // last word is a plural in -s "are missing" (an actor's KTAB numbers). Both at the mapping, "  - " = 2:5.
    [Theory]
    [InlineData("an actor", "an actor is missing the required key 'power'")]
    [InlineData("an actor's KTAB numbers", "an actor's KTAB numbers are missing the required key 'power'")]
    public void A_missing_key_is_said_with_a_verb_that_agrees_with_the_mappings_name(string what, string problem)
    {
        var reader = new MappingReader("w.yaml", Item("actors:\n  - { id: A }\n"), what, ["id", "power"]);
        var error = Assert.Throws<InputException>(() => reader.Required("power"));
        Assert.Equal((2, 5, problem), (error.Position.Line, error.Position.Column, error.Problem));
    }
}
