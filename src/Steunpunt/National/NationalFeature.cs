using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;

namespace Steunpunt.National;

/// <summary>The national layer above the steunpunten: setting them up and taking them live (Landelijk beheer).</summary>
public static class NationalFeature
{
    public static void AddNational(this WebApplicationBuilder builder)
    {
        // PostConfigure: AddRazorPages (in AddWeb) makes a fresh convention collection when it sets up its options.
        builder.Services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/National/Steunpunten", Policies.AdministersNational);
            o.Conventions.AuthorizeFolder("/National/Registers", Policies.AdministersNational);
            o.Conventions.AuthorizeFolder("/National/Monitor", Policies.ReadsMonitor);
            o.Conventions.AuthorizeFolder("/National/Team", Policies.AdministersNational);
            o.Conventions.AuthorizeFolder("/National/Leidraad", Policies.CoordinatesHere).SteunpuntOnlyFolder("/National/Leidraad");
        });
        builder.Services.AddScoped<Steunpunten.SteunpuntSetup>();
        builder.Services.AddScoped<Registers.RegisterImport>();
        builder.Services.AddScoped<Leidraad.LeidraadFacts>();
        builder.Services.AddScoped<Monitor.NationalMonitor>();
        builder.Services.AddHostedService<Leidraad.SnapshotKeeper>();
        // A DUO file that was looked at but not applied is not kept longer than a day.
        builder.Services.AddRetentionRule("register uploads not applied", (services, now, ct) =>
            services.GetRequiredService<Data.SteunpuntDb>().Set<Registers.RegisterUpload>()
                .Where(u => u.AppliedAt == null && u.UploadedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct));
    }
}
