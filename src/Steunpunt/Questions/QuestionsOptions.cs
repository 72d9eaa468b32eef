using System.ComponentModel.DataAnnotations;

namespace Steunpunt.Questions;

/// <summary>Settings of the Steunen pillar (section "Questions").</summary>
public sealed class QuestionsOptions
{
    public const string Section = "Questions";


    /// <summary>A personal link keeps working this many days after its case was closed.</summary>
    [Range(1, 3650)]
    public int LinkDaysAfterClose { get; set; } = 90;

    /// <summary>A closed case keeps its personal part (who asked, how to reach them, the messages and notes) this many
    /// months after its last activity; then only what the counts need stays. For a removed steunpunt, every case
    /// counts as closed on the day of removal.</summary>
    [Range(1, 240)]
    public int KeepCaseMonths { get; set; } = 12;
}
