using Steunpunt.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Privacy;
using Steunpunt.Information.Api;
using Steunpunt.Information.Klankbord;

namespace Steunpunt.Information;

public static class InformationFeature
{
    private static readonly string[] s_steunpuntOnlyEditing = ["Unanswered", "SocialMapEdit", "ContactEdit", "RegionalPageEdit", "Layer"];

    public static void AddInformation(this WebApplicationBuilder builder)
    {
        // Who may open which page of Informeren.
        // PostConfigure: AddRazorPages (in AddWeb) makes a fresh convention collection when it sets up its options.
        builder.Services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToFolder("/Information/Home");
            o.Conventions.AllowAnonymousToFolder("/Information/Themes");
            o.Conventions.AllowAnonymousToFolder("/Information/Articles");
            o.Conventions.AllowAnonymousToFolder("/Information/Glossary");
            o.Conventions.AllowAnonymousToFolder("/Information/Regional").SteunpuntOnlyFolder("/Information/Regional");
            o.Conventions.AllowAnonymousToFolder("/Information/Search");
            // Voor scholen: a steunpunt's page for schools, its flyer, poster and the block schools may frame.
            o.Conventions.AllowAnonymousToFolder("/Information/Schools").SteunpuntOnlyFolder("/Information/Schools");
            o.Conventions.AuthorizeFolder("/Information/Editing", Accounts.Policies.EditsThisSite);
            o.Conventions.AuthorizeFolder("/Information/Versions", Accounts.Policies.EditsThisSite);
            // The parts of the national information set: national editors, on the national site.
            o.Conventions.AuthorizeFolder("/Information/Releases", Accounts.Policies.EditsThisSite).NationalOnlyFolder("/Information/Releases");
            // A steunpunt's own pages and layer; the national site has none.
            foreach (var page in s_steunpuntOnlyEditing)
            {
                o.Conventions.SteunpuntOnlyPage("/Information/Editing/" + page);
            }
        });
        builder.Services.AddSingleton<ContentRenderer>();
        builder.Services.AddScoped<InformationCatalog>();
        builder.Services.AddScoped<Surface.SearchGaps>();
        builder.Services.AddScoped<Surface.ReaderFeedback>();
        builder.Services.AddScoped<Articles.ArticleVotes>();
        // "Was dit nuttig?" answers and what readers missed: two years is enough to see a trend.
        builder.Services.AddRetentionRule("article feedback after two years", (services, now, ct) =>
        {
            var cutoff = Articles.ArticleFeedback.WeekOf(now.AddYears(-2));
            return services.GetRequiredService<Data.SteunpuntDb>().ArticleFeedback.IgnoreQueryFilters([Data.SteunpuntDb.TenantFilter])
                .Where(f => f.Week < cutoff).ExecuteDeleteAsync(ct);
        });
        builder.Services.AddScoped<Surface.RegionalDirectory>();
        builder.Services.AddScoped<Surface.PublishedInformation>();
        builder.Services.AddScoped<Surface.DutchMatching>();
        builder.Services.AddScoped<Surface.ThemeNames>();
        builder.Services.AddScoped<Surface.OpeningTimes>();
        builder.Services.AddScoped<Surface.AnswerLinks>();
        builder.Services.AddScoped<Review.ReviewList>();
        builder.Services.AddScoped<Workflow.Drafts>();
        builder.Services.AddScoped<Workflow.DraftViews>();
        builder.AddKlankbord();
        builder.Services.AddHostedService<Review.ReviewReminders>();
        builder.Services.AddHostedService<Review.ScheduledPublishing>();
        builder.Services.AddScoped<SteunpuntProfile>();
        builder.Services.AddScoped<Schools.SchoolKit>();
        builder.AddInformationApi();
        builder.Services.AddScoped<PageGlossary>();
        builder.Services.AddScoped<ContentChanges>();
        builder.Services.AddSingleton<ContentSync>();
        builder.Services.AddSingleton<Search.SearchIndex>();
        builder.Services.AddScoped<Search.SiteSearch>();
        builder.Services.AddOptions<Search.SearchOptions>().BindConfiguration(Search.SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Search.SearchLimits>();
        // Past weeks: the fingerprints of who searched go, and so do searches that too few people made to be shown.
        builder.Services.AddRetentionRule("searches without answer", async (services, now, ct) =>
        {
            var db = services.GetRequiredService<Data.SteunpuntDb>();
            var people = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Search.SearchOptions>>().Value.UnansweredSearchPeople;
            var week = $"{System.Globalization.ISOWeek.GetYear(now.UtcDateTime)}-W{System.Globalization.ISOWeek.GetWeekOfYear(now.UtcDateTime):00}";
#pragma warning disable CA1309 // EF Core translates only this overload (to SQL "<"); ISO weeks are ASCII and zero-padded
            var past = db.UnansweredSearches.IgnoreQueryFilters([Data.SteunpuntDb.TenantFilter]).Where(u => string.Compare(u.Week, week) < 0);
#pragma warning restore CA1309
            var removed = await past.Where(u => u.People < people).ExecuteDeleteAsync(ct);
            await past.Where(u => u.SeenBy != "").ExecuteUpdateAsync(s => s.SetProperty(u => u.SeenBy, ""), ct);
            return removed;
        });
        builder.Services.AddHostedService<ContentChangeWatcher>();
        builder.Services.AddScoped<Releases.InformationReleases>();
        builder.Services.AddHostedService<Releases.ReleaseScheduler>();
        // Once the database is ready (and the shipped content is in, see Seeding): which content changes are already in;
        // then, while pages are served, the search index (seconds at national scale; search says "even geduld" meanwhile).
        Data.StartupRegistration.AddStartupStep(builder.Services, "content changes", (services, ct) => services.GetRequiredService<ContentSync>().StartAsync(ct));
        Data.StartupRegistration.AddStartupStepWhileServing(builder.Services, "search index", (services, ct) => services.GetRequiredService<ContentSync>().BuildIndexAsync(ct));
    }

    /// <summary>Informeren's endpoints beside its pages: the suggestions while typing a search, and the read-only
    /// JSON API of the published information with its OpenAPI description.</summary>
    public static void MapInformation(this WebApplication app)
    {
        Search.SuggestionsEndpoint.MapSearchSuggestions(app);
        app.MapInformationApi();
    }
}
