using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Tenancy;
using Steunpunt.Web;
using Steunpunt.Web.Mail;

namespace Steunpunt.National.Experts;

/// <summary>
/// The work on questions to the expert group: a steunpunt's team asks and replies, an expert takes a question, answers
/// and may mark it as playing more widely. Whoever is waiting gets a mail that says only that there is something new
/// and where to read it, as parents get.
/// </summary>
public sealed class ExpertDesk(SteunpuntDb db, TimeProvider clock, TenantDirectory directory, PublicAddress address, MailSender mail)
{
    public const int MaxText = 8000;

    public sealed record Person(string Id, string Name)
    {
        public static Person Of(ClaimsPrincipal user) =>
            new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.FindFirstValue("name") is { Length: > 0 } name ? name : user.Identity?.Name ?? "");
    }

    /// <summary>Why a question text cannot be sent, in plain Dutch, or null: not empty, not too long, and no obvious
    /// personal details (the expert group is about the steunpunt, never about a child).</summary>
    public static string? Problem(string text)
    {
        if (text.Length == 0)
        {
            return "Schrijf je vraag of antwoord op.";
        }
        if (text.Length > MaxText)
        {
            return $"De tekst is te lang: hoogstens {MaxText} tekens.";
        }
        return Privacy.PersonalDetails.Obvious(text) is { } found
            ? $"Er staat {found} in de tekst. Haal dat weg: de expertgroep helpt met het steunpunt, niet met een kind of gezin."
            : null;
    }

    /// <summary>The questions of one steunpunt, newest activity first.</summary>
    public IQueryable<ExpertQuestion> OfSteunpunt(Guid steunpuntId) =>
        db.Set<ExpertQuestion>().Where(q => q.SteunpuntId == steunpuntId).OrderByDescending(q => q.LastActivityAt);

    public Task<ExpertQuestion?> FindAsync(Guid id, CancellationToken ct) =>
        db.Set<ExpertQuestion>().Include(q => q.Messages.OrderBy(m => m.At)).SingleOrDefaultAsync(q => q.Id == id, ct);

    public async Task<ExpertQuestion> AskAsync(Guid steunpuntId, Person asker, string title, Pillar pillar, string text, bool mayName, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var question = new ExpertQuestion
        {
            SteunpuntId = steunpuntId,
            AskedById = asker.Id,
            AskedByName = asker.Name,
            Title = title,
            Pillar = pillar,
            MayName = mayName,
            AskedAt = now,
            LastActivityAt = now,
        };
        question.Messages.Add(new ExpertMessage { QuestionId = question.Id, AuthorName = asker.Name, Text = text, At = now });
        db.Add(question);
        await db.SaveChangesAsync(ct);
        return question;
    }

    /// <summary>The team adds to its question; a question that was answered is open again for the expert.</summary>
    public async Task ReplyAsTeamAsync(ExpertQuestion question, Person who, string text, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.Add(new ExpertMessage { QuestionId = question.Id, AuthorName = who.Name, Text = text, At = now });
        question.LastActivityAt = now;
        if (question.Status == ExpertQuestionStatus.Beantwoord)
        {
            question.Status = question.TakenById is null ? ExpertQuestionStatus.Nieuw : ExpertQuestionStatus.InBehandeling;
        }
        if (question.TakenById is { } expertId && await db.Users.Where(u => u.Id == expertId).Select(u => u.Email).SingleOrDefaultAsync(ct) is { } email)
        {
            db.QueueMail(null, "Steunpunt (landelijk)", email, "Een reactie op een vraag aan de expertgroep",
                $"""
                Het steunpunt heeft gereageerd op een vraag die jij behandelt.

                Lees de reactie na het inloggen:
                {address.Link("/expertgroep/vraag/" + question.Id)}

                Deze mail zegt niet wat er staat: de vraag blijft in de app.
                """, now);
        }
        await db.SaveChangesAsync(ct);
        mail.Wake();
    }

    public async Task TakeAsync(ExpertQuestion question, Person expert, CancellationToken ct)
    {
        (question.TakenById, question.TakenByName) = (expert.Id, expert.Name);
        if (question.Status == ExpertQuestionStatus.Nieuw)
        {
            question.Status = ExpertQuestionStatus.InBehandeling;
        }
        question.LastActivityAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    /// <summary>An expert's answer: the question counts as answered, and the one who asked gets a mail without content.</summary>
    public async Task AnswerAsync(ExpertQuestion question, Person expert, string text, string threadPath, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        db.Add(new ExpertMessage { QuestionId = question.Id, ByExpert = true, AuthorName = expert.Name, Text = text, At = now });
        question.TakenById ??= expert.Id;
        question.TakenByName ??= expert.Name;
        question.Status = ExpertQuestionStatus.Beantwoord;
        question.LastActivityAt = now;
        var steunpunt = (await directory.GetAsync(ct)).BySlug.Values.FirstOrDefault(t => t.Id == question.SteunpuntId);
        var email = await db.Users.Where(u => u.Id == question.AskedById).Select(u => u.Email).SingleOrDefaultAsync(ct);
        if (steunpunt is not null && email is not null)
        {
            db.QueueMail(null, "Expertgroep passend onderwijs", email, "Er is een antwoord van de expertgroep",
                $"""
                De expertgroep heeft gereageerd op de vraag die je stelde.

                Lees het antwoord na het inloggen:
                {address.LinkFor(steunpunt, threadPath)}

                Deze mail zegt niet wat er staat: het antwoord blijft in de app.
                """, now);
        }
        await db.SaveChangesAsync(ct);
        mail.Wake();
    }

    public async Task MarkWiderAsync(ExpertQuestion question, bool wider, CancellationToken ct)
    {
        question.PlaysWider = wider;
        await db.SaveChangesAsync(ct);
    }
}
