using System.Globalization;

namespace VoiceBenchmark;

/// <summary>What to run: calls per campaign, the campaign's concurrency cap, the account's call rate, and how many runs.</summary>
public sealed record VoiceArguments(int Calls, int MaxConcurrentCalls, int CallsPerSecond, int Runs, int AnswerDelayMs, int TalkMsPerChar)
{
    public const string Usage =
        "usage: VoiceBenchmark [--calls 10000] [--concurrent 200] [--rate 60] [--runs 3] [--answer-delay-ms 1000] [--talk-ms-per-char 20]";

    public static bool TryParse(string[] args, out VoiceArguments arguments, out string? error)
    {
        arguments = new VoiceArguments(10_000, 200, 60, 3, 1_000, 20);
        error = null;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                error = $"'{args[i]}' needs a positive whole number after it.";
                return false;
            }

            switch (args[i])
            {
                case "--calls": arguments = arguments with { Calls = value }; break;
                case "--concurrent": arguments = arguments with { MaxConcurrentCalls = value }; break;
                case "--rate": arguments = arguments with { CallsPerSecond = value }; break;
                case "--runs": arguments = arguments with { Runs = value }; break;
                case "--answer-delay-ms": arguments = arguments with { AnswerDelayMs = value }; break;
                case "--talk-ms-per-char": arguments = arguments with { TalkMsPerChar = value }; break;
                default:
                    error = $"'{args[i]}' is not an option.";
                    return false;
            }
        }

        return true;
    }
}
