namespace Steunpunt.Vocabulary;

/// <summary>The kinds of school an item, a question or a story is about (PO, SBO, SO, VO, VSO, PrO, MBO).</summary>
[Flags]
public enum SchoolPhases
{
    None = 0,
    PO = 1,
    SBO = 2,
    SO = 4,
    VO = 8,
    VSO = 16,
    PrO = 32,
    MBO = 64,
}
