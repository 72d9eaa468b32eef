using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Accounts;

namespace Steunpunt.National;

/// <summary>The national layer above the steunpunten: setting them up and taking them live (Landelijk beheer).</summary>
public static class NationalFeature
{
    public static void AddNational(this WebApplicationBuilder builder)
    {
        // PostConfigure: AddRazorPages (in AddWeb) makes a fresh convention collection when it sets up its options.
        builder.Services.PostConfigure<RazorPagesOptions>(o =>
            o.Conventions.AuthorizeFolder("/National/Steunpunten", Policies.AdministersNational));
        builder.Services.AddScoped<Steunpunten.SteunpuntSetup>();
    }
}
