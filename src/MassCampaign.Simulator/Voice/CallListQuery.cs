using System.Globalization;

namespace MassCampaign.Simulator.Voice;

/// <summary>
/// The filters of <c>GET /v1/calls</c> (VONAGE.md §6.3): creation time between <c>date_start</c> and <c>date_end</c>
/// (ISO 8601), <c>status</c>, <c>conversation_uuid</c>; pages of <c>page_size</c> (1–100, default 10) from
/// <c>record_index</c>, oldest first unless <c>order=desc</c>.
/// </summary>
internal sealed record CallListQuery(
    DateTimeOffset? From, DateTimeOffset? To, string? Status, string? ConversationUuid, int PageSize, int RecordIndex, bool Descending)
{
    public static (CallListQuery? Query, IReadOnlyList<InvalidParameter> Invalid) Read(IQueryCollection query)
    {
        var invalid = new List<InvalidParameter>();
        var from = Time(query, "date_start", invalid);
        var to = Time(query, "date_end", invalid);
        var pageSize = Number(query, "page_size", 10, 1, 100, invalid);
        var recordIndex = Number(query, "record_index", 0, 0, int.MaxValue, invalid);
        var order = query["order"].ToString();
        if (order is not ("" or "asc" or "desc"))
        {
            invalid.Add(new InvalidParameter("order", "Must be asc or desc."));
        }

        return invalid.Count > 0
            ? (null, invalid)
            : (new CallListQuery(from, to, NullIfEmpty(query["status"]), NullIfEmpty(query["conversation_uuid"]), pageSize, recordIndex, order == "desc"), invalid);
    }

    public bool Matches(SimulatedCall call) =>
        (From is null || call.CreatedAt >= From) && (To is null || call.CreatedAt <= To)
        && (Status is null || call.Status == Status) && (ConversationUuid is null || call.ConversationUuid == ConversationUuid);

    private static DateTimeOffset? Time(IQueryCollection query, string name, List<InvalidParameter> invalid)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return at;
        }

        invalid.Add(new InvalidParameter(name, "Must be an ISO 8601 date and time."));
        return null;
    }

    private static int Number(IQueryCollection query, string name, int fallback, int min, int max, List<InvalidParameter> invalid)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
        {
            return value;
        }

        invalid.Add(new InvalidParameter(name, $"Must be a whole number from {min} to {max}."));
        return fallback;
    }

    private static string? NullIfEmpty(Microsoft.Extensions.Primitives.StringValues value) => value.Count == 0 || value.ToString().Length == 0 ? null : value.ToString();
}
