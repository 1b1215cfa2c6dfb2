namespace Summits.Grains;

/// <summary>How long a caller waits for a grain's answer before it asks again, when nothing else is configured.</summary>
public static class GrainCalls
{
    /// <summary>
    /// 120 s: seeding the largest world <c>summits generate</c> makes (1500 actors, 40 topics) took over 30 s, the
    /// Orleans default, on a loaded two-core machine; four times that leaves room. The command line's is the setting
    /// <c>Summits:CallTimeout</c>.
    /// </summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(120);
}
