using System.Globalization;
using System.Security.Cryptography;
using MassCampaign.Simulator;
using VoiceBenchmark;

if (!VoiceArguments.TryParse(args, out var arguments, out var error))
{
    Console.Error.WriteLine(error);
    Console.Error.WriteLine(VoiceArguments.Usage);
    return 2;
}

var keyPath = Path.Combine(Path.GetTempPath(), $"mc-voice-bench-{Guid.NewGuid():N}.pem");
using (var rsa = RSA.Create(2048))
{
    await File.WriteAllTextAsync(keyPath, rsa.ExportRSAPrivateKeyPem());
}

try
{
    await using var simulator = await VonageSimulator.StartAsync(new SimulatorOptions { VoiceApplicationId = "bench-app", VoicePrivateKeyPath = keyPath });
    Console.WriteLine(
        $"Voice campaign of {arguments.Calls:N0} calls, maxConcurrentCalls {arguments.MaxConcurrentCalls}, account rate {arguments.CallsPerSecond} calls/s, " +
        $"ringing {arguments.AnswerDelayMs} ms, talk {arguments.TalkMsPerChar} ms/char; {arguments.Runs} runs, each on a fresh host and database.");
    Console.WriteLine("Receipts of every kind flow: every call event and DTMF input is posted back to the host and applied.");
    var results = new List<VoiceRunResult>();
    for (var run = 1; run <= arguments.Runs; run++)
    {
        var result = await new VoiceRun(simulator, arguments, "bench-app", keyPath).RunAsync();
        results.Add(result);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"run {run}: {result.HeldCallsPerSecond:F1} calls/s held (limit {arguments.CallsPerSecond}), peak {result.PeakConcurrentCalls} concurrent " +
            $"(limit {arguments.MaxConcurrentCalls}), max {result.MaxCallsCreatedInAnySecond} created in one second, {result.Throttled} refused 429, " +
            $"answer webhook p50 {result.AnswerP50Ms:F1} ms p99 {result.AnswerP99Ms:F1} ms max {result.AnswerMaxMs:F1} ms, " +
            $"start to Completed {result.StartToCompleted.TotalSeconds:F1} s"));
    }

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"median of {results.Count}: {Median(results.Select(r => r.HeldCallsPerSecond)):F1} calls/s held against {arguments.CallsPerSecond} " +
        $"({Median(results.Select(r => r.HeldCallsPerSecond)) / arguments.CallsPerSecond:P1}), peak concurrency " +
        $"{Median(results.Select(r => (double)r.PeakConcurrentCalls)):F0} of {arguments.MaxConcurrentCalls}, answer webhook p50 " +
        $"{Median(results.Select(r => r.AnswerP50Ms)):F1} ms, p99 {Median(results.Select(r => r.AnswerP99Ms)):F1} ms (target < 50 ms)"));
    return 0;
}
finally
{
    File.Delete(keyPath);
}
