using CsCheck;

namespace MassCampaign.Data.Tests.Sending.Model;

/// <summary>One generated run: a campaign of <paramref name="Recipients"/>, its unknown policy, and what happens to it.</summary>
internal sealed record SendPathCase(int Recipients, bool Resend, SendPathStep[] Steps)
{
    public static Gen<SendPathCase> Any { get; } =
        Gen.Select(Gen.Int[5, 30], Gen.Bool, SendPathStep.Any.Array[5, 50], (n, resend, steps) => new SendPathCase(n, resend, steps));

    public override string ToString() =>
        $"{Recipients} recipients, policy {(Resend ? "resend" : "leave")}:\n  " + string.Join("\n  ", Steps.Select(s => s.ToString()));
}
