using System.ComponentModel.DataAnnotations;

namespace Steunpunt.Questions;

/// <summary>Settings of the Steunen pillar (section "Questions").</summary>
public sealed class QuestionsOptions
{
    public const string Section = "Questions";

    /// <summary>A form sent sooner than this after it was opened is asked to be checked and sent again (bots fill
    /// forms in milliseconds).</summary>
    [Range(0, 60)]
    public int MinimumFillSeconds { get; set; } = 3;

    /// <summary>Questions (and stories) one address may send per hour.</summary>
    [Range(1, 100000)]
    public int SubmissionsPerAddressPerHour { get; set; } = 10;

    /// <summary>Attempts to open a conversation (link or code) one address may make per hour.</summary>
    [Range(1, 100000)]
    public int LookupsPerAddressPerHour { get; set; } = 60;

    [Range(100, 100000)]
    public int MaxTextLength { get; set; } = 10000;

    /// <summary>A personal link keeps working this many days after its case was closed.</summary>
    [Range(1, 3650)]
    public int LinkDaysAfterClose { get; set; } = 90;
}
