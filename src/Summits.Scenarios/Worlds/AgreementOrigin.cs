using Summits.Model;

namespace Summits.Scenarios;

/// <summary>How reports name where an agreement came from: the proposal that made it, or for a seeded one the verb of its source.</summary>
public static class AgreementOrigin
{
    /// <summary>
    /// What the verb makes of a seeded agreement, in the words reports print: "a reaffirmation of what was
    /// held" (confirmed), "a bargain struck at the meeting" (agreed), or "a stated intent" (they will …).
    /// </summary>
    public static string Meaning(AgreementVerb verb) => verb switch
    {
        AgreementVerb.Confirmed => "a reaffirmation of what was held",
        AgreementVerb.Agreed => "a bargain struck at the meeting",
        _ => "a stated intent",
    };

    /// <summary>"seed, confirmed (a reaffirmation of what was held)" for a seeded agreement with its verb; otherwise its cause.</summary>
    public static string Of(Agreement agreement) =>
        agreement.Verb is { } verb ? $"{agreement.Cause}, {KebabCase.Of(verb)} ({Meaning(verb)})" : agreement.Cause;
}
