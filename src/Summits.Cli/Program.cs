using Summits.Cli;

return await SummitsCommand.RunAsync(args);
