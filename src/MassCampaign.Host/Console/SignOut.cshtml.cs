using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MassCampaign.Host.OperatorConsole;

public sealed class SignOutModel : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(ConsoleServiceExtensions.Scheme);
        return Redirect($"{ConsoleServiceExtensions.BasePath}/sign-in");
    }
}
