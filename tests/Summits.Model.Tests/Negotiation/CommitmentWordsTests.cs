using Summits.Model;

namespace Summits.Model.Tests;

/// <summary>The words a commitment change gives as its reason, and reading their numbers back.</summary>
public sealed class CommitmentWordsTests
{
    [Fact]
    public void The_numbers_of_a_strayed_reason_are_read_back_as_written()
    {
        // The reason as a change gives it: after the agreement's id, the value 65.05, its distance 93 − 65.05 = 27.95,
        // the agreed 93 and the window 9.5.
        Assert.Equal(new CommitmentWords.Strayed(65.05, 27.95, 93, 9.5),
            CommitmentWords.Read("deal-1: US now at 65.05, 27.95 from the agreed 93 (window 9.5)"));
    }

    [Fact]
    public void Words_made_by_Distance_read_back_to_the_figures_they_show()
    {
        // 74.99681 shows as 74.9968; 94 − 74.9968 = 19.0032; the window 9.5 as it is.
        var words = CommitmentWords.Distance("US now at", 74.99681, 94, 9.5);
        Assert.Equal("US now at 74.9968, 19.0032 from the agreed 94 (window 9.5)", words);
        Assert.Equal(new CommitmentWords.Strayed(74.9968, 19.0032, 94, 9.5), CommitmentWords.Read(words));
    }

    [Theory]
    [InlineData("deal-1: JP proposed a new deal")]
    [InlineData("US now at 65.05, 27.95 from the agreed 93")]
    [InlineData("")]
    public void Words_of_another_form_read_as_nothing(string words) =>
        Assert.Null(CommitmentWords.Read(words));
}
