using NodaTime;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>What a send-loop tick found; the campaign grain applies it (the loop never calls back into the grain).</summary>
internal abstract record LoopDecision
{
    /// <summary>Nothing to change this tick.</summary>
    public sealed record Carry : LoopDecision;

    /// <summary>Nothing more for the loop to do: stop ticking until a command or wake-up starts it again.</summary>
    public sealed record StopTicking : LoopDecision;

    /// <summary>The campaign is in <see cref="Phase"/> now.</summary>
    public sealed record EnterPhase(string Phase) : LoopDecision;

    /// <summary>No recipient due is inside its window; the first window opens at <see cref="OpensAt"/>.</summary>
    public sealed record WaitForWindow(Instant OpensAt) : LoopDecision;

    /// <summary>Every recipient has a final outcome, as counted after reading the campaign's recipient generation.</summary>
    public sealed record Complete(long RecipientGeneration) : LoopDecision;

    public sealed record Fail(string Reason) : LoopDecision;

    /// <summary>The provider refused the account or sender: pause with its reason until the operator resumes.</summary>
    public sealed record Pause(string Reason) : LoopDecision;

    /// <summary>The campaign has ended and its last batch is back: cancel what is left and settle.</summary>
    public sealed record FinishWindDown : LoopDecision;
}
