namespace Summits.Model;

/// <summary>
/// The keys of the run state's figures by actor and topic (<see cref="RunState.LastOffer"/>, <see cref="RunState.Answered"/>,
/// <see cref="RunState.Start"/>): the parts joined by <c>/</c>, as <c>actor/topic</c> or <c>actor/other/topic</c>. A round
/// looks such a key up for every recipient of every offer, so the key is composed on the stack and made a string only
/// when it adds an entry.
/// </summary>
internal static class StateKeys
{
    // Longer keys (ids of more than about a hundred characters) are made as strings, as every key was before.
    private const int OnStack = 256;

    /// <summary>The value under the key the <paramref name="parts"/> make; false when there is none.</summary>
    public static bool TryGet(Dictionary<string, double> figures, out double value, params ReadOnlySpan<string> parts)
    {
        Span<char> buffer = stackalloc char[OnStack];
        if (Compose(parts, buffer) is { } length && figures.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup))
            return lookup.TryGetValue(buffer[..length], out value);
        return figures.TryGetValue(string.Join('/', parts), out value);
    }

    /// <summary>Sets the value under the key the <paramref name="parts"/> make, adding the key when it is new.</summary>
    public static void Set(Dictionary<string, double> figures, double value, params ReadOnlySpan<string> parts)
    {
        Span<char> buffer = stackalloc char[OnStack];
        if (Compose(parts, buffer) is { } length && figures.TryGetAlternateLookup<ReadOnlySpan<char>>(out var lookup))
            lookup[buffer[..length]] = value;
        else
            figures[string.Join('/', parts)] = value;
    }

    /// <summary>The parts joined by <c>/</c> into <paramref name="buffer"/>, and their length; null when they do not fit.</summary>
    private static int? Compose(ReadOnlySpan<string> parts, Span<char> buffer)
    {
        var length = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0)
            {
                if (length == buffer.Length)
                    return null;
                buffer[length++] = '/';
            }
            if (!parts[i].TryCopyTo(buffer[length..]))
                return null;
            length += parts[i].Length;
        }
        return length;
    }
}
