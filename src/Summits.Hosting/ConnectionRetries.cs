using Orleans.Messaging;
using Orleans.Runtime;
using Orleans.Runtime.Messaging;

namespace Summits.Hosting;

/// <summary>
/// Whether a client of a cluster tries its start again (<see cref="SummitsHosting.ConnectionTries"/>): after a silo
/// that did not answer, yes, up to that many tries; after a start that found no gateway in the cluster's membership,
/// no, since a cluster of that id has no silo and waiting would only delay the one line that says so.
/// </summary>
internal sealed class ConnectionRetries(IGatewayListProvider gateways) : IClientConnectionRetryFilter
{
    private int _tries = 1;

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
