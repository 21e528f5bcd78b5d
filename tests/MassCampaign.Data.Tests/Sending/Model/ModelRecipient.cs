using MassCampaign.Domain.Recipients;

namespace MassCampaign.Data.Tests.Sending.Model;

/// <summary>What the model expects of one campaign_recipients row, and what the simulated provider did for it.</summary>
internal sealed class ModelRecipient(long id, string phone)
{
    public long Id => id;

    public string Phone => phone;

    public string Status { get; set; } = RecipientStatuses.Pending;

    public int Attempt { get; set; }

    public DateTimeOffset? ResolveBy { get; set; }

    /// <summary>Null while never tried: the claim finds those by its cursor, the others by this time.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }

    public Dictionary<int, ModelAttempt> Attempts { get; } = [];

    public ModelAttempt? Current => Attempts.GetValueOrDefault(Attempt);

    public bool Blacklisted { get; set; }

    /// <summary>STOP came while it waited to be claimed: nothing may go out for it from then on.</summary>
    public bool StoppedWhileWaiting { get; set; }

    public int AcceptedAtStop { get; set; }

    /// <summary>SMS the provider took for this recipient, over all attempts.</summary>
    public int ProviderAccepted { get; set; }

    /// <summary>Times an unknown of this recipient was sent again by the 'resend' policy after its deadline.</summary>
    public int Resends { get; set; }

    public bool EverHanded => Attempts.Values.Any(a => a.Handed);

    public bool IsDue(DateTimeOffset now) =>
        Status == RecipientStatuses.Pending && (NextAttemptAt is null || NextAttemptAt <= now);

    public override string ToString() =>
        $"{Status} attempt {Attempt}" + (ResolveBy is { } by ? $" resolve by {by:HH:mm}" : "") + (Blacklisted ? " (blacklisted)" : "");
}
