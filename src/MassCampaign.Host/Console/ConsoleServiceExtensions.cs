using MassCampaign.Data.Reporting;
using MassCampaign.Data.Suppression;
using MassCampaign.Host.OperatorConsole.Feeds;
using Microsoft.AspNetCore.Mvc.ApplicationParts;
using Microsoft.Extensions.FileProviders;

namespace MassCampaign.Host.OperatorConsole;

/// <summary>
/// The operator console at /console: Razor Pages behind a cookie sign-in of its own. The /api endpoints keep their
/// function-key guard; the cookie is scoped to /console and never authorizes them.
/// </summary>
public static class ConsoleServiceExtensions
{
    public const string Scheme = "Console";
    public const string Policy = "Console";
    public const string BasePath = "/console";
    public const string AntiforgeryHeader = "RequestVerificationToken";

    public static void AddOperatorConsole(this IServiceCollection services)
    {
        services.AddSharedKeyRing();
        services.AddAuthentication(Scheme).AddCookie(Scheme, options =>
        {
            options.LoginPath = $"{BasePath}/sign-in";
            options.LogoutPath = $"{BasePath}/sign-out";
            options.AccessDeniedPath = $"{BasePath}/sign-in";
            options.Cookie.Name = "mc_console";
            options.Cookie.Path = BasePath;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.ExpireTimeSpan = TimeSpan.FromHours(8);
            options.SlidingExpiration = true;
            options.Events.OnValidatePrincipal = ConsoleSession.ValidateAsync;
            // Event streams, uploads and downloads answer 401: a sign-in page is no answer to a script.
            options.Events.OnRedirectToLogin = context =>
            {
                if (context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase))
                {
                    context.Response.Redirect(context.RedirectUri);
                }
                else
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                }

                return Task.CompletedTask;
            };
        });
        services.AddAuthorization(options =>
            options.AddPolicy(Policy, policy => policy.AddAuthenticationSchemes(Scheme).RequireAuthenticatedUser()));
        services.AddAntiforgery(options =>
        {
            options.HeaderName = AntiforgeryHeader;
            options.Cookie.Path = BasePath;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Console";
            options.Conventions.AuthorizeFolder("/", Policy);
            options.Conventions.AllowAnonymousToPage("/SignIn");
        }).ConfigureApplicationPartManager(AddHostPages);
        services.AddSingleton<BlacklistSearch>();
        services.AddSingleton<CampaignThroughputQueries>();
        services.AddSingleton<CampaignListFeed>();
        services.AddSingleton<CampaignPageFeed>();
    }

    public static void UseOperatorConsole(this WebApplication app)
    {
        // Served from the build output rather than the content root, so the console looks the same however the host is started.
        var assets = Path.Combine(AppContext.BaseDirectory, "Console", "Assets");
        if (Directory.Exists(assets))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(assets), RequestPath = $"{BasePath}/assets" });
        }

        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapConsoleEndpoints();
    }

    /// <summary>
    /// MVC finds pages in the entry assembly; when the host runs inside another process (tests, benchmarks) its own
    /// compiled pages have to be named.
    /// </summary>
    private static void AddHostPages(ApplicationPartManager parts)
    {
        var host = typeof(ConsoleServiceExtensions).Assembly;
        if (parts.ApplicationParts.OfType<AssemblyPart>().Any(part => part.Assembly == host))
        {
            return;
        }

        foreach (var part in ApplicationPartFactory.GetApplicationPartFactory(host).GetApplicationParts(host))
        {
            parts.ApplicationParts.Add(part);
        }
    }
}
