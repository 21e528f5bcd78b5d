using MassCampaign.Data.Sending;

namespace MassCampaign.Data.Tests.Sending.Model;

/// <summary>One attempt of a recipient as the model sees it: whether it was handed over, reached the provider, and how it ended.</summary>
internal sealed class ModelAttempt(int number)
{
    public int Number => number;

    /// <summary>Inside its batch's handover mark: it may have left.</summary>
    public bool Handed { get; set; }

    /// <summary>The simulated provider took it (an SMS went out), with this part id.</summary>
    public string? PartId { get; set; }

    public bool Reached => PartId is not null;

    /// <summary>The outcome the engine recorded for it, if it lived to record one.</summary>
    public SendOutcomeKind? Outcome { get; set; }

    /// <summary>The status of the delivery receipt the provider sent for it, if any.</summary>
    public string? Receipt { get; set; }
}
