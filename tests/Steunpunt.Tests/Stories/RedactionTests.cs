using Steunpunt.Stories;

namespace Steunpunt.Tests.Stories;

public sealed class RedactionTests
{
    private static readonly string[] s_schools = ["De Regenboog", "Het Baken College"];
    private static readonly string[] s_organisations = ["Wijkteam Zandvliet", "Jeugdzorg Plus"];

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
        var proposal = Redactor.Propose(text, s_schools, s_organisations);

        Assert.DoesNotContain(detail, proposal.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(label, proposal.Text, StringComparison.Ordinal);
        Assert.Contains(proposal.Findings, f => string.Equals(f.Text, detail, StringComparison.OrdinalIgnoreCase) && label.Contains(f.Kind, StringComparison.Ordinal));
    }

    [Fact]
    public void Ordinary_words_jargon_and_sentence_starts_stay()
    {
        const string text = "Ik had een gesprek over de TLV en het OPP. Daarna ging het beter. We hebben drie weken gewacht op de leerplichtambtenaar.";

        var proposal = Redactor.Propose(text, s_schools, s_organisations);

        Assert.Equal(text, proposal.Text);
        Assert.Empty(proposal.Findings);
    }
}
