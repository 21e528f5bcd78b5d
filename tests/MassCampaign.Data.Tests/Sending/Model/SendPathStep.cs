using CsCheck;

namespace MassCampaign.Data.Tests.Sending.Model;

/// <summary>
/// One thing that happens to a running campaign. Picks (of a batch, a recipient, a choice per position) are taken
/// modulo what exists when the step runs, so any sequence is valid and shrinks to a smaller valid one.
/// </summary>
internal abstract record SendPathStep
{
    /// <summary>A sender claims up to <paramref name="Limit"/> recipients due now.</summary>
    public sealed record Claim(int Limit) : SendPathStep;

    /// <summary>Part of a batch is handed over; each request reaches the provider if its bit in <paramref name="Reach"/> is set.</summary>
    public sealed record Hand(int Batch, int Through, int Reach) : SendPathStep;

    /// <summary>The rest of a batch is handed over, then its outcomes are recorded (<paramref name="Kinds"/>: two bits a position).</summary>
    public sealed record Finish(int Batch, int Reach, int Kinds) : SendPathStep;

    /// <summary>Pause: every batch out records what it sent and releases what it had not handed over.</summary>
    public sealed record Pause(int Kinds) : SendPathStep;

    /// <summary>The process dies with its batches out; the next one recovers the campaign.</summary>
    public sealed record Crash : SendPathStep;

    /// <summary>Recovery runs while one batch's sender is still alive; its outcomes are written late, by a later Finish or Pause.</summary>
    public sealed record LostAnswer(int Batch) : SendPathStep;

    /// <summary>A delivery receipt for a request the provider took and has not reported on yet.</summary>
    public sealed record Receipt(int Pick, int Status) : SendPathStep;

    /// <summary>The receipt sweep re-applies receipts still unmatched.</summary>
    public sealed record Sweep : SendPathStep;

    /// <summary>A recipient texts STOP: its number is blacklisted.</summary>
    public sealed record Stop(int Pick) : SendPathStep;

    /// <summary>Time passes; unknowns past their deadline are settled by the campaign's policy.</summary>
    public sealed record Resolve(int Minutes) : SendPathStep;

    private static readonly Gen<int> Bits = Gen.Int[0, 0xFFFF];

    public static Gen<SendPathStep> Any { get; } = Gen.Frequency(
        (4, Gen.Int[1, 8].Select(SendPathStep (limit) => new Claim(limit))),
        (3, Gen.Select(Gen.Int[0, 7], Gen.Int[0, 7], Bits, SendPathStep (batch, through, reach) => new Hand(batch, through, reach))),
        (3, Gen.Select(Gen.Int[0, 7], Bits, Bits, SendPathStep (batch, reach, kinds) => new Finish(batch, reach, kinds))),
        (1, Bits.Select(SendPathStep (kinds) => new Pause(kinds))),
        (1, Gen.Const<SendPathStep>(new Crash())),
        (1, Gen.Int[0, 7].Select(SendPathStep (batch) => new LostAnswer(batch))),
        (3, Gen.Select(Gen.Int[0, 63], Gen.Int[0, 2], SendPathStep (pick, status) => new Receipt(pick, status))),
        (1, Gen.Const<SendPathStep>(new Sweep())),
        (1, Gen.Int[0, 63].Select(SendPathStep (pick) => new Stop(pick))),
        (1, Gen.Int[0, 20].Select(SendPathStep (minutes) => new Resolve(minutes))));
}
