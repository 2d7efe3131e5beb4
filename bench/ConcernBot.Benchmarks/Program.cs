using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/ConcernBot.Benchmarks -- --filter '*' --job short
BenchmarkSwitcher.FromAssembly(typeof(ConcernBot.Benchmarks.ActivityBenchmarks).Assembly).Run(args);
