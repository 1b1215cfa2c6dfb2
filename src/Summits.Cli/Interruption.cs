using System.CommandLine;
using System.CommandLine.Invocation;

namespace Summits.Cli;

/// <summary>
/// Whether the user asked the command to stop: Ctrl-C (SIGINT) or SIGTERM, on which System.CommandLine cancels the
/// token it hands the command's action, and only then. An <see cref="OperationCanceledException"/> that leaves an
/// action whose token is cancelled is the user's (130); one that leaves it with the token whole is a cancellation
/// nobody asked for, a timeout inside Orleans or an HTTP client, and <see cref="CommandFailure"/> says it as a
/// failure at run time (3).
/// </summary>
public sealed class Interruption
{
    private int _asked;

    /// <summary>True once a command's action ended with a cancellation of the token the user's signal cancelled.</summary>
    public bool Asked => Volatile.Read(ref _asked) != 0;

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
            try
            {
                return await action.InvokeAsync(parseResult, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Volatile.Write(ref interruption._asked, 1);
                throw;
            }
        }
    }
}
