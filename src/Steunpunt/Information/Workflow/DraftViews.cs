using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Information.Editing;

namespace Steunpunt.Information.Workflow;

/// <summary>What an editor filled in for a steunpunt's layer on a national item.</summary>
public sealed class LayerFields
{
    public LayerModel.Choice Kind { get; set; }
    public string? Supplement { get; set; }
    public FaqInput Replacement { get; set; } = new();
}

/// <summary>What an editor filled in for a regional page.</summary>
public sealed class PageFields
{
    public RegionalPageKind Kind { get; set; }
    public string Title { get; set; } = "";
    public string Body { get; set; } = "";
}

/// <summary>
/// A draft shown as the public will see it: a FAQ item or layer through the article page's own rendering (glossary
/// explanations, regional layer, labels), a regional page as its public page renders it.
/// </summary>
public sealed record DraftView(ContentDraft Draft, string Title, Articles.ArticleView? Article, IHtmlContent? Body, GlossaryAnnotator? Words)
{
    /// <summary>The parts of the text a reader can comment on, in page order: a key that stays the same for the same
    /// place, a label, and the text.</summary>
    public IReadOnlyList<DraftParagraph> Paragraphs { get; init; } = [];
}

public sealed record DraftParagraph(string Key, string Label, string Text);

public sealed class DraftViews(SteunpuntDb db, ContentRenderer renderer, PageGlossary glossary, TimeProvider clock)
{
    public async Task<DraftView> ViewAsync(ContentDraft draft, IUrlHelper url, CancellationToken ct)
    {
        var today = WorkingDays.DutchDate(clock.GetUtcNow());
        var onSteunpunt = draft.TenantId is not null;
        switch (draft.Subject)
        {
            case DraftSubject.Item:
                {
                    var fields = draft.Fields<FaqInput>();
                    var item = new FaqItem { TenantId = draft.TenantId, Layer = ContentLayer.Item, LastReviewedOn = today, Status = ContentStatus.Published };
                    fields.CopyTo(item);
                    var article = await Articles.ArticleView.BuildAsync(new Article(item, null, null), onSteunpunt, renderer, glossary, url, preview: true, ct);
                    return new DraftView(draft, item.Question, article, null, null) { Paragraphs = ParagraphsOf(item) };
                }
            case DraftSubject.Layer:
                {
                    var fields = draft.Fields<LayerFields>();
                    var national = await db.FaqItems.AsNoTracking().IgnoreQueryFilters([SteunpuntDb.TenantFilter])
                        .FirstOrDefaultAsync(f => f.Id == draft.SubjectId && f.TenantId == null && f.Layer == ContentLayer.Item, ct);
                    if (national is null || fields.Kind == LayerModel.Choice.Hidden)
                    {
                        return new DraftView(draft, national?.Question ?? draft.Title, null, new HtmlString("<p>Dit item wordt niet getoond in uw regio.</p>"), null);
                    }
                    FaqItem? replacement = null;
                    FaqItem? supplement = null;
                    if (fields.Kind == LayerModel.Choice.Override)
                    {
                        replacement = new FaqItem { TenantId = draft.TenantId, Layer = ContentLayer.Override, LastReviewedOn = today };
                        (fields.Replacement.Slug, fields.Replacement.ThemeCode, fields.Replacement.Audience) = (national.Slug, national.ThemeCode, national.Audience);
                        fields.Replacement.CopyTo(replacement);
                        replacement.Phases = national.Phases;
                    }
                    else if (fields.Kind == LayerModel.Choice.Supplement)
                    {
                        supplement = new FaqItem { TenantId = draft.TenantId, Layer = ContentLayer.Supplement, Supplement = fields.Supplement?.Trim() ?? "", LastReviewedOn = today };
                    }
                    var article = await Articles.ArticleView.BuildAsync(new Article(national, replacement, supplement), true, renderer, glossary, url, preview: true, ct);
                    var paragraphs = replacement is not null ? ParagraphsOf(replacement)
                        : supplement is not null ? [.. Split("regio", "In onze regio", supplement.Supplement)] : [];
                    return new DraftView(draft, (replacement ?? national).Question, article, null, null) { Paragraphs = paragraphs };
                }
            default:
                {
                    var fields = draft.Fields<PageFields>();
                    var words = await glossary.ForPageAsync(url, ct: ct);
                    var body = renderer.Render(fields.Body, words);
                    return new DraftView(draft, fields.Title, null, body, words)
                    {
                        Paragraphs = [new DraftParagraph("titel", "Titel", fields.Title), .. Split("tekst", "Tekst", fields.Body)],
                    };
                }
        }
    }

    private static IReadOnlyList<DraftParagraph> ParagraphsOf(FaqItem item) =>
    [
        new("vraag", "Vraag", item.Question),
        new("kort", "Kort antwoord", item.ShortAnswer),
        .. Split("uitleg", "Meer uitleg", item.Explanation),
        .. Split("doen", "Wat kun je doen?", item.WhatYouCanDo),
        .. Split("wie", "Bij wie moet je zijn?", item.WhoToGoTo),
    ];

    /// <summary>Markdown split on blank lines: "Meer uitleg, alinea 2".</summary>
    private static IEnumerable<DraftParagraph> Split(string key, string label, string markdown)
    {
        var parts = markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return parts.Select((text, i) => new DraftParagraph($"{key}-{i + 1}", parts.Length == 1 ? label : $"{label}, alinea {i + 1}", text));
    }
}
