namespace Steunpunt.Vocabulary;

/// <summary>The three pillars of a steunpunt (and "algemeen" for what spans them, such as setting one up).</summary>
public enum Pillar { Algemeen, Informeren, Steunen, Signaleren }

public static class Pillars
{
    public static readonly IReadOnlyList<Pillar> All = Enum.GetValues<Pillar>();

    /// <summary>The Dutch name as a reader sees it in a list: "Informeren", "Algemeen (opzetten en organiseren)".</summary>
    public static string Name(Pillar pillar) => pillar switch
    {
        Pillar.Informeren => "Informeren",
        Pillar.Steunen => "Steunen",
        Pillar.Signaleren => "Signaleren",
        _ => "Algemeen (opzetten en organiseren)",
    };

    /// <summary>A pillar from a form or a link; null when it is not one of them.</summary>
    public static Pillar? Parse(string? value) =>
        Enum.TryParse<Pillar>(value, ignoreCase: false, out var p) && Enum.IsDefined(p) && !int.TryParse(value, out _) ? p : null;
}
