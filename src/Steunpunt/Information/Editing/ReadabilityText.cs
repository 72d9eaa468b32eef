namespace Steunpunt.Information.Editing;

/// <summary>The text the readability panel (_Readability.cshtml) gives advice on, and who reads it (null: parents and
/// youth alike, so the form of address is not checked). <see cref="Fields"/> and <see cref="AudienceField"/> name the
/// form fields it came from, so the optional script (js/readability.js) can ask again while the editor types.</summary>
public sealed record ReadabilityText(string Text, Audience? Audience, IReadOnlyList<string>? Fields = null, string? AudienceField = null)
{
    private static readonly string[] s_faqFields = ["Question", "ShortAnswer", "Explanation", "WhatYouCanDo", "WhoToGoTo"];

    /// <summary>An FAQ item's readable parts, from the form fields under <paramref name="prefix"/>.</summary>
    public static ReadabilityText Of(FaqInput input, string prefix = "Input") =>
        Of(input.Audience, input.Question, input.ShortAnswer, input.Explanation, input.WhatYouCanDo, input.WhoToGoTo) with
        {
            Fields = [.. s_faqFields.Select(f => $"{prefix}.{f}")],
            AudienceField = $"{prefix}.Audience",
        };

    /// <summary>A steunpunt's own page: its title and text (fields Input.Title and Input.Body), for parents and youth alike.</summary>
    public static ReadabilityText OfPage(string? title, string? body) =>
        Of(null, title, body) with { Fields = ["Input.Title", "Input.Body"] };

    /// <summary>Parts of a page, each its own block: a title or question ends a sentence even without a full stop.</summary>
    public static ReadabilityText Of(Audience? audience, params string?[] parts) =>
        new(string.Join("\n\n", parts.Where(t => !string.IsNullOrWhiteSpace(t))), audience);
}
