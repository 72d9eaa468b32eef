using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Steunpunt.Vocabulary;

/// <summary>The two sectors of passend onderwijs: every SWV is a PO or a VO partnership, and a contact counts for the
/// SWV of its school phase. Stored as "PO", "VO" or "" (unknown).</summary>
public enum Sector
{
    Onbekend,
    PO,
    VO,
}

public static class Sectors
{
    /// <summary>The sector a school phase belongs to; unknown when no phase was given.</summary>
    public static Sector Of(SchoolPhases phase) => phase switch
    {
        SchoolPhases.PO or SchoolPhases.SBO or SchoolPhases.SO => Sector.PO,
        SchoolPhases.VO or SchoolPhases.VSO or SchoolPhases.PrO or SchoolPhases.MBO => Sector.VO,
        _ => Sector.Onbekend,
    };

    /// <summary>How a sector is stored: the codes DUO uses, empty when unknown.</summary>
    public static readonly ValueConverter<Sector, string> Stored = new(
        s => s == Sector.PO ? "PO" : s == Sector.VO ? "VO" : "",
        v => v == "PO" ? Sector.PO : v == "VO" ? Sector.VO : Sector.Onbekend);
}
