using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;

namespace Steunpunt.National.Experts;

/// <summary>The expert group's shared queue of questions from every steunpunt, in lists.</summary>
public sealed class QueueModel(SteunpuntDb db) : PageModel
{
    public static readonly IReadOnlyList<(string Key, string Label)> Lists =
    [
        ("nieuw", "Nieuw"),
        ("mijn", "Bij mij"),
        ("open", "Alle open vragen"),
        ("breder", "Speelt breder"),
        ("beantwoord", "Beantwoord"),
    ];

    public sealed record Row(Guid Id, string Title, string Steunpunt, Pillar Pillar, ExpertQuestionStatus Status, string? TakenBy, bool PlaysWider, DateTimeOffset LastActivityAt);

    public string List { get; private set; } = "nieuw";
    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyDictionary<string, int> Counts { get; private set; } = new Dictionary<string, int>();

    public async Task OnGetAsync(string? lijst, CancellationToken ct)
    {
        List = Lists.Any(l => l.Key == lijst) ? lijst! : "nieuw";
        var me = ExpertDesk.Person.Of(User).Id;
        var questions = db.Set<ExpertQuestion>().AsNoTracking();
        IQueryable<ExpertQuestion> Filter(string key) => key switch
        {
            "nieuw" => questions.Where(q => q.Status == ExpertQuestionStatus.Nieuw),
            "mijn" => questions.Where(q => q.TakenById == me && q.Status != ExpertQuestionStatus.Beantwoord),
            "open" => questions.Where(q => q.Status != ExpertQuestionStatus.Beantwoord),
            "breder" => questions.Where(q => q.PlaysWider),
            _ => questions.Where(q => q.Status == ExpertQuestionStatus.Beantwoord),
        };
        var counts = new Dictionary<string, int>();
        foreach (var (key, _) in Lists)
        {
            counts[key] = await Filter(key).CountAsync(ct);
        }
        Counts = counts;
        Rows = await (from q in Filter(List)
                      join t in db.Tenants on q.SteunpuntId equals t.Id
                      orderby q.LastActivityAt descending
                      select new Row(q.Id, q.Title, t.Name, q.Pillar, q.Status, q.TakenByName, q.PlaysWider, q.LastActivityAt))
            .Take(200).ToListAsync(ct);
    }
}
