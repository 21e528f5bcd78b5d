using MassCampaign.Data.Campaigns;
using MassCampaign.Host.Apis;
using MassCampaign.Host.Campaigns;
using MassCampaign.Host.OperatorConsole.Forms;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MassCampaign.Host.OperatorConsole;

/// <summary>Creates a draft, or edits one, through the API's own create and replace handlers.</summary>
public sealed class DraftModel(CampaignRequestValidator validator, CampaignRepository campaigns, TimeProvider time) : PageModel
{
    /// <summary>The input ids of the form and the API field each shows the errors of.</summary>
    private static readonly Dictionary<string, string> Fields = new()
    {
        ["name"] = "name", ["type"] = "type", ["from"] = "from", ["smsTemplate"] = "smsTemplate", ["voiceScript"] = "voiceScript",
        ["window"] = "callingWindow", ["days"] = "callingWindow.days", ["start"] = "callingWindow.start",
        ["end"] = "callingWindow.end", ["timeZone"] = "callingWindow.timeZone", ["settings"] = "settings",
    };

    [BindProperty(SupportsGet = true)]
    public Guid? Id { get; set; }

    [BindProperty]
    public CampaignForm Form { get; set; } = new();

    public FieldErrors Errors { get; private set; } = FieldErrors.None;

    public string FieldOf(string inputId) => Fields[inputId];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Id is not { } id)
        {
            return Page();
        }

        if (await campaigns.FindAsync(id, ct) is not { } campaign)
        {
            return NotFound();
        }

        Form = CampaignForm.Of(campaign);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!Form.TryToRequest(out var request, out var formErrors))
        {
            return Invalid(formErrors);
        }

        if (Id is not { } id)
        {
            var created = (await CampaignsApi.CreateAsync(request, validator, campaigns, time, ct)).Result;
            return created switch
            {
                Created<CampaignResponse> ok => Saved(ok.Value!.Id, "Draft created."),
                ValidationProblem invalid => Invalid(invalid.ProblemDetails.Errors),
                _ => throw new InvalidOperationException($"Unexpected answer {created.GetType().Name} to a create."),
            };
        }

        var replaced = (await CampaignsApi.ReplaceAsync(id, request, validator, campaigns, time, ct)).Result;
        return replaced switch
        {
            Ok<CampaignResponse> => Saved(id, "Draft saved."),
            ValidationProblem invalid => Invalid(invalid.ProblemDetails.Errors),
            ProblemHttpResult problem => Invalid(new Dictionary<string, string[]> { [""] = [problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title ?? "Not saved."] }),
            _ => throw new InvalidOperationException($"Unexpected answer {replaced.GetType().Name} to a replace."),
        };
    }

    private RedirectResult Saved(Guid id, string notice)
    {
        TempData["Notice"] = notice;
        return Redirect($"/console/campaigns/{id}");
    }

    private PageResult Invalid(IDictionary<string, string[]> errors)
    {
        Errors = new FieldErrors(new Dictionary<string, string[]>(errors), Fields.Values.ToHashSet());
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
