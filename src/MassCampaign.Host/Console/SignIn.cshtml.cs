using MassCampaign.Host.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace MassCampaign.Host.OperatorConsole;

/// <summary>Trades an API key for the console's HttpOnly cookie; the cookie holds a hash of the key, never the key.</summary>
public sealed class SignInModel(ApiKeyValidator keys) : PageModel
{
    public string? Error { get; private set; }

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string? key)
    {
        if (!keys.IsValid(key))
        {
            Error = string.IsNullOrEmpty(key)
                ? "Enter an API key."
                : "That key is not one of the host's API keys; use a key from Auth:Keys (dev-key when run with scripts/run.sh).";
            return Page();
        }

        await HttpContext.SignInAsync(ConsoleServiceExtensions.Scheme, ConsoleSession.For(key!));
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) && ReturnUrl!.StartsWith(ConsoleServiceExtensions.BasePath, StringComparison.Ordinal)
            ? ReturnUrl
            : ConsoleServiceExtensions.BasePath);
    }
}
