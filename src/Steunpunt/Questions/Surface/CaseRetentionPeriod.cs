using Microsoft.Extensions.Options;

namespace Steunpunt.Questions.Surface;

/// <summary>How long a case keeps its personal part, for pages that tell someone what will happen to the cases.</summary>
public sealed class CaseRetentionPeriod(IOptions<QuestionsOptions> options)
{
    /// <summary>Months after the last activity of a closed case (or after its steunpunt was removed).</summary>
    public int Months => options.Value.KeepCaseMonths;
}
