using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;

namespace Summits.Cli;

/// <summary>
/// Whether the user asked the command to stop: Ctrl-C (SIGINT) or SIGTERM, on which System.CommandLine cancels the
/// token it hands the command's action, and only then. An <see cref="OperationCanceledException"/> that leaves an
/// action whose token is cancelled is the user's (130); one that leaves it with the token whole is a cancellation
/// nobody asked for, a timeout inside Orleans or an HTTP client, and <see cref="CommandFailure"/> says it as a
/// failure at run time (3).
/// </summary>
/// <param name="signalled">
/// Called at once when the user's signal reaches a command: as the action's token is cancelled (before the action can
/// see it, so before it can say that it stopped), or as a signal of the start-up window is held. The status line
/// (<see cref="Output.StatusLine.Interrupted"/>) takes it, so that the line saying the command stopped starts on a
/// clean line whether or not a progress line was drawn. Null for nothing.
/// </param>
public sealed class Interruption(Action? signalled = null)
{
    private readonly Action? _signalled = signalled;

    private int _asked;

    // 1 once a command's action has begun: from then System.CommandLine takes the signals, and cancels its token.
    private int _acting;

    // 1 once a signal came before any action began (the start-up window).
    private int _early;

    // 1 once the action has ended, by answer or by exception.
    private int _ended;

    /// <summary>True once a command's action ended with a cancellation of the token the user's signal cancelled, or never began for a signal that came first.</summary>
    public bool Asked => Volatile.Read(ref _asked) != 0;

    /// <summary>
    /// True when the command line stopped waiting for an action that had begun and not ended: after a signal,
    /// System.CommandLine gives the action <c>ProcessTerminationTimeout</c> to end and then returns without it.
    /// </summary>
    public bool Abandoned => Volatile.Read(ref _acting) != 0 && Volatile.Read(ref _ended) == 0;

    /// <summary>
    /// Takes Ctrl-C (SIGINT) and SIGTERM from now until a command's action begins, when System.CommandLine takes them:
    /// a signal in that start-up window (the process's first second or two, while its code loads and its command line is
    /// read) would otherwise end the process at once with nothing said. Such a signal is held (<see cref="Signalled"/>)
    /// and the action, when it begins, ends at once as the user's interruption, said as every command says it.
    /// </summary>
    /// <returns>The registrations, to dispose when the command has ended.</returns>
    public IDisposable TakeSignals()
    {
        PosixSignalRegistration[] registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle),
        ];
        return new Registrations(registrations);
    }

    private void Handle(PosixSignalContext context)
    {
        if (Signalled())
            context.Cancel = true;
    }

    /// <summary>
    /// What a signal does: before any action has begun, it is held, and true is answered (the process is not to end
    /// at once); once one has begun, false, and System.CommandLine's own handling cancels the action's token.
    /// </summary>
    public bool Signalled()
    {
        if (Volatile.Read(ref _acting) != 0)
            return false;
        Volatile.Write(ref _early, 1);
        _signalled?.Invoke();
        return true;
    }

    private sealed class Registrations(PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
                registration.Dispose();
        }
    }

    /// <summary>Watches the asynchronous action of <paramref name="root"/> and of every command under it.</summary>
    /// <param name="root">The command line, before it parses anything.</param>
    /// <returns>The same command line.</returns>
    public RootCommand Watch(RootCommand root)
    {
        Watch((Command)root);
        return root;
    }

    private void Watch(Command command)
    {
        if (command.Action is AsynchronousCommandLineAction action)
            command.Action = new Watched(action, this);
        foreach (var sub in command.Subcommands)
            Watch(sub);
    }

    /// <summary>Runs a command's action and notes whether a cancellation it ends with is the user's.</summary>
    private sealed class Watched(AsynchronousCommandLineAction action, Interruption interruption) : AsynchronousCommandLineAction
    {
        public override async Task<int> InvokeAsync(ParseResult parseResult, CancellationToken cancellationToken = default)
        {
            Volatile.Write(ref interruption._acting, 1);
            // Runs as System.CommandLine cancels the token on the signal, before anything that the cancellation stops
            // can write a line.
            await using var noted = interruption._signalled is { } note ? cancellationToken.Register(note) : default;
            try
            {
                // A signal held from the start-up window: the action does not begin.
                if (Volatile.Read(ref interruption._early) != 0)
                    throw new OperationCanceledException("a signal came before the command began");
                return await action.InvokeAsync(parseResult, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || Volatile.Read(ref interruption._early) != 0)
            {
                Volatile.Write(ref interruption._asked, 1);
                throw;
            }
            finally
            {
                Volatile.Write(ref interruption._ended, 1);
            }
        }
    }
}
