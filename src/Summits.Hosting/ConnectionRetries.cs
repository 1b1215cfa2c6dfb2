using Orleans.Messaging;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Summits.Hosting;

/// <summary>
/// Whether a client of a cluster tries its start again (<see cref="SummitsHosting.ConnectionTries"/>): after a silo
/// that did not answer, yes, up to that many tries; after a start that found no gateway in the cluster's membership,
/// no, since a cluster of that id has no silo and waiting would only delay the one line that says so.
/// </summary>
/// <param name="gateways">Where the client finds the cluster's gateways: the silos its membership lists as active.</param>
public sealed class ConnectionRetries(IGatewayListProvider gateways) : IClientConnectionRetryFilter
{
    private int _tries = 1;

    /// <summary>
    /// Whether to try the start again after <paramref name="exception"/>: false once <see cref="SummitsHosting.ConnectionTries"/>
    /// tries are made, when <paramref name="cancellationToken"/> is cancelled, for a failure that is no silo's
    /// (not an <see cref="OrleansMessageRejectionException"/> nor a <see cref="ConnectionFailedException"/>), and for a
    /// <see cref="SiloUnavailableException"/> while the gateway list is empty; else true, after waiting 1 s, then 2 s, then 3 s.
    /// </summary>
    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        if (_tries >= SummitsHosting.ConnectionTries || cancellationToken.IsCancellationRequested || exception is not (OrleansMessageRejectionException or ConnectionFailedException))
            return false;
        if (exception is SiloUnavailableException && (await gateways.GetGateways()).Count == 0)
            return false;
        await Task.Delay(TimeSpan.FromSeconds(_tries++), cancellationToken);
        return true;
    }
}
