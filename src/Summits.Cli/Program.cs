using Summits.Cli;

FileSizeSignal.Ignore();
return await SummitsCommand.RunAsync(args);
