using MassCampaign.Data.Inbound;

namespace MassCampaign.Host.OperatorConsole.Feeds;

/// <summary>An inbound message as the campaign page lists it; classification is reply, opt_out, opt_in or help.</summary>
public sealed record ReplyItem(long Id, string Phone, string Text, string Classification, DateTimeOffset ReceivedAt)
{
    public static ReplyItem From(SmsReplyRow row) => new(row.Id, row.Phone, row.Text, row.Classification, row.ReceivedAt);
}
