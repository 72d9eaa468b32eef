namespace Steunpunt.Information;

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

    public static string Describe(SchoolPhases phases) =>
        string.Join(", ", s_names.Where(n => phases.HasFlag(n.Phase)).Select(n => n.Name));
}
