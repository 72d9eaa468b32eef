namespace Steunpunt.Vocabulary;

/// <summary>A Dutch school year, 1 August to 31 July, named by its first calendar year ("2026-2027").</summary>
public readonly record struct SchoolYear(int First)
{
    public static SchoolYear Of(DateOnly day) => new(day.Month >= 8 ? day.Year : day.Year - 1);

    public static SchoolYear Of(DateTimeOffset at) => Of(WorkingDays.DutchDate(at));

    public DateOnly Start => new(First, 8, 1);

    /// <summary>The first day after the school year (exclusive end).</summary>
    public DateOnly End => new(First + 1, 8, 1);

    /// <summary>The first moment of the school year, Dutch time.</summary>
    public DateTimeOffset StartsAt => Dutch.StartOf(Start);

    public SchoolYear Previous => new(First - 1);

    public string Label => $"{First}-{First + 1}";

    public override string ToString() => Label;
}
