using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Summits.Benchmarks.TacticsBenchmarks).Assembly).Run(args);
