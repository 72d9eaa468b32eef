using System.ComponentModel.DataAnnotations;

namespace Steunpunt.Questions;

/// <summary>Settings of the Steunen pillar (section "Questions").</summary>
public sealed class QuestionsOptions
{
    public const string Section = "Questions";

    [Range(100, 100000)]
    public int MaxTextLength { get; set; } = 10000;

    /// <summary>A personal link keeps working this many days after its case was closed.</summary>
    [Range(1, 3650)]
    public int LinkDaysAfterClose { get; set; } = 90;
}
