using Microsoft.AspNetCore.Http.HttpResults;
using Steunpunt.Web;

namespace Steunpunt.Information.Api;

/// <summary>
/// The read-only JSON API of what a site publishes: its themes, its answers (the national set with this steunpunt's
/// layer, exactly as its pages show them), its glossary and, on a steunpunt's site, its contact details. It reads
/// only the published read model (<see cref="InformationCatalog"/>, <see cref="SteunpuntProfile"/>): no drafts, no
/// changes waiting in a part of the information set, nothing of questions or stories. Cached like the pages and
/// described by OpenAPI at <see cref="OpenApiPath"/>.
/// </summary>
public static class InformationApi
{
    /// <summary>The OpenAPI document's name; also the group name that puts an endpoint in it.</summary>
    public const string DocumentName = "v1";
    public const string OpenApiPath = "/api/openapi.json";
    public const string ContactPath = "/api/contact";

    public sealed record ThemeItem(string Code, string Slug, string Name, string Intro, int Answers, string Url);

    /// <summary>Origin: "landelijk" (national), "regionaal" (the steunpunt's own) or "regionaal-aangepast" (the
    /// steunpunt's own version of a national answer).</summary>
    public sealed record AnswerSummary(string Slug, string Theme, string Audience, string Question, string ShortAnswer, string Origin,
        bool HasRegionalSupplement, DateOnly LastReviewedOn, string Url);

    /// <summary>One answer in full. The longer parts are Markdown, as the editors wrote them.</summary>
    public sealed record Answer(string Slug, string Theme, string Audience, string Question, string ShortAnswer, string Origin,
        string Explanation, string WhatYouCanDo, string WhoToGoTo, string? RegionalSupplement, IReadOnlyList<SourceLink> Sources,
        DateOnly LastReviewedOn, string Url);

    public sealed record SourceLink(string Title, string Url);

    public sealed record Term(string Slug, string Name, string? Abbreviation, string Definition, string Explanation, bool Outdated, string Url);

    public sealed record Contact(string Name, string? Phone, string? Email, string? Address, int ReplyWorkingDays,
        IReadOnlyList<Opening> OpeningHours, IReadOnlyList<ClosedDays> Closures, IReadOnlyList<string> Gemeenten, string Url, string AskUrl);

    /// <summary>Day: the Dutch name ("maandag"); Opens and Closes: "09:00".</summary>
    public sealed record Opening(string Day, string Opens, string Closes, string Note);

    public sealed record ClosedDays(DateOnly From, DateOnly To, string Reason);

    public static void AddInformationApi(this WebApplicationBuilder builder) =>
        builder.Services.AddOpenApi(DocumentName, o =>
        {
            // Only this API; the app's other endpoints (search suggestions, health) are not part of it.
            o.ShouldInclude = d => d.GroupName == DocumentName;
            o.AddDocumentTransformer<SiteDocument>();
        });

    public static void MapInformationApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").WithGroupName(DocumentName).AllowAnonymous().WithMetadata(new Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute { PolicyName = WebFeature.PublicPages });
        api.MapGet("/themas", ThemesAsync).WithName("Themas").WithSummary("De thema's met het aantal antwoorden.");
        api.MapGet("/informatie", AnswersAsync).WithName("Antwoorden").WithSummary("Alle antwoorden zoals deze site ze toont.");
        api.MapGet("/informatie/{slug}", AnswerAsync).WithName("Antwoord").WithSummary("Eén antwoord, helemaal.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/begrippen", TermsAsync).WithName("Begrippen").WithSummary("De begrippenlijst.");
        api.MapGet(ContactPath["/api".Length..], ContactAsync).WithName("Contact").WithSummary("Contact en openingstijden van het steunpunt.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapOpenApi(OpenApiPath).AllowAnonymous().WithMetadata(new Microsoft.AspNetCore.OutputCaching.OutputCacheAttribute { PolicyName = WebFeature.PublicPages });
    }

    private static string Link(HttpContext context, string page, object? values = null) =>
        context.RequestServices.GetRequiredService<PublicAddress>().Link(
            context.RequestServices.GetRequiredService<LinkGenerator>().GetPathByPage(context, page, values: values)!);

    private static string AudienceName(Audience audience) => audience == Audience.Jongeren ? "jongeren" : "ouders";

    private static string Origin(Article a) => a.IsReplaced ? "regionaal-aangepast" : a.IsNational ? "landelijk" : "regionaal";

    private static async Task<Ok<ThemeItem[]>> ThemesAsync(InformationCatalog catalog, HttpContext context, CancellationToken ct)
    {
        var articles = await catalog.ArticlesAsync(ct);
        var themes = await catalog.ThemesAsync(ct);
        return TypedResults.Ok(themes.Select(t => new ThemeItem(t.Code, t.Slug, t.Name, t.Intro, articles.Count(a => a.ThemeCode == t.Code),
            Link(context, "/Information/Themes/Theme", new { slug = t.Slug }))).ToArray());
    }

    private static async Task<Ok<AnswerSummary[]>> AnswersAsync(InformationCatalog catalog, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok((await catalog.ArticlesAsync(ct)).Select(a => new AnswerSummary(a.Slug, a.ThemeCode, AudienceName(a.Audience),
            a.Question, a.ShortAnswer, Origin(a), !string.IsNullOrWhiteSpace(a.Supplement), a.LastReviewedOn,
            Link(context, "/Information/Articles/Article", new { slug = a.Slug }))).ToArray());

    private static async Task<Results<Ok<Answer>, ProblemHttpResult>> AnswerAsync(string slug, InformationCatalog catalog, HttpContext context, CancellationToken ct)
    {
        // The same lookup as the answer's page: the national set with this steunpunt's layer applied.
        if (await catalog.ArticleAsync(slug, ct) is not { } a)
        {
            return TypedResults.Problem(title: "Dit antwoord bestaat niet op deze site.", statusCode: StatusCodes.Status404NotFound);
        }
        return TypedResults.Ok(new Answer(a.Slug, a.ThemeCode, AudienceName(a.Audience), a.Question, a.ShortAnswer, Origin(a),
            a.Explanation, a.WhatYouCanDo, a.WhoToGoTo, string.IsNullOrWhiteSpace(a.Supplement) ? null : a.Supplement,
            [.. a.Sources.Select(s => new SourceLink(s.Title, s.Url.ToString()))], a.LastReviewedOn,
            Link(context, "/Information/Articles/Article", new { slug = a.Slug })));
    }

    private static async Task<Ok<Term[]>> TermsAsync(InformationCatalog catalog, HttpContext context, CancellationToken ct) =>
        TypedResults.Ok((await catalog.GlossaryAsync(ct)).Select(t => new Term(t.Slug, t.Term, t.Abbreviation, t.Definition, t.Explanation,
            t.Outdated, Link(context, "/Information/Glossary/Term", new { slug = t.Slug }))).ToArray());

    private static async Task<Results<Ok<Contact>, ProblemHttpResult>> ContactAsync(SteunpuntProfile profile, HttpContext context, CancellationToken ct)
    {
        // The national site has no contact details of its own (and its API description leaves this path out).
        if (await profile.LoadAsync(ct) is not { } p)
        {
            return TypedResults.Problem(title: "De landelijke site heeft geen eigen contactgegevens.", statusCode: StatusCodes.Status404NotFound);
        }
        var t = p.Tenant;
        return TypedResults.Ok(new Contact(t.Name, t.Phone, t.Email, t.Address, t.ReplyWorkingDays,
            [.. p.Hours.Select(h => new Opening(Dutch.DayName(h.Day), h.Opens.ToString("HH:mm", Dutch.Culture), h.Closes.ToString("HH:mm", Dutch.Culture), h.Note))],
            [.. p.Closures.Select(c => new ClosedDays(c.From, c.To, c.Reason))],
            [.. t.Gemeenten.Select(g => g.Name).Order(StringComparer.Ordinal)],
            Link(context, "/Information/Regional/Contact"), Link(context, "/Questions/Ask/Ask")));
    }
}
