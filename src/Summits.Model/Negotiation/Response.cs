namespace Summits.Model;

/// <summary>A recipient's answer to a proposal.</summary>
public enum Response
{
    Accept,
    Reject,
    Counter,
}
