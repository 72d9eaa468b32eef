using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.Information;

/// <summary>
/// The read model of a steunpunt's information: the national set merged with the steunpunt's own layer
/// (supplements, replacements, hidden items and its own items). The tenant filter already limits rows to
/// "national + this steunpunt"; this class decides how they combine.
/// </summary>
public sealed class InformationCatalog(SteunpuntDb db, CurrentTenant tenant, IMemoryCache cache, ContentSync sync)
{
    // Kept in memory per site until the next content change that this instance has applied.
    private static readonly TimeSpan s_keep = TimeSpan.FromMinutes(10);

    private string Key(string what) => $"catalog:{what}:{tenant.Id}:{sync.Applied}";

    public async Task<IReadOnlyList<Article>> ArticlesAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key("articles"), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = s_keep;
            var rows = await db.FaqItems.AsNoTracking()
                .Where(f => f.Status == ContentStatus.Published)
                .ToListAsync(ct);
            return Merge(rows, tenant.Id);
        }))!;

    /// <summary>Combines national rows with one steunpunt's layer rows. Pure, so it is tested on its own.</summary>
    public static IReadOnlyList<Article> Merge(IEnumerable<FaqItem> rows, Guid? tenantId)
    {
        var list = rows.ToList();
        // A layer under review (the national item changed and the steunpunt has not decided) shows its supplement only:
        // an own version or hiding could contradict the new national text.
        var layers = list.Where(r => r.TenantId is not null && r.TenantId == tenantId && r.NationalItemId is not null && r.Layer != ContentLayer.Item
                && !(r.NeedsReview && r.Layer is ContentLayer.Override or ContentLayer.Hidden))
            .ToLookup(r => r.NationalItemId!.Value);
        var articles = new List<Article>();
        foreach (var national in list.Where(r => r.TenantId is null && r.Layer == ContentLayer.Item))
        {
            var own = layers[national.Id].ToList();
            if (own.Any(l => l.Layer == ContentLayer.Hidden))
            {
                continue;
            }
            var replacement = own.FirstOrDefault(l => l.Layer == ContentLayer.Override);
            var supplement = own.FirstOrDefault(l => l.Layer == ContentLayer.Supplement);
            articles.Add(new Article(national, replacement, supplement));
        }
        articles.AddRange(list.Where(r => r.TenantId is not null && r.TenantId == tenantId && r.Layer == ContentLayer.Item)
            .Select(r => new Article(r, null, null)));
        return articles.OrderBy(a => a.ThemeCode, StringComparer.Ordinal).ThenBy(a => a.Question, StringComparer.Ordinal).ToList();
    }

    public async Task<Article?> ArticleAsync(string slug, CancellationToken ct = default) =>
        (await ArticlesAsync(ct)).FirstOrDefault(a => string.Equals(a.Slug, slug, StringComparison.OrdinalIgnoreCase));

    /// <summary>The national everyday words plus the steunpunt's own search synonyms.</summary>
    public async Task<IReadOnlyList<Search.SearchSynonym>> SynonymsAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key("synonyms"), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = s_keep;
            return (IReadOnlyList<Search.SearchSynonym>)await db.SearchSynonyms.AsNoTracking().ToListAsync(ct);
        }))!;

    /// <summary>The steunpunt's own published pages (none on the national site).</summary>
    public async Task<IReadOnlyList<RegionalPage>> RegionalPagesAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key("pages"), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = s_keep;
            return (IReadOnlyList<RegionalPage>)await db.RegionalPages.AsNoTracking().Where(p => p.Status == ContentStatus.Published).ToListAsync(ct);
        }))!;

    public Task<List<Theme>> ThemesAsync(CancellationToken ct = default) =>
        db.Themes.AsNoTracking().OrderBy(t => t.Code).ToListAsync(ct);

    /// <summary>National terms plus this steunpunt's own; an own term with the same slug wins.</summary>
    public async Task<IReadOnlyList<GlossaryTerm>> GlossaryAsync(CancellationToken ct = default) =>
        (await cache.GetOrCreateAsync(Key("glossary"), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = s_keep;
            var terms = await db.GlossaryTerms.AsNoTracking().Where(t => t.Status == ContentStatus.Published).ToListAsync(ct);
            return (IReadOnlyList<GlossaryTerm>)terms.GroupBy(t => t.Slug)
                .Select(g => g.OrderByDescending(t => t.TenantId is not null).First())
                .OrderBy(t => t.Abbreviation ?? t.Term, StringComparer.Create(Dutch.Culture, true))
                .ToList();
        }))!;
}

/// <summary>One FAQ item as a visitor sees it, with which parts are national and which regional.</summary>
public sealed record Article(FaqItem Source, FaqItem? Replacement, FaqItem? RegionalSupplement)
{
    private FaqItem Text => Replacement ?? Source;

    public Guid Id => Source.Id;
    public string Slug => Source.Slug;
    public string ThemeCode => Source.ThemeCode;
    public Audience Audience => Source.Audience;
    public SchoolPhases Phases => Source.Phases;
    public bool IsNational => Source.TenantId is null;
    public bool IsReplaced => Replacement is not null;
    public string Question => Text.Question;
    public string ShortAnswer => Text.ShortAnswer;
    public string Explanation => Text.Explanation;
    public string WhatYouCanDo => Text.WhatYouCanDo;
    public string WhoToGoTo => Text.WhoToGoTo;
    public string? Supplement => RegionalSupplement?.Supplement;
    /// <summary>Which term a word means on this page: the text's own choices, then the regional supplement's.</summary>
    public string TermChoices => Text.TermChoices + "\n" + RegionalSupplement?.TermChoices;
    /// <summary>The sources of the text shown (a regional replacement has its own, or none).</summary>
    public IReadOnlyList<Source> Sources => SourceList.Parse(Text.Sources);

    public DateOnly LastReviewedOn => new[] { Text.LastReviewedOn, RegionalSupplement?.LastReviewedOn ?? default }.Max();
}
