using System.ComponentModel.DataAnnotations;

namespace Steunpunt.Questions;

/// <summary>Settings of the Steunen pillar (section "Questions").</summary>
public sealed class QuestionsOptions
{
    public const string Section = "Questions";


    /// <summary>A personal link keeps working this many days after its case was closed.</summary>
    [Range(1, 3650)]
    public int LinkDaysAfterClose { get; set; } = 90;
}
