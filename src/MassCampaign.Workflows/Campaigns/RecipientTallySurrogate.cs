using MassCampaign.Domain.Recipients;

namespace MassCampaign.Workflows.Campaigns;

/// <summary>How a <see cref="RecipientTally"/> crosses grain boundaries; the Domain stays free of Orleans.</summary>
[GenerateSerializer]
public struct RecipientTallySurrogate
{
    [Id(0)] public long Total;
    [Id(1)] public long Pending;
    [Id(2)] public long Sending;
    [Id(3)] public long Deferred;
    [Id(4)] public long Sent;
    [Id(5)] public long Delivered;
    [Id(6)] public long Failed;
    [Id(7)] public long Skipped;
    [Id(8)] public long Unknown;
    [Id(9)] public long Cancelled;
    [Id(10)] public long UnknownUnresolved;
}

[RegisterConverter]
public sealed class RecipientTallySurrogateConverter : IConverter<RecipientTally, RecipientTallySurrogate>
{
    public RecipientTally ConvertFromSurrogate(in RecipientTallySurrogate s) =>
        new(s.Total, s.Pending, s.Sending, s.Deferred, s.Sent, s.Delivered, s.Failed, s.Skipped, s.Unknown, s.Cancelled)
        {
            UnknownUnresolved = s.UnknownUnresolved,
        };

    public RecipientTallySurrogate ConvertToSurrogate(in RecipientTally t) => new()
    {
        Total = t.Total, Pending = t.Pending, Sending = t.Sending, Deferred = t.Deferred, Sent = t.Sent,
        Delivered = t.Delivered, Failed = t.Failed, Skipped = t.Skipped, Unknown = t.Unknown, Cancelled = t.Cancelled,
        UnknownUnresolved = t.UnknownUnresolved,
    };
}
