using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Steunpunt.Tenancy;

namespace Steunpunt.Questions;

/// <summary>
/// A steunpunt's own standard reply ("sjabloon"): staff insert it into a reply and change what the person needs.
/// Placeholders in braces are filled in when it is inserted, so staff read the real text before they send it.
/// A template holds no case text: it is the steunpunt's wording, readable by all its staff.
/// </summary>
public sealed class ReplyTemplate : ITenantOwned
{
    public const int MaxTitleLength = 100;
    public const int MaxTextLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public string Title { get; set; } = "";
    public string Text { get; set; } = "";
    public DateTimeOffset ChangedAt { get; set; }
    public string ChangedBy { get; set; } = "";
}

public static partial class ReplyTemplates
{
    /// <summary>The placeholders a template may hold, with what each becomes.</summary>
    public static readonly (string Key, string Meaning)[] Placeholders =
    [
        ("{aanhef}", "‘Beste Sanne,’ of, zonder naam, ‘Beste ouder,’ / ‘Beste collega,’; bij een jongere ‘Hoi Sanne,’ of ‘Hoi,’"),
        ("{naam}", "de naam die de vraagsteller gaf (leeg als er geen naam is)"),
        ("{medewerker}", "uw eigen naam"),
        ("{steunpunt}", "de naam van het steunpunt"),
    ];

    /// <summary>Braced words in the text that are not a known placeholder (a typo would reach the person as is).</summary>
    public static IReadOnlyList<string> Unknown(string text) =>
        [.. Braced().Matches(text).Select(m => m.Value).Where(v => !Placeholders.Any(p => p.Key.Equals(v, StringComparison.OrdinalIgnoreCase))).Distinct()];

    public sealed record Context(string PersonName, RequesterRole Role, string StaffName, string Steunpunt);

    public static string Fill(string text, Context c)
    {
        var youth = c.Role == RequesterRole.Jongere;
        var greeting = (youth, c.PersonName.Length > 0) switch
        {
            (true, true) => $"Hoi {c.PersonName},",
            (true, false) => "Hoi,",
            (false, true) => $"Beste {c.PersonName},",
            _ => c.Role == RequesterRole.Professional ? "Beste collega," : "Beste ouder,",
        };
        return Braced().Replace(text, m => m.Value.ToLowerInvariant() switch
        {
            "{aanhef}" => greeting,
            "{naam}" => c.PersonName,
            "{medewerker}" => c.StaffName,
            "{steunpunt}" => c.Steunpunt,
            _ => m.Value,
        });
    }

    [GeneratedRegex(@"\{[^{}\s]{1,30}\}")]
    private static partial Regex Braced();
}

internal sealed class ReplyTemplateConfiguration : IEntityTypeConfiguration<ReplyTemplate>
{
    public void Configure(EntityTypeBuilder<ReplyTemplate> b)
    {
        b.ToTable("ReplyTemplates");
        b.Property(t => t.Title).HasMaxLength(ReplyTemplate.MaxTitleLength);
        b.Property(t => t.Text).HasMaxLength(ReplyTemplate.MaxTextLength);
        b.Property(t => t.ChangedBy).HasMaxLength(200);
        b.HasIndex(t => new { t.TenantId, t.Title }).IsUnique();
    }
}
