using System.ComponentModel.DataAnnotations;

namespace Steunpunt.Information.Editing;

/// <summary>The fields an editor fills in for an FAQ item, with Dutch messages.</summary>
public sealed class FaqInput
{
    [Required(ErrorMessage = "Vul de vraag in.")]
    [StringLength(300, ErrorMessage = "De vraag is te lang. Gebruik hoogstens 300 tekens.")]
    [Display(Name = "Vraag")]
    public string Question { get; set; } = "";

    [Required(ErrorMessage = "Vul een kort antwoord in.")]
    [StringLength(1000, ErrorMessage = "Het korte antwoord is te lang. Gebruik 2 of 3 zinnen.")]
    [Display(Name = "Kort antwoord (2 of 3 zinnen)")]
    public string ShortAnswer { get; set; } = "";

    [StringLength(20000, ErrorMessage = "Deze tekst is te lang.")]
    [Display(Name = "Meer uitleg")]
    public string? Explanation { get; set; }

    [StringLength(20000, ErrorMessage = "Deze tekst is te lang.")]
    [Display(Name = "Wat kun je doen?")]
    public string? WhatYouCanDo { get; set; }

    [StringLength(20000, ErrorMessage = "Deze tekst is te lang.")]
    [Display(Name = "Bij wie moet je zijn?")]
    public string? WhoToGoTo { get; set; }

    [Required(ErrorMessage = "Kies een thema.")]
    [RegularExpression(Theme.CodePattern, ErrorMessage = "Kies een thema uit de lijst.")]
    [Display(Name = "Thema")]
    public string ThemeCode { get; set; } = "";

    [Display(Name = "Voor wie")]
    public Audience Audience { get; set; }

    [Display(Name = "Schoolsoort")]
    public List<SchoolPhases> Phases { get; set; } = [];

    [RegularExpression("^[a-z0-9]+(-[a-z0-9]+)*$", ErrorMessage = "Het webadres mag alleen kleine letters, cijfers en streepjes bevatten.")]
    [StringLength(120, ErrorMessage = "Het webadres is te lang.")]
    [Display(Name = "Webadres (laat leeg om het uit de vraag te maken)")]
    public string? Slug { get; set; }

    [StringLength(2000, ErrorMessage = "De bronnen zijn te lang.")]
    [Display(Name = "Bronnen")]
    public string? Sources { get; set; }

    [StringLength(1000, ErrorMessage = "De woordkeuzes zijn te lang.")]
    [Display(Name = "Woordkeuzes voor de uitleg")]
    public string? TermChoices { get; set; }

    public static FaqInput From(FaqItem item) => new()
    {
        Question = item.Question,
        ShortAnswer = item.ShortAnswer,
        Explanation = item.Explanation,
        WhatYouCanDo = item.WhatYouCanDo,
        WhoToGoTo = item.WhoToGoTo,
        ThemeCode = item.ThemeCode,
        Audience = item.Audience,
        Phases = Enum.GetValues<SchoolPhases>().Where(p => p != SchoolPhases.None && item.Phases.HasFlag(p)).ToList(),
        Slug = item.Slug,
        Sources = item.Sources,
        TermChoices = item.TermChoices,
    };

    /// <summary>
    /// Checks what attributes cannot: every source line has a web link (and a national item has at least one source),
    /// and every word choice names a term in the glossary. Errors go on the field, in plain Dutch.
    /// </summary>
    public void Validate(Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary state, string prefix, bool national, IReadOnlyList<GlossaryTerm> glossary)
    {
        if (!SourceList.TryParse(Sources, out var sources, out var sourceError))
        {
            state.AddModelError($"{prefix}.{nameof(Sources)}", sourceError!);
        }
        else if (national && sources.Count == 0)
        {
            state.AddModelError($"{prefix}.{nameof(Sources)}", "Een landelijk item heeft minstens één bron nodig, bijvoorbeeld een wetsartikel op wetten.overheid.nl.");
        }
        if (!Information.TermChoices.TryParse(TermChoices, glossary, out _, out var choiceError))
        {
            state.AddModelError($"{prefix}.{nameof(TermChoices)}", choiceError!);
        }
    }

    public void CopyTo(FaqItem item)
    {
        item.Question = Question.Trim();
        item.ShortAnswer = ShortAnswer.Trim();
        item.Explanation = Explanation?.Trim() ?? "";
        item.WhatYouCanDo = WhatYouCanDo?.Trim() ?? "";
        item.WhoToGoTo = WhoToGoTo?.Trim() ?? "";
        item.ThemeCode = ThemeCode;
        item.Audience = Audience;
        item.Phases = Phases.Aggregate(SchoolPhases.None, (all, p) => all | p);
        item.Slug = string.IsNullOrWhiteSpace(Slug) ? Slugs.From(Question) : Slug;
        item.Sources = SourceList.Format(SourceList.Parse(Sources));
        item.TermChoices = string.Join('\n', (TermChoices ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
    }
}

public static class Slugs
{
    /// <summary>"Wat is een TLV?" → "wat-is-een-tlv".</summary>
    public static string From(string text)
    {
        var folded = Search.DutchText.Fold(text);
        var words = Search.DutchText.Words(folded).Take(12);
        var slug = string.Join('-', words);
        return slug.Length > 100 ? slug[..100].TrimEnd('-') : slug.Length == 0 ? "item" : slug;
    }
}
