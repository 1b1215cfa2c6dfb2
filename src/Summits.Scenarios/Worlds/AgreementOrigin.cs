using Summits.Model;

namespace Summits.Scenarios;

/// <summary>How reports name where an agreement came from: the proposal that made it, or for a seeded one the verb of its source.</summary>
public static class AgreementOrigin
{
    /// <summary>What the verb makes of a seeded agreement: a reaffirmation, a bargain, or a stated intent.</summary>
    public static string Meaning(AgreementVerb verb) => verb switch
    {
        AgreementVerb.Confirmed => "a reaffirmation",
        AgreementVerb.Agreed => "a bargain",
        _ => "a stated intent",
    };

    /// <summary>"seed, confirmed (a reaffirmation)" for a seeded agreement with its verb; otherwise its cause.</summary>
    public static string Of(Agreement agreement) =>
        agreement.Verb is { } verb ? $"{agreement.Cause}, {KebabCase.Of(verb)} ({Meaning(verb)})" : agreement.Cause;
}
