using Steunpunt.Stories;

namespace Steunpunt.Tests.Stories;

public sealed class RedactionTests
{
    private static readonly Redactor.Known s_known = new(
        Schools: ["De Regenboog", "Het Baken College"],
        Organisations: ["Wijkteam Zandvliet", "Jeugdzorg Plus"],
        Places: ["Zandvliet", "Molenbroek", "Ter Aar"]);

    private static Redactor.Proposal Propose(params string[] parts) => Redactor.Propose(parts, s_known);

    [Theory]
    [InlineData("Mail me op sanne.de.vries@example.nl als het kan.", "sanne.de.vries@example.nl", "[e-mailadres]")]
    [InlineData("Mijn nummer is 06-12345678, bel gerust.", "06-12345678", "[telefoonnummer]")]
    [InlineData("Bel 010 123 45 67 of +31 6 1234 5678.", "+31 6 1234 5678", "[telefoonnummer]")]
    [InlineData("We wonen in 1234 AB, vlak bij school.", "1234 AB", "[postcode]")]
    [InlineData("Op 12-03-2025 was het gesprek.", "12-03-2025", "[datum]")]
    [InlineData("Sinds 4 november 2025 zit hij thuis.", "4 november 2025", "[datum]")]
    [InlineData("Op De Regenboog wilden ze niet helpen.", "De Regenboog", "[school]")]
    [InlineData("Het Baken College zei nee.", "Het Baken College", "[school]")]
    [InlineData("Het wijkteam zandvliet kwam langs.", "wijkteam zandvliet", "[organisatie]")]
    [InlineData("Juf Annemiek zei dat hij lastig was.", "Annemiek", "[naam]")]
    [InlineData("Mijn zoon Daan is tien.", "Daan", "[naam]")]
    [InlineData("Toen belde ik met mevrouw Bakker van de gemeente.", "Bakker", "[naam]")]
    [InlineData("we spraken met Pieter en daarna met de IB'er.", "Pieter", "[naam]")]
    public void Personal_details_are_proposed_for_redaction(string text, string detail, string label)
    {
        var proposal = Propose(text);

        Assert.DoesNotContain(detail, proposal.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(label, proposal.Text, StringComparison.Ordinal);
        Assert.Contains(proposal.Findings, f => string.Equals(f.Text, detail, StringComparison.OrdinalIgnoreCase) && label == $"[{f.Label}]");
    }

    [Fact]
    public void A_name_found_in_one_answer_is_taken_out_of_every_answer_sentence_starts_included()
    {
        var proposal = Propose(
            "Mijn zoon Daan kreeg geen plek.",
            "Daan zit nu zes weken thuis. De juf van Daan belde niet.",
            "Voor daan was het zwaar, en voor Sanne ook, zei Sanne.",
            "Een plek. Sanne wil weer naar school.");

        Assert.Equal("Mijn zoon [naam] kreeg geen plek.", proposal.Parts[0]);
        Assert.Equal("[naam] zit nu zes weken thuis. De juf van [naam] belde niet.", proposal.Parts[1]);
        Assert.Equal("Voor [naam] was het zwaar, en voor [naam] ook, zei [naam].", proposal.Parts[2]);
        Assert.Equal("Een plek. [naam] wil weer naar school.", proposal.Parts[3]);
        Assert.Equal(["Daan", "Sanne"], proposal.Findings.Where(f => f.Kind == Redactor.Kind.Naam).Select(f => f.Text).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("De IB-er belde me. Daarna sprak ik de IB'er en de Iber nog een keer.")]
    [InlineData("We hadden een gesprek met de Zorgcoördinator en de Mentor, en later met de Leerplichtambtenaar.")]
    [InlineData("Zij woont in Zandvliet en wij in Molenbroek, vlak bij Ter Aar.")]
    [InlineData("Ik had een gesprek over de TLV en het OPP. Daarna ging het beter. We hebben drie weken gewacht op de leerplichtambtenaar.")]
    public void Roles_jargon_the_steunpunts_own_places_and_sentence_starts_are_not_names(string text)
    {
        var proposal = Propose(text);

        Assert.Equal(text, proposal.Parts[0]);
        Assert.Empty(proposal.Findings);
    }

    [Fact]
    public void The_check_of_an_approved_text_reports_what_is_left_and_ignores_placeholders()
    {
        Assert.Empty(Redactor.Check(["De [naam] belde me op [datum].", "De IB-er belde me."], s_known));
        var left = Redactor.Check(["Toen kwam Daan thuis.", "Mail: a@b.nl"], s_known);
        Assert.Contains(left, f => f is { Kind: Redactor.Kind.Naam, Text: "Daan" });
        Assert.Contains(left, f => f.Kind == Redactor.Kind.EmailAdres);
    }
}
