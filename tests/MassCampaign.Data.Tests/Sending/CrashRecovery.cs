using MassCampaign.Data.Sending;

namespace MassCampaign.Data.Tests.Sending;

/// <summary>What a crash after these recipients' requests left looks like to the send path.</summary>
internal static class CrashRecovery
{
    public static async Task<int> CrashAfterHandoverAsync(this ISendPathRepository repository, Guid campaign, params ClaimedRecipient[] handed)
    {
        foreach (var recipient in handed)
        {
            await repository.MarkHandedAsync(recipient.BatchId, recipient.Position, default);
        }

        return (await repository.RecoverInterruptedAsync(campaign, TimeSpan.FromMinutes(15), default)).Unknown;
    }
}
