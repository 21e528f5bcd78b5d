using System.Text.Json.Serialization;

namespace MassCampaign.Simulator.Voice;

/// <summary><c>GET /v1/calls</c>: one page of call records and how many match in all (the Voice API's GetCallsResponse).</summary>
internal sealed record CallListResponse(
    long Count,
    [property: JsonPropertyName("page_size")] int PageSize,
    [property: JsonPropertyName("record_index")] int RecordIndex,
    [property: JsonPropertyName("_links")] CallListResponse.PageLinks Links,
    [property: JsonPropertyName("_embedded")] CallListResponse.Page Embedded)
{
    internal sealed record PageLinks(Link Self);

    internal sealed record Link(string Href);

    internal sealed record Page(IReadOnlyList<CallRecord> Calls);
}
