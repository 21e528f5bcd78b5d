using SendBenchmark;

if (!BenchmarkArguments.TryParse(args, out var arguments, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(BenchmarkArguments.Usage);
    return 2;
}

return await new SendBenchmarkRunner(arguments, Console.Out).RunAsync();
