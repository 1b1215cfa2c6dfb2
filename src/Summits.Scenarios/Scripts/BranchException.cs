namespace Summits.Scenarios;

/// <summary>
/// A branch named on the command line (<c>--branch NAME</c> or <c>FILE#NAME</c>) that the scenario does not have,
/// or named twice: a mistake in an argument, not in the file, so it carries no file position. A command says it as
/// every argument mistake is said, <c>summits COMMAND: error: MESSAGE (see 'summits COMMAND --help')</c>, exit 2.
/// </summary>
/// <param name="message">One sentence: what was named, what the file has, and what to write instead.</param>
public sealed class BranchException(string message) : Exception(message);
