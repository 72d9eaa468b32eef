using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Information.Surface;
using Steunpunt.Tenancy;

using Steunpunt.Web;

namespace Steunpunt.Questions.Inbox;

/// <summary>One case for the steunpunt's staff: the conversation, a reply box, internal notes and the fields.</summary>
public sealed class CaseModel(CaseWork work, SteunpuntDb db, CurrentTenant tenant, PublicAddress address, ThemeNames themeNames,
    AnswerLinks answerLinks) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Reply { get; set; }

    [BindProperty]
    public string? Note { get; set; }

    [BindProperty]
    public string? AssignTo { get; set; }

    [BindProperty]
    public string? CallNote { get; set; }

    [BindProperty]
    public Guid? TemplateId { get; set; }

    [BindProperty]
    public string? AnswerQuery { get; set; }

    [BindProperty]
    public string? LinkTo { get; set; }

    public IReadOnlyList<ReplyTemplate> Templates { get; private set; } = [];

    /// <summary>What "Antwoord zoeken" found; null before a search.</summary>
    public IReadOnlyList<AnswerLinks.Answer>? Answers { get; private set; }

    /// <summary>What was just put into the reply, said once to screen readers and sighted staff alike.</summary>
    public string? Inserted { get; private set; }

    [BindProperty]
    public FieldsInput Fields { get; set; } = new();

    public SupportCase? Case { get; private set; }
    public IReadOnlyList<Theme> Themes { get; private set; } = [];
    public IReadOnlyList<string> Gemeenten { get; private set; } = [];
    public IReadOnlyList<(string Id, string Name)> Colleagues { get; private set; } = [];

    public sealed class FieldsInput
    {
        public RequesterRole RequesterRole { get; set; }
        public Channel Channel { get; set; }
        public List<string> Themes { get; set; } = [];
        public SchoolPhases Phase { get; set; }
        public string? Gemeente { get; set; }
        public List<HelpGiven> Help { get; set; } = [];
        [StringLength(300, ErrorMessage = "‘Doorverwezen naar’ is te lang: hoogstens 300 tekens.")]
        public string? ReferredTo { get; set; }
        public List<Knelpunten> Knelpunten { get; set; } = [];
        [Range(0, 100000, ErrorMessage = "Vul de bestede tijd in minuten in, 0 of meer.")]
        public int MinutesSpent { get; set; }
        public Outcome Outcome { get; set; }
    }

    private CaseWork.Staff Me => CaseWork.Staff.From(User);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReplyAsync(CancellationToken ct)
    {
        var text = FormGuard.Clean(Reply);
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(Reply), "Schrijf eerst een antwoord.");
            return await AgainAsync(ct);
        }
        var page = address.Link(Url.Page("/Questions/Conversation/Conversation")!);
        return await work.ReplyAsync(Id, Me, text, page, ct) ? Done() : NotFound();
    }

    /// <summary>Puts the chosen template, its placeholders filled in, below what was typed so far.</summary>
    public async Task<IActionResult> OnPostTemplateAsync(CancellationToken ct)
    {
        if (!await ShowAsync(ct))
        {
            return NotFound();
        }
        var template = Templates.FirstOrDefault(t => t.Id == TemplateId);
        if (template is null)
        {
            ModelState.AddModelError(nameof(TemplateId), "Kies een sjabloon uit de lijst.");
            return Again();
        }
        var c = Case!;
        var filled = ReplyTemplates.Fill(template.Text, new ReplyTemplates.Context(c.ContactName, c.RequesterRole, Me.Name, tenant.Value?.Name ?? ""));
        return Insert(filled, $"Sjabloon ‘{template.Title}’ staat in uw antwoord. Lees het na en pas het aan.");
    }

    /// <summary>Finds published answers on the steunpunt's site to link to; what was typed in the reply stays.</summary>
    public async Task<IActionResult> OnPostFindAnswerAsync(CancellationToken ct)
    {
        if (!await ShowAsync(ct))
        {
            return NotFound();
        }
        if (string.IsNullOrWhiteSpace(AnswerQuery))
        {
            ModelState.AddModelError(nameof(AnswerQuery), "Typ een paar woorden om een antwoord op de site te zoeken.");
            return Again();
        }
        Answers = await answerLinks.FindAsync(AnswerQuery, 8, ct);
        return Page();
    }

    /// <summary>Puts the question and the web address of a published answer below what was typed so far.</summary>
    public async Task<IActionResult> OnPostInsertLinkAsync(CancellationToken ct)
    {
        if (!await ShowAsync(ct))
        {
            return NotFound();
        }
        if (await answerLinks.BySlugAsync(LinkTo, ct) is not { } answer)
        {
            ModelState.AddModelError(nameof(AnswerQuery), "Dit antwoord staat niet (meer) op de site. Zoek opnieuw.");
            return Again();
        }
        var link = address.Link(Url.Page("/Information/Articles/Article", new { slug = answer.Slug })!);
        return Insert($"{answer.Question}\n{link}", $"De link naar ‘{answer.Question}’ staat in uw antwoord.");
    }

    private PageResult Insert(string text, string said)
    {
        var typed = (Reply ?? "").TrimEnd();
        Reply = typed.Length == 0 ? text : $"{typed}\n\n{text}";
        ModelState.Remove(nameof(Reply));
        Inserted = said;
        return Page();
    }

    private PageResult Again()
    {
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    public async Task<IActionResult> OnPostNoteAsync(CancellationToken ct)
    {
        var text = FormGuard.Clean(Note);
        if (text.Length == 0)
        {
            ModelState.AddModelError(nameof(Note), "Schrijf eerst een notitie.");
            return await AgainAsync(ct);
        }
        return await work.AddNoteAsync(Id, Me, text, ct) ? Done() : NotFound();
    }

    public async Task<IActionResult> OnPostCalledBackAsync(CancellationToken ct) =>
        await work.CalledBackAsync(Id, Me, FormGuard.Clean(CallNote), ct) is null ? NotFound() : Done();

    public async Task<IActionResult> OnPostAssignAsync(CancellationToken ct)
    {
        CaseWork.Staff? to = null;
        if (!string.IsNullOrEmpty(AssignTo))
        {
            var colleague = (await ColleaguesAsync()).FirstOrDefault(c => c.Id == AssignTo);
            if (colleague.Id is null)
            {
                return NotFound();
            }
            to = new CaseWork.Staff(colleague.Id, colleague.Name);
        }
        return await work.AssignAsync(Id, Me, to, ct) ? Done() : NotFound();
    }

    public async Task<IActionResult> OnPostFieldsAsync(CancellationToken ct)
    {
        if (!GemeenteChoice.IsAllowed(Fields.Gemeente, await GemeenteChoice.ServedAsync(db, ct)))
        {
            ModelState.AddModelError("Fields.Gemeente", GemeenteChoice.Refusal);
        }
        if (!ModelState.IsValid)
        {
            return await AgainAsync(ct);
        }
        var f = Fields;
        var themes = ThemeSet.Of(f.Themes);
        return await work.UpdateAsync(Id, Me, c =>
        {
            c.RequesterRole = f.RequesterRole;
            c.Channel = f.Channel;
            c.ThemeCodes = themes;
            c.Phase = f.Phase;
            c.Sector = Sectors.Of(f.Phase);
            c.Gemeente = f.Gemeente ?? "";
            c.HelpGiven = f.Help.Aggregate(HelpGiven.None, (a, b) => a | b);
            c.ReferredTo = (f.ReferredTo ?? "").Trim();
            c.Knelpunten = f.Knelpunten.Aggregate(Questions.Knelpunten.None, (a, b) => a | b);
            c.MinutesSpent = f.MinutesSpent;
            c.Outcome = f.Outcome;
        }, ct) ? Done() : NotFound();
    }

    public async Task<IActionResult> OnPostCloseAsync(CancellationToken ct) => await work.CloseAsync(Id, Me, ct) ? Done() : NotFound();

    public async Task<IActionResult> OnPostReopenAsync(CancellationToken ct) => await work.ReopenAsync(Id, Me, ct) ? Done() : NotFound();

    private RedirectToPageResult Done() => RedirectToPage(new { id = Id });

    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        if (!await ShowAsync(ct))
        {
            return NotFound();
        }
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> ShowAsync(CancellationToken ct)
    {
        Case = await work.ReadAsync(Id, Me, ct);
        if (Case is null)
        {
            return false;
        }
        Response.Headers.CacheControl = "no-store";
        Themes = await themeNames.AllAsync(ct);
        Gemeenten = await GemeenteChoice.ServedAsync(db, ct);
        Colleagues = await ColleaguesAsync();
        Templates = await db.ReplyTemplates.AsNoTracking().OrderBy(t => t.Title).ToListAsync(ct);
        if (Request.Method == HttpMethods.Get || !Request.Query["handler"].ToString().Equals("Fields", StringComparison.OrdinalIgnoreCase))
        {
            Fields = new FieldsInput
            {
                RequesterRole = Case.RequesterRole,
                Channel = Case.Channel,
                Themes = [.. Case.ThemeCodes],
                Phase = Case.Phase,
                Gemeente = Case.Gemeente,
                Help = [.. CaseLabels.Help.Where(h => Case.HelpGiven.HasFlag(h.Value)).Select(h => h.Value)],
                ReferredTo = Case.ReferredTo,
                Knelpunten = [.. CaseLabels.Bottlenecks.Where(k => Case.Knelpunten.HasFlag(k.Value)).Select(k => k.Value)],
                MinutesSpent = Case.MinutesSpent,
                Outcome = Case.Outcome,
            };
        }
        return true;
    }

    private async Task<IReadOnlyList<(string Id, string Name)>> ColleaguesAsync() =>
        [.. (await db.TeamAsync(tenant.Id)).Where(t => t.Roles.Contains(Policies.Staff)).Select(t => (t.User.Id, t.User.DisplayName))];
}
