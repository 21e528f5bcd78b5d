using MassCampaign.Data.Sending;
using MassCampaign.Data.Voice;

namespace MassCampaign.Workflows.Voice;

/// <summary>What became of one claimed recipient: its recipient outcome, and its calls row when a call was or may have been created.</summary>
internal sealed record CallDial(SendOutcome Outcome, DialedCall? Call, string? AccountRefusal = null);
