namespace Steunpunt.Information.Editing;

/// <summary>The text the readability panel (_Readability.cshtml) gives advice on, and who reads it (null: parents and
/// youth alike, so the form of address is not checked).</summary>
public sealed record ReadabilityText(string Text, Audience? Audience)
{
    /// <summary>An FAQ item's readable parts.</summary>
    public static ReadabilityText Of(FaqInput input) =>
        Of(input.Audience, input.Question, input.ShortAnswer, input.Explanation, input.WhatYouCanDo, input.WhoToGoTo);

    /// <summary>Parts of a page, each its own block: a title or question ends a sentence even without a full stop.</summary>
    public static ReadabilityText Of(Audience? audience, params string?[] parts) =>
        new(string.Join("\n\n", parts.Where(t => !string.IsNullOrWhiteSpace(t))), audience);
}
