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
            // The expertise network (issue 13): a steunpunt's team asks and shares on its own site; the expert group and
            // the national editors work on the national site; what is public (knowledge base, webinars, practice
            // examples) lives on the national site.
            o.Conventions.AuthorizeFolder("/National/Asking", Policies.WorksHere).SteunpuntOnlyFolder("/National/Asking");
            o.Conventions.AuthorizeFolder("/National/PracticeSubmit", Policies.WorksHere).SteunpuntOnlyFolder("/National/PracticeSubmit");
            o.Conventions.AuthorizeFolder("/National/Experts", Policies.AnswersAsExpert).NationalOnlyFolder("/National/Experts");
            o.Conventions.AuthorizeFolder("/National/PracticeReview", Policies.EditsThisSite).NationalOnlyFolder("/National/PracticeReview");
            o.Conventions.AllowAnonymousToFolder("/National/Knowledge").NationalOnlyFolder("/National/Knowledge");
            o.Conventions.AllowAnonymousToFolder("/National/Webinars").NationalOnlyFolder("/National/Webinars");
            o.Conventions.AllowAnonymousToFolder("/National/Practice").NationalOnlyFolder("/National/Practice");
        });
        builder.Services.AddScoped<Steunpunten.SteunpuntSetup>();
        builder.Services.AddScoped<Registers.RegisterImport>();
        builder.Services.AddScoped<Leidraad.LeidraadFacts>();
        builder.Services.AddScoped<Monitor.NationalMonitor>();
        builder.Services.AddHostedService<Leidraad.SnapshotKeeper>();
        builder.Services.AddScoped<Experts.ExpertDesk>();
        builder.Services.AddScoped<Webinars.WebinarDesk>();
        builder.Services.Configure<Webinars.WebinarOptions>(builder.Configuration.GetSection("Webinars"));
        builder.Services.AddHostedService<Webinars.WebinarReminders>();
        // A question to the expert group and its thread are kept Experts:KeepQuestionMonths (24) after the last word in
        // it; what plays more widely lives on, rewritten, in the knowledge base.
        builder.Services.AddRetentionRule("expert questions after their last activity", (services, now, ct) =>
        {
            var months = services.GetRequiredService<IConfiguration>().GetValue("Experts:KeepQuestionMonths", 24);
            return services.GetRequiredService<Data.SteunpuntDb>().Set<Experts.ExpertQuestion>()
                .Where(q => q.LastActivityAt < now.AddMonths(-months)).ExecuteDeleteAsync(ct);
        });
        // Who registered for a webinar (name, e-mail, organisation) is kept a set time after it, then deleted; the
        // questions sent in advance have no person and stay with the webinar.
        builder.Services.AddRetentionRule("webinar registrations after the webinar", (services, now, ct) =>
        {
            var days = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Webinars.WebinarOptions>>().Value.KeepRegistrationsDays;
            var db = services.GetRequiredService<Data.SteunpuntDb>();
            var cutoff = now.AddDays(-days).AddDays(-1); // a webinar lasts less than a day
            return db.Set<Webinars.WebinarRegistration>()
                .Where(r => db.Set<Webinars.Webinar>().Any(w => w.Id == r.WebinarId && w.StartsAt < cutoff)).ExecuteDeleteAsync(ct);
        });
        // A DUO file that was looked at but not applied is not kept longer than a day.
        builder.Services.AddRetentionRule("register uploads not applied", (services, now, ct) =>
            services.GetRequiredService<Data.SteunpuntDb>().Set<Registers.RegisterUpload>()
                .Where(u => u.AppliedAt == null && u.UploadedAt < now.AddDays(-1)).ExecuteDeleteAsync(ct));
    }
}
