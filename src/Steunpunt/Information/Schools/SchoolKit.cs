using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Steunpunt.Web;

namespace Steunpunt.Information.Schools;

/// <summary>
/// What a school needs to send parents to the steunpunt: its contact details, opening hours, web addresses and top
/// questions, and the texts built from them to copy into a schoolgids, onto a school website or onto paper. Every
/// address is absolute and made from configuration (<see cref="PublicAddress"/>), because it is read on another site.
/// </summary>
public sealed class SchoolKit(SteunpuntProfile profile, InformationCatalog catalog, PublicAddress address)
{
    public const int TopQuestionCount = 5;

    public sealed record View(SteunpuntProfile.View Profile, string SiteUrl, string AskUrl, string ContactUrl, string BlockUrl,
        IReadOnlyList<TopQuestion> Questions)
    {
        public string Name => Profile.Tenant.Name;
        public string? Phone => Profile.Tenant.Phone;
        public string? Email => Profile.Tenant.Email;

        /// <summary>"maandag 09:00 tot 12:00 uur (telefonisch)", one line per opening.</summary>
        public IReadOnlyList<string> HourLines => [.. Profile.Hours.Select(h =>
            $"{Dutch.DayName(h.Day)} {h.Opens:HH:mm} tot {h.Closes:HH:mm} uur{(string.IsNullOrEmpty(h.Note) ? "" : $" ({h.Note})")}")];

        /// <summary>The web address without "https://", as people read it aloud or type it from paper.</summary>
        public string SiteUrlShort => Short(SiteUrl);
        public string AskUrlShort => Short(AskUrl);

        private static string Short(string url) =>
            url.Replace("https://", "", StringComparison.Ordinal).Replace("http://", "", StringComparison.Ordinal).TrimEnd('/');
    }

    public sealed record TopQuestion(string Question, string Url);

    public async Task<View?> LoadAsync(IUrlHelper url, CancellationToken ct = default)
    {
        if (await profile.LoadAsync(ct) is not { } view)
        {
            return null;
        }
        string Link(string page, object? values = null) => address.Link(url.Page(page, values)!);
        var questions = TopQuestions(await catalog.ArticlesAsync(ct), TopQuestionCount)
            .Select(a => new TopQuestion(a.Question, Link("/Information/Articles/Article", new { slug = a.Slug })))
            .ToList();
        return new View(view, Link("/Information/Home/Index"), Link("/Questions/Ask/Ask"), Link("/Information/Regional/Contact"),
            Link("/Information/Schools/Block"), questions);
    }

    /// <summary>
    /// The answers a school's parents most likely need. The app keeps no read counts, so the pick is fixed: parents'
    /// answers, first those the steunpunt wrote, replaced or added to (its own regional word), then the national ones,
    /// each in the site's own order (theme, then question).
    /// </summary>
    public static IReadOnlyList<Article> TopQuestions(IEnumerable<Article> articles, int take) =>
        [.. articles.Where(a => a.Audience == Audience.Ouders)
            .OrderBy(a => a.IsNational && !a.IsReplaced && a.RegionalSupplement is null ? 1 : 0)
            .Take(take)];

    /// <summary>
    /// The block a school pastes into its website: plain HTML with inline styles only (a school's site has its own
    /// stylesheet, not ours), absolute links, no script, nothing loaded from us. Every value is HTML-encoded.
    /// </summary>
    public static string EmbedSnippet(View view)
    {
        static string E(string text) => WebUtility.HtmlEncode(text);
        const string Link = "color:#0b4f8a;text-decoration:underline";
        var html = new StringBuilder();
        html.Append("<div style=\"border:2px solid #14325c;border-radius:6px;padding:1rem;max-width:32rem;background:#ffffff;color:#1b1b1b;line-height:1.5\">\n");
        html.Append("  <p style=\"margin:0 0 0.5rem;font-weight:700;font-size:1.125rem\">Vragen over passend onderwijs?</p>\n");
        html.Append(Dutch.Culture, $"  <p style=\"margin:0 0 0.5rem\">{E(view.Name)} helpt ouders en jongeren. Onafhankelijk van school. U mag ook anoniem een vraag stellen.</p>\n");
        html.Append("  <ul style=\"margin:0 0 0.5rem;padding-left:1.25rem\">\n");
        if (view.Phone is { } phone)
        {
            html.Append(Dutch.Culture, $"    <li>Telefoon: <a style=\"{Link}\" href=\"{E(Dutch.TelephoneLink(phone))}\">{E(phone)}</a></li>\n");
        }
        if (view.Email is { } email)
        {
            html.Append(Dutch.Culture, $"    <li>E-mail: <a style=\"{Link}\" href=\"mailto:{E(email)}\">{E(email)}</a></li>\n");
        }
        foreach (var line in view.HourLines)
        {
            html.Append(Dutch.Culture, $"    <li>{E(char.ToUpper(line[0], Dutch.Culture) + line[1..])}</li>\n");
        }
        html.Append("  </ul>\n");
        html.Append(Dutch.Culture, $"  <p style=\"margin:0\"><a style=\"{Link}\" href=\"{E(view.AskUrl)}\">Stel uw vraag online</a> of kijk op <a style=\"{Link}\" href=\"{E(view.SiteUrl)}\">{E(view.SiteUrlShort)}</a></p>\n");
        html.Append("</div>");
        return html.ToString();
    }

    /// <summary>The same block as a frame of our own page: always up to date, for sites that allow frames.</summary>
    public static string FrameSnippet(View view) =>
        $"<iframe src=\"{WebUtility.HtmlEncode(view.BlockUrl)}\" title=\"{WebUtility.HtmlEncode(view.Name)}: contact en veelgestelde vragen\" " +
        "style=\"width:100%;max-width:32rem;height:32rem;border:0\" loading=\"lazy\"></iframe>";
}
