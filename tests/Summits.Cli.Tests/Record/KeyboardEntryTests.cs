using Summits.Cli.Exercises;

namespace Summits.Cli.Tests;

/// <summary>What a line typed at the keyboard is checked for: a package's topic numbers and a proposal's deadline.</summary>
public sealed class KeyboardEntryTests
{
    // Three topics on the table: numbers 1 to 3, separated by spaces, commas or both; each topic once, two or more.
    [Theory]
    [InlineData("1 2", null)]
    [InlineData("1,2", null)]
    [InlineData("1, 3", null)]
    [InlineData("3,1,2", null)]
    [InlineData("1 1", "1 is named twice: a package takes each topic once; type two different numbers or more, such as 1 2")]
    [InlineData("2,2", "2 is named twice: a package takes each topic once; type two different numbers or more, such as 1 2")]
    [InlineData("1", "a package needs two topics or more: type two numbers or more, such as 1 2")]
    [InlineData("1 4", "'4' is not a topic's number: type numbers from 1 to 3, such as 1 2 or 1,2")]
    [InlineData("1;2", "'1;2' is not a topic's number: type numbers from 1 to 3, such as 1 2 or 1,2")]
    public void A_package_takes_each_topic_s_number_once_separated_by_spaces_or_commas(string typed, string? problem) =>
        Assert.Equal(problem, KeyboardPlay.Package(typed, 3));

    // A proposal of round 1 of 3 stays open for at most 3 − 1 = 2 of the model's offer rounds; 0 is none.
    [Theory]
    [InlineData("0", null)]
    [InlineData("2", null)]
    [InlineData(" 1 ", null)]
    [InlineData("3", "3 is more offer rounds than are left: type a whole number from 0 (your last word) to 2")]
    // -1 is a whole number, off the range at its low end: said so, as 3 is at its high end.
    [InlineData("-1", "-1 is below 0: type a whole number from 0 (your last word) to 2")]
    [InlineData("-7", "-7 is below 0: type a whole number from 0 (your last word) to 2")]
    [InlineData("1.5", "'1.5' is not a whole number: type a whole number from 0 (your last word) to 2")]
    [InlineData("", "nothing typed: type a whole number from 0 (your last word) to 2")]
    public void A_deadline_is_a_whole_number_of_offer_rounds_within_those_left(string typed, string? problem) =>
        Assert.Equal(problem, KeyboardPlay.Deadline(typed, 2));

    // Backspace takes off the last character as drawn: "ab" loses "b", one cell ("\b \b"); "1日" loses 日, two cells,
    // so two backspaces, two spaces over them and two backspaces (one of each erased only its right half, leaving half
    // of 日 showing); "e" with a combining accent is one character of one cell, and both its code points go.
    [Theory]
    [InlineData("ab", "a", "\b \b")]
    [InlineData("1日", "1", "\b\b  \b\b")]
    [InlineData("xe\u0301", "x", "\b \b")]
    [InlineData("", "", "")]
    public void Backspace_erases_the_cells_the_last_character_took(string typed, string left, string erase)
    {
        var text = new System.Text.StringBuilder(typed);

        Assert.Equal(erase, KeyboardPlay.EraseLast(text));
        Assert.Equal(left, text.ToString());
    }
}
