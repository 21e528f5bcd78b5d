namespace MassCampaign.Host.Apis;

/// <summary>What start (and every lifecycle command) answers, shaped like Durable Functions' management payload.</summary>
public sealed record CampaignManagementUris(Guid Id, Uri StatusQueryGetUri, Uri PausePostUri, Uri ResumePostUri, Uri StopPostUri)
{
    public static CampaignManagementUris For(HttpRequest request, Guid id)
    {
        var campaign = $"{request.Scheme}://{request.Host}{request.PathBase}/api/campaigns/{id}";
        return new CampaignManagementUris(
            id, new Uri($"{campaign}/status"), new Uri($"{campaign}/pause"), new Uri($"{campaign}/resume"), new Uri($"{campaign}/stop"));
    }
}
