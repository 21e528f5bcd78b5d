namespace MassCampaign.Data.Sending;

public static class SendPathRepositoryExtensions
{
    /// <summary>Outcomes outside any claimed batch, with the default wait of an unknown send for its receipt.</summary>
    public static Task RecordOutcomesAsync(this ISendPathRepository repository, IReadOnlyList<SendOutcome> outcomes, CancellationToken ct) =>
        repository.RecordOutcomesAsync(outcomes, BatchSettlement.None, ct);
}
