namespace MassCampaign.EndToEnd.Tests.Support;

/// <summary>
/// What a crash left in 'sending', read from the database before anything recovers it: recipients past their batch's
/// handover mark were never handed to the provider (recovery releases them), those at or below it may have left
/// (recovery makes them unknown), and any in no batch row have nothing that says which.
/// </summary>
public sealed record CutOffSends(int Sending, int Batches, int Released, int Ambiguous)
{
    public int InNoBatch => Sending - Released - Ambiguous;

    public override string ToString() =>
        $"{Sending} recipients 'sending' in {Batches} batches: {Released} past the handover mark (released), " +
        $"{Ambiguous} at or below it (unknown), {InNoBatch} in no batch";
}
