using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Sylvan.Data.Csv;

namespace Steunpunt.National.Registers;

/// <summary>
/// One of DUO's open-data files, read: the list of samenwerkingsverbanden, or the schools (vestigingen) per
/// samenwerkingsverband, PO or VO. Semicolon separated; columns are found by their header (DUO's names, with a few
/// spellings DUO used over the years), so a new column or another order does not matter. Anything that does not fit
/// stops the whole file with a plain-Dutch message naming the line.
/// </summary>
public static partial class RegisterFile
{
    public enum Kind { Samenwerkingsverbanden, Scholen }

    public sealed record Swv(string Code, string Name, Sector Sector, string Place);

    public sealed record School(string Brin, string Vestiging, string Name, string Place, string Postcode, string Gemeente,
        SchoolPhases Phase, int? Pupils, string SwvCode)
    {
        public string Key => Brin + Vestiging;
    }

    public sealed record Parsed(Kind Kind, IReadOnlyList<Swv> Swvs, IReadOnlyList<School> Schools)
    {
        /// <summary>The sectors the file speaks for: what it does not list in them is closed.</summary>
        public IReadOnlySet<Sector> Sectors => Kind == Kind.Samenwerkingsverbanden
            ? Swvs.Select(s => s.Sector).ToHashSet() : Schools.Select(s => SectorOfCode(s.SwvCode)).ToHashSet();
    }

    /// <summary>A file that cannot be read; the message is for the administrator, in Dutch.</summary>
    public sealed class ProblemException(string message) : Exception(message);

    // Header spellings, compared without case, spaces or punctuation.
    private static readonly string[] s_swvCode = ["SAMENWERKINGSVERBAND", "CODESAMENWERKINGSVERBAND", "SAMENWERKINGSVERBANDCODE", "SWVCODE", "CODESWV", "SWV"];
    private static readonly string[] s_swvName = ["NAAMSAMENWERKINGSVERBAND", "SAMENWERKINGSVERBANDNAAM", "NAAMSWV", "NAAM"];
    private static readonly string[] s_place = ["PLAATSNAAM", "PLAATS", "VESTIGINGSPLAATS"];
    private static readonly string[] s_brin = ["INSTELLINGSCODE", "BRINNUMMER", "BRIN", "BRINCODE"];
    private static readonly string[] s_vestiging = ["VESTIGINGSNUMMER", "VESTIGINGSCODE", "VESTIGING"];
    private static readonly string[] s_schoolName = ["VESTIGINGSNAAM", "NAAMVESTIGING", "INSTELLINGSNAAM"];
    private static readonly string[] s_postcode = ["POSTCODE", "POSTCODEVESTIGING"];
    private static readonly string[] s_gemeente = ["GEMEENTENAAM", "GEMEENTE"];
    private static readonly string[] s_phase = ["SOORTPO", "TYPEPO", "ONDERWIJSSTRUCTUUR", "SOORTONDERWIJS", "ONDERWIJSTYPE"];
    private static readonly string[] s_pupils = ["AANTALLEERLINGEN", "TOTAALAANTALLEERLINGEN", "LEERLINGEN"];

    /// <summary>The file's text: UTF-8 when it is valid UTF-8, else Latin-1 (older DUO files).</summary>
    public static string Decode(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.Latin1.GetString(bytes);
        }
    }

    public static Parsed Parse(string text)
    {
        CsvDataReader reader;
        try
        {
            reader = CsvDataReader.Create(new StringReader(text), new CsvDataReaderOptions { Delimiter = ';', HasHeaders = true });
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or ArgumentException)
        {
            throw new ProblemException("Dit bestand is geen CSV-bestand van DUO: de eerste regel moet de namen van de kolommen geven, gescheiden door puntkomma’s.");
        }
        using (reader)
        {
            var headers = Enumerable.Range(0, reader.FieldCount).Select(i => Normal(reader.GetName(i))).ToList();
            int? Column(string[] names) => names.Select(n => headers.IndexOf(n)).Where(i => i >= 0).Cast<int?>().FirstOrDefault();
            int Required(string[] names, string shown) => Column(names)
                ?? throw new ProblemException($"Het bestand mist de kolom ‘{shown}’. Kies het bestand van DUO met de samenwerkingsverbanden of met de scholen per samenwerkingsverband.");

            var code = Required(s_swvCode, "SAMENWERKINGSVERBAND");
            var place = Column(s_place);
            var isSchools = Column(s_brin) is not null && Column(s_schoolName) is not null;
            var swvs = new List<Swv>();
            var schools = new List<School>();
            var line = 1;
            if (isSchools)
            {
                var (brin, name, vestiging, postcode, gemeente, phase, pupils) = (Column(s_brin)!.Value, Column(s_schoolName)!.Value, Column(s_vestiging),
                    Column(s_postcode), Column(s_gemeente), Column(s_phase), Column(s_pupils));
                var seen = new HashSet<string>();
                while (Read(reader, ++line))
                {
                    var swv = SwvCode(Field(reader, code), line);
                    var b = Field(reader, brin).ToUpperInvariant();
                    if (!BrinPattern().IsMatch(b))
                    {
                        throw new ProblemException($"Regel {line}: ‘{Short(b)}’ is geen BRIN-nummer (twee cijfers en twee letters, zoals 12AB).");
                    }
                    var v = vestiging is { } vi ? Field(reader, vi).ToUpperInvariant() : "00";
                    v = v.Length == 6 && v.StartsWith(b, StringComparison.Ordinal) ? v[4..] : v.Length == 0 ? "00" : v;
                    if (!VestigingPattern().IsMatch(v))
                    {
                        throw new ProblemException($"Regel {line}: ‘{Short(v)}’ is geen vestigingsnummer (twee cijfers).");
                    }
                    var n = Field(reader, name);
                    if (n.Length is 0 or > 200)
                    {
                        throw new ProblemException($"Regel {line}: de naam van de school ontbreekt of is te lang.");
                    }
                    var pc = postcode is { } pi ? Postcode(Field(reader, pi), line) : "";
                    int? count = null;
                    if (pupils is { } ui && Field(reader, ui) is { Length: > 0 } raw)
                    {
                        count = int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) && c >= 0 ? c
                            : throw new ProblemException($"Regel {line}: het aantal leerlingen ‘{Short(raw)}’ is geen getal.");
                    }
                    var (schoolPlace, schoolGemeente) = (place is { } p ? Field(reader, p) : "", gemeente is { } g ? Field(reader, g) : "");
                    if (schoolPlace.Length > 100 || schoolGemeente.Length > 100)
                    {
                        throw new ProblemException($"Regel {line}: de plaats of de gemeente is te lang.");
                    }
                    var school = new School(b, v, n, schoolPlace, pc, schoolGemeente,
                        Phase(phase is { } ph ? Field(reader, ph) : "", SectorOfCode(swv)), count, swv);
                    if (!seen.Add(school.Key))
                    {
                        throw new ProblemException($"Regel {line}: school {b} {v} staat er twee keer in.");
                    }
                    schools.Add(school);
                }
            }
            else
            {
                var name = Required(s_swvName, "NAAM SAMENWERKINGSVERBAND");
                var seen = new HashSet<string>();
                while (Read(reader, ++line))
                {
                    var swv = SwvCode(Field(reader, code), line);
                    var n = Field(reader, name);
                    if (n.Length is 0 or > 200)
                    {
                        throw new ProblemException($"Regel {line}: de naam van het samenwerkingsverband ontbreekt of is te lang.");
                    }
                    if (!seen.Add(swv))
                    {
                        throw new ProblemException($"Regel {line}: {swv} staat er twee keer in.");
                    }
                    var swvPlace = place is { } p ? Field(reader, p) : "";
                    if (swvPlace.Length > 100)
                    {
                        throw new ProblemException($"Regel {line}: de plaats is te lang.");
                    }
                    swvs.Add(new Swv(swv, n, SectorOfCode(swv), swvPlace));
                }
            }
            if (swvs.Count + schools.Count == 0)
            {
                throw new ProblemException("Het bestand heeft geen regels onder de kolomnamen.");
            }
            return new Parsed(isSchools ? Kind.Scholen : Kind.Samenwerkingsverbanden, swvs, schools);
        }
    }

    /// <summary>"PO 30.02", "PO3002", "SWV PO 30-02" → "PO 30.02".</summary>
    public static string? NormalSwvCode(string raw) =>
        SwvCodePattern().Match(raw.Trim()) is { Success: true } m
            ? $"{m.Groups["sector"].Value.ToUpperInvariant()} {m.Groups["a"].Value}.{m.Groups["b"].Value}" : null;

    public static Sector SectorOfCode(string code) => code.StartsWith("PO", StringComparison.Ordinal) ? Sector.PO : Sector.VO;

    private static bool Read(CsvDataReader reader, int line)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException)
        {
            throw new ProblemException($"Regel {line} kan niet worden gelezen: kijk of er een aanhalingsteken mist.");
        }
    }

    private static string Field(CsvDataReader reader, int column) =>
        column < reader.RowFieldCount ? reader.GetString(column).Trim() : "";

    private static string SwvCode(string raw, int line) => NormalSwvCode(raw)
        ?? throw new ProblemException($"Regel {line}: ‘{Short(raw)}’ is geen code van een samenwerkingsverband (zoals PO 30.02 of VO 30.02).");

    private static string Postcode(string raw, int line)
    {
        if (raw.Length == 0)
        {
            return "";
        }
        return PostcodePattern().Match(raw.ToUpperInvariant()) is { Success: true } m ? $"{m.Groups[1].Value} {m.Groups[2].Value}"
            : throw new ProblemException($"Regel {line}: ‘{Short(raw)}’ is geen postcode (zoals 1234 AB).");
    }

    /// <summary>The phase from DUO's kind of school ("BAS", "SBAS", "SO", "VSO", "PRO", …), else the sector's usual school.</summary>
    private static SchoolPhases Phase(string raw, Sector sector)
    {
        var kind = Normal(raw);
        return kind switch
        {
            _ when kind.Contains("SBAS", StringComparison.Ordinal) || kind.Contains("SBO", StringComparison.Ordinal) || kind.Contains("SPECIAALBASIS", StringComparison.Ordinal) => SchoolPhases.SBO,
            _ when kind.Contains("VSO", StringComparison.Ordinal) || kind.Contains("VOORTGEZETSPECIAAL", StringComparison.Ordinal) => SchoolPhases.VSO,
            _ when kind.StartsWith("SO", StringComparison.Ordinal) || kind.Contains("SPECIAALONDERWIJS", StringComparison.Ordinal) || kind.Contains("WEC", StringComparison.Ordinal) => SchoolPhases.SO,
            _ when kind.Contains("PRO", StringComparison.Ordinal) || kind.Contains("PRAKTIJK", StringComparison.Ordinal) => SchoolPhases.PrO,
            _ => sector == Sector.PO ? SchoolPhases.PO : SchoolPhases.VO,
        };
    }

    private static string Normal(string header) => new([.. header.ToUpperInvariant().Where(char.IsAsciiLetterOrDigit)]);

    private static string Short(string value) => value.Length > 40 ? value[..40] + "…" : value;

    [GeneratedRegex(@"^(?:SWV\s*)?(?<sector>[Pp][Oo]|[Vv][Oo])\s*(?<a>\d{2})[.\-\s]?(?<b>\d{2})$")]
    private static partial Regex SwvCodePattern();

    [GeneratedRegex(@"^\d{2}[A-Z]{2}$")]
    private static partial Regex BrinPattern();

    [GeneratedRegex(@"^\d{2}$")]
    private static partial Regex VestigingPattern();

    [GeneratedRegex(@"^(\d{4})\s?([A-Z]{2})$")]
    private static partial Regex PostcodePattern();
}
