namespace Steunpunt.Vocabulary;

/// <summary>Plain Dutch names of school phases, as shown to parents.</summary>
public static class SchoolPhaseNames
{
    private static readonly (SchoolPhases Phase, string Name)[] s_names =
    [
        (SchoolPhases.PO, "basisschool"),
        (SchoolPhases.SBO, "speciaal basisonderwijs"),
        (SchoolPhases.SO, "speciaal onderwijs"),
        (SchoolPhases.VO, "middelbare school"),
        (SchoolPhases.VSO, "voortgezet speciaal onderwijs"),
        (SchoolPhases.PrO, "praktijkonderwijs"),
        (SchoolPhases.MBO, "overstap naar het mbo"),
    ];

    /// <summary>The school types a parent chooses from (the mbo step is for staff coding only).</summary>
    public static readonly SchoolPhases[] ForParents = [SchoolPhases.PO, SchoolPhases.SBO, SchoolPhases.SO, SchoolPhases.VO, SchoolPhases.VSO, SchoolPhases.PrO];

    /// <summary>Every school phase, in order, for staff coding.</summary>
    public static readonly SchoolPhases[] All = [.. s_names.Select(n => n.Phase)];

    public static string Describe(SchoolPhases phases) =>
        string.Join(", ", s_names.Where(n => phases.HasFlag(n.Phase)).Select(n => n.Name));
}
