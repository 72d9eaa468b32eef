namespace Steunpunt.Signals;

public static class SignalLabels
{
    public static string Status(SignalStatus status) => status switch
    {
        SignalStatus.Nieuw => "Nieuw",
        SignalStatus.Geduid => "Geduid",
        SignalStatus.VoorgelegdAanBestuur => "Voorgelegd aan bestuur",
        SignalStatus.ReactieBestuur => "Reactie bestuur",
        SignalStatus.Maatregel => "Maatregel",
        _ => "Teruggekoppeld",
    };

    public static string Source(SignalSource source) => source switch
    {
        SignalSource.Knelpunten => "Knelpunten uit contacten",
        SignalSource.Verhalen => "Verhalen",
        SignalSource.Zoekvragen => "Zoekvragen zonder antwoord",
        SignalSource.Lezers => "Wat lezers misten",
        _ => "Zelf gemaakt",
    };
}
