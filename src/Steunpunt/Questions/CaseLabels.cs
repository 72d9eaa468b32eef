namespace Steunpunt.Questions;

/// <summary>Dutch names for the case fields, as staff see them.</summary>
public static class CaseLabels
{
    public static string Role(RequesterRole role) => role switch
    {
        RequesterRole.Ouder => "Ouder/verzorger",
        RequesterRole.Jongere => "Jongere",
        _ => "Professional",
    };

    public static string Channel(Channel channel) => channel switch
    {
        Questions.Channel.Formulier => "Formulier",
        Questions.Channel.Telefoon => "Telefoon",
        Questions.Channel.Email => "E-mail",
        Questions.Channel.Inloop => "Inloop",
        _ => "Spreekuur",
    };

    public static string Contact(ContactWay way) => way switch
    {
        ContactWay.Email => "E-mail",
        ContactWay.Phone => "Bellen",
        _ => "Alleen persoonlijke link (anoniem)",
    };

    public static readonly (HelpGiven Value, string Label)[] Help =
    [
        (HelpGiven.Informatie, "Informatie"),
        (HelpGiven.Advies, "Advies"),
        (HelpGiven.Sparren, "Sparren"),
        (HelpGiven.MeegaanNaarGesprek, "Meegaan naar gesprek"),
        (HelpGiven.Doorverwijzen, "Doorverwijzen"),
    ];

    public static readonly (Knelpunten Value, string Label)[] Bottlenecks =
    [
        (Knelpunten.Thuiszitten, "Thuiszitten"),
        (Knelpunten.GeenPassendePlek, "Geen passende plek"),
        (Knelpunten.Wachtlijst, "Wachtlijst"),
        (Knelpunten.OndersteuningNietGeboden, "Ondersteuning niet geboden"),
        (Knelpunten.CommunicatieMetSchool, "Communicatie met school"),
        (Knelpunten.TlvProcedure, "TLV-procedure"),
        (Knelpunten.ZorgEnOnderwijs, "Zorg en onderwijs"),
        (Knelpunten.Vervoer, "Leerlingenvervoer"),
    ];

    public static string Action(Privacy.CaseAction action) => action switch
    {
        Privacy.CaseAction.Aangemaakt => "Aangemaakt",
        Privacy.CaseAction.Gelezen => "Gelezen",
        Privacy.CaseAction.Beantwoord => "Beantwoord",
        Privacy.CaseAction.NotitieGemaakt => "Notitie gemaakt",
        Privacy.CaseAction.Toegewezen => "Toegewezen",
        Privacy.CaseAction.Gewijzigd => "Gegevens gewijzigd",
        Privacy.CaseAction.Afgerond => "Afgerond",
        Privacy.CaseAction.Heropend => "Heropend",
        Privacy.CaseAction.VerhaalGelezen => "Verhaal gelezen",
        Privacy.CaseAction.VerhaalGoedgekeurd => "Verhaal nagekeken en goedgekeurd",
        Privacy.CaseAction.VerhaalOrigineelVerwijderd => "Eigen woorden van de verteller verwijderd",
        Privacy.CaseAction.Geanonimiseerd => "Bewaartermijn voorbij: persoonlijke gegevens, berichten en notities verwijderd",
        _ => "Reactie van vraagsteller",
    };

    public static string Outcome(Outcome outcome) => outcome switch
    {
        Questions.Outcome.Beantwoord => "Vraag beantwoord",
        Questions.Outcome.Doorverwezen => "Doorverwezen",
        Questions.Outcome.DeelsOpgelost => "Deels opgelost",
        Questions.Outcome.NietOpgelost => "Niet opgelost",
        Questions.Outcome.GeenReactie => "Geen reactie meer",
        _ => "Nog niet bekend",
    };
}
