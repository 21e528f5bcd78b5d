using MassCampaign.Data.Suppression;
using MassCampaign.Host.Apis;
using MassCampaign.Host.Suppression;
using MassCampaign.Workflows.Sending;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MassCampaign.Host.OperatorConsole;

/// <summary>Search, add and remove blacklist entries; adds and removals run the API's handlers, consent trail included.</summary>
public sealed class BlacklistModel(BlacklistSearch search, BlacklistRepository blacklist, PhoneInput phones, RecentOptOuts optOuts) : PageModel
{
    private const int Shown = 50;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    public string? Phone { get; private set; }

    public string? Reason { get; private set; }

    public string? PhoneError { get; private set; }

    public IReadOnlyList<string> PhoneErrors => PhoneError is null ? [] : [PhoneError];

    public IReadOnlyList<BlacklistEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(string? phone, string? reason, CancellationToken ct)
    {
        var answer = (await BlacklistApi.AddAsync(new BlacklistAddRequest(phone, reason, null), phones, blacklist, optOuts, ct)).Result;
        switch (answer)
        {
            case Created<BlacklistEntryResponse> created:
                return Back($"{created.Value!.Phone} added to the blacklist.", created.Value.Phone);
            case Ok<BlacklistEntryResponse> existing:
                return Back($"{existing.Value!.Phone} was already on the blacklist.", existing.Value.Phone);
            case ProblemHttpResult problem:
                (Phone, Reason, PhoneError) = (phone, reason, problem.ProblemDetails.Detail);
                Response.StatusCode = StatusCodes.Status400BadRequest;
                await LoadAsync(ct);
                return Page();
            default:
                throw new InvalidOperationException($"Unexpected answer {answer.GetType().Name} to a blacklist add.");
        }
    }

    public async Task<IActionResult> OnPostRemoveAsync(string? phone, CancellationToken ct)
    {
        var answer = (await BlacklistApi.RemoveAsync(phone ?? "", phones, blacklist, ct)).Result;
        return answer is ProblemHttpResult problem
            ? Back(problem.ProblemDetails.Detail ?? "Not removed.", Query)
            : Back($"{phone} removed from the blacklist.", Query);
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var digits = new string((Query ?? "").Where(char.IsAsciiDigit).ToArray());
        Entries = await search.FindAsync(digits, Shown, ct);
    }

    private RedirectResult Back(string notice, string? query)
    {
        TempData["Notice"] = notice;
        return Redirect(string.IsNullOrEmpty(query) ? "/console/blacklist" : $"/console/blacklist?q={Uri.EscapeDataString(query)}");
    }
}
