using System.Globalization;
using Summits.Model;

namespace Summits.Grains.Tests;

/// <summary>An agreement in words for comparing two worlds' agreements: id, status, parties and every term, exact.</summary>
internal static class AgreementWords
{
    public static string Of(Agreement agreement) =>
        $"{agreement.Id} {agreement.Status} {string.Join(' ', agreement.Parties)} "
        + string.Join(' ', agreement.Terms.Select(t => $"{t.Key}={t.Value.ToString(CultureInfo.InvariantCulture)}"));

    /// <summary>Every agreement of <paramref name="world"/> in words, in ordinal order.</summary>
    public static string[] All(World world) => [.. world.Agreements.Select(Of).Order(StringComparer.Ordinal)];
}
