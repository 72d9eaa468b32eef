using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Steunpunt.Information.Editing;

/// <summary>What the shared FAQ form fields need: the values typed, errors and the theme list.</summary>
public sealed record FaqFieldsView(string Prefix, FaqInput Input, ModelStateDictionary State, IReadOnlyList<Theme> Themes, bool ShowClassification)
{
    public string? Errors(string key) =>
        State.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
