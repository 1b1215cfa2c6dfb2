using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(Summits.Benchmarks.JudgeBenchmarks).Assembly).Run(args);
