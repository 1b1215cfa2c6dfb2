namespace Summits.Model;

/// <summary>The rule an agreement was made under; <see cref="K"/> is used by k-of-n only.</summary>
[GenerateSerializer, Immutable, Alias("summits.agreement-rule")]
public readonly record struct AgreementRule([Id(0)] AgreementRuleKind Kind, [Id(1)] int K = 0)
{
    public static AgreementRule Unanimity => new(AgreementRuleKind.Unanimity);

    public override string ToString() => Kind switch
    {
        AgreementRuleKind.Unanimity => "unanimity",
        AgreementRuleKind.KOfN => $"{K}-of-n",
        _ => "weighted-majority",
    };
}
