using Microsoft.Extensions.Hosting;

namespace Summits.Classroom;

/// <summary>
/// The classroom host's lifetime: it starts and stops only when <see cref="ClassroomServer"/> says. The host's default
/// lifetime would also stop it on Ctrl+C or SIGTERM, at once and beside the command's own handling of the signal,
/// dropping every page's WebSocket before <see cref="ClassroomServer.DisposeAsync"/> could close it with the close
/// handshake.
/// </summary>
internal sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
