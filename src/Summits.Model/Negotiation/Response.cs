namespace Summits.Model;

/// <summary>A recipient's answer to a proposal.</summary>
[Alias("summits.response")]
public enum Response
{
    Accept = 0,
    Reject = 1,
    Counter = 2,
}
