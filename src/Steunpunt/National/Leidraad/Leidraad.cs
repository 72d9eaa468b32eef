namespace Steunpunt.National.Leidraad;

/// <summary>
/// The items of the leidraad "Samen bouwen aan ouder- en jeugdsteunpunten" as a self-assessment (A1–A17): what a
/// steunpunt must have in place, and what shows it. The wording follows the project's research (domain notes §1.6).
/// </summary>
public static class Leidraad
{
    public sealed record Item(string Code, string Title, string Evidence);

    public static readonly Item[] Items =
    [
        new("A1", "De wettelijke taak is geregeld", "Het steunpunt bestaat, met een opdracht die zegt: alleen in het belang van de leerling. Het bestuur krijgt de signalen."),
        new("A2", "Het steunpunt is onafhankelijk", "Medewerkers beslissen en adviseren niet over een TLV, arrangement of plaatsing. Gegevens staan apart. Een verklaring over onafhankelijkheid staat op de website."),
        new("A3", "Ouders en jongeren vinden het steunpunt", "Een link op de website van het samenwerkingsverband (binnen 2 klikken), op de landelijke kaart en in de schoolgids van elke school."),
        new("A4", "De landelijke informatie staat erop", "Alle delen van de landelijke informatieset, met wat in de regio anders is."),
        new("A5", "De teksten zijn makkelijk te lezen", "Teksten op B1-niveau, moeilijke woorden uitgelegd, elke pagina minder dan 12 maanden geleden gecontroleerd."),
        new("A6", "Ook in andere talen", "Minstens Nederlands en Engels; uitleg met beeld of in makkelijke taal voor jongeren."),
        new("A7", "Bereikbaar op meer manieren", "Minstens 2 manieren (telefoon en formulier of e-mail), openingstijden en vakantiesluiting op de website."),
        new("A8", "Op tijd antwoord", "Een beloofde antwoordtijd op de website, en hoe vaak die gehaald wordt."),
        new("A9", "Anoniem kan", "Een vraag stellen zonder naam, en anoniem een ervaring vertellen."),
        new("A10", "Jongeren kunnen zelf terecht", "Pagina's voor jongeren in je-vorm, zelf contact opnemen, de leeftijd staat erbij."),
        new("A11", "Ouders en jongeren denken mee", "Een klankbordgroep van ouders en een jongerenpanel, hoe vaak ze bij elkaar komen, wat er met hun inbreng gebeurde."),
        new("A12", "Deskundige medewerkers", "Wie er werkt, welke scholing zij volgden, en ervaringsdeskundigheid."),
        new("A13", "Signalen gaan naar het bestuur", "Minstens één keer per jaar een signalenrapportage voor het bestuur, de reactie van het bestuur, en terugkoppeling op de website."),
        new("A14", "Doorverwijzen kan goed", "Een bijgewerkte sociale kaart: onderwijsconsulenten, leerplicht, wijkteam of CJG, Ouders & Onderwijs."),
        new("A15", "Privacy is geregeld", "Privacyverklaring, verwerkingsregister, DPIA, bewaartermijnen en verwerkersovereenkomsten."),
        new("A16", "De website is toegankelijk", "Een toegankelijkheidsverklaring met status A of B, en een toets van minder dan 3 jaar oud."),
        new("A17", "Het steunpunt bereikt mensen", "Contacten per 1.000 leerlingen, het deel van jongeren, en het deel in een andere taal dan Nederlands."),
    ];

    /// <summary>The status of every item: the app's own answer for the items it sets, else what the steunpunt saved.</summary>
    public static Dictionary<string, LeidraadStatus> Combine(IReadOnlyDictionary<string, LeidraadItem> saved, LeidraadFacts.Assessment known) =>
        Items.ToDictionary(i => i.Code, i => LeidraadFacts.Automatic.Contains(i.Code) && known.Items.TryGetValue(i.Code, out var fact) ? fact.Status
            : saved.TryGetValue(i.Code, out var own) ? own.Status : LeidraadStatus.NogNiet);

    public static string Name(LeidraadStatus status) => status switch
    {
        LeidraadStatus.OpOrde => "Op orde",
        LeidraadStatus.Deels => "Deels",
        _ => "Nog niet",
    };
}
