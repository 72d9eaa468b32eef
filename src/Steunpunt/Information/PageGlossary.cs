using Microsoft.AspNetCore.Mvc;

namespace Steunpunt.Information;

/// <summary>Builds the per-page glossary annotator with links that stay inside the current steunpunt.</summary>
public sealed class PageGlossary(InformationCatalog catalog)
{
    public async Task<GlossaryAnnotator> ForPageAsync(IUrlHelper url, Guid? skipTerm = null, string? choices = null, CancellationToken ct = default)
    {
        var terms = await catalog.GlossaryAsync(ct);
        return new GlossaryAnnotator(terms, t => url.Page("/Information/Glossary/Term", new { slug = t.Slug })!, skipTerm)
            .Choose(TermChoices.Parse(choices));
    }
}
