using System.ComponentModel.DataAnnotations;

namespace Steunpunt.Web;

/// <summary>The guards of every anonymous form (section "Forms"): how fast a person can be, and how much one address
/// may send or try per hour.</summary>
public sealed class FormLimitsOptions
{
    public const string Section = "Forms";

    /// <summary>A form sent sooner than this after it was opened is asked to be checked and sent again (bots fill
    /// forms in milliseconds).</summary>
    [Range(0, 60)]
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>Questions, stories and mailed links one address may send per hour.</summary>
    [Range(1, 100000)]
    public int SubmissionsPerAddressPerHour { get; set; } = 10;

    /// <summary>"Was dit nuttig?" answers one address may give per hour (a school or library shares one address).</summary>
    [Range(1, 100000)]
    public int VotesPerAddressPerHour { get; set; } = 30;

    /// <summary>The longest text one anonymous form takes (a question, a reply, a story's answers together).</summary>
    [Range(100, 100000)]
    public int MaxTextLength { get; set; } = 10000;

    /// <summary>Attempts to open a conversation (link or code) one address may make per hour.</summary>
    [Range(1, 100000)]
    public int LookupsPerAddressPerHour { get; set; } = 60;
}
