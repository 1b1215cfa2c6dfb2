namespace Summits.Model;

/// <summary>
/// The verb with which the source records a seeded agreement. A confirmation reaffirms what the parties
/// already held; an agreement is a bargain struck at the meeting; an intent says what they will do.
/// </summary>
[Alias("summits.agreement-verb")]
public enum AgreementVerb
{
    /// <summary>"They agreed …": a bargain struck at the meeting.</summary>
    Agreed = 0,
    /// <summary>"They confirmed …": a reaffirmation of what the parties already held.</summary>
    Confirmed = 1,
    /// <summary>"They will …": a stated intent.</summary>
    Intent = 2,
}
