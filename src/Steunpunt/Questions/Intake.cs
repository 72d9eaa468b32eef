using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Tenancy;
using Steunpunt.Web;
using Steunpunt.Web.Mail;

namespace Steunpunt.Questions;

/// <summary>What a person sends through "stel je vraag", already validated.</summary>
public sealed record NewQuestion(
    RequesterRole Role,
    bool Under16,
    string Text,
    ThemeSet ThemeCodes,
    SchoolPhases Phase,
    string Gemeente,
    ContactWay ContactWay,
    string Name,
    string Email,
    string Phone,
    string PhoneWindows,
    bool CallWithHiddenNumber,
    bool NoVoicemail,
    bool HealthConsent);

/// <summary>What the person is shown after sending: their link and code, and when to expect an answer.</summary>
public sealed record Receipt(Guid CaseId, string Token, string Code, DateOnly ReplyDueOn, bool Repeated);

/// <summary>
/// Stores a question durably before anyone says "ontvangen": the case, its first message, the audit entry and
/// the confirmation mail are one transaction. The form's submission key makes a second post of the same form
/// (double click, refresh, a retry after a lost response) return the first receipt instead of a second case.
/// </summary>
public sealed partial class Intake(SteunpuntDb db, CurrentTenant tenant, ReplyClock replyClock, TimeProvider clock,
    MailSender mail, ILogger<Intake> logger)
{
    public async Task<Receipt> SubmitAsync(NewQuestion question, string submissionKey, Func<string, string> conversationUrl,
        CancellationToken ct = default)
    {
        var submission = SubmissionKeys.Submission("question", tenant.Id, submissionKey, question.ToString());
        var submissionHash = SubmissionKeys.Hash(submission);
        var (token, code) = PersonalLink.For(submission);
        // A double click sends the same form twice at once: within one instance the second waits for the first
        // and then finds its case. Across instances the unique index is the backstop.
        var gate = s_gates[(int)(uint.Parse(submissionHash[..8], System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture) % (uint)s_gates.Length)];
        await gate.WaitAsync(ct);
        try
        {
            return await SubmitOnceAsync(question, submissionHash, token, code, conversationUrl, ct);
        }
        finally
        {
            gate.Release();
        }
    }

    private static readonly SemaphoreSlim[] s_gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private async Task<Receipt> SubmitOnceAsync(NewQuestion question, string submissionHash, string token, string code,
        Func<string, string> conversationUrl, CancellationToken ct)
    {
        if (await FindAsync(submissionHash, ct) is { } earlier)
        {
            return earlier with { Token = token, Code = code };
        }

        var now = clock.GetUtcNow();
        var due = await replyClock.DueOnAsync(now, ct);
        var entry = new SupportCase
        {
            ReceivedAt = now,
            Channel = Channel.Formulier,
            RequesterRole = question.Role,
            YouthUnder16 = question.Role == RequesterRole.Jongere && question.Under16,
            ThemeCodes = question.ThemeCodes,
            Phase = question.Phase,
            Sector = Sectors.Of(question.Phase),
            Gemeente = question.Gemeente,
            ContactWay = question.ContactWay,
            ContactName = question.ContactWay == ContactWay.LinkOnly ? "" : question.Name,
            Email = question.ContactWay == ContactWay.Email ? question.Email : "",
            Phone = question.ContactWay == ContactWay.Phone ? question.Phone : "",
            PhoneWindows = question.ContactWay == ContactWay.Phone ? question.PhoneWindows : "",
            CallWithHiddenNumber = question.ContactWay == ContactWay.Phone && question.CallWithHiddenNumber,
            NoVoicemail = question.ContactWay == ContactWay.Phone && question.NoVoicemail,
            HealthConsentAt = question.HealthConsent ? now : null,
            Status = CaseStatus.Open,
            AwaitingStaff = true,
            ReplyDueOn = due,
            FirstDueOn = due,
            LastActivityAt = now,
            LinkHash = PersonalLink.LinkHash(token),
            CodeHash = PersonalLink.CodeHash(code),
            SubmissionHash = submissionHash,
        };
        entry.Messages.Add(new CaseMessage { At = now, Text = question.Text });
        db.Cases.Add(entry);
        db.CaseAudit.Add(new CaseAuditEntry { CaseId = entry.Id, At = now, UserName = CaseWork.Requester, Action = CaseAction.Aangemaakt });
        if (question.ContactWay == ContactWay.Email)
        {
            var name = tenant.Value?.Name ?? "Steunpunt";
            // A young person reads "je", a parent or professional "u".
            string T(string u, string je) => question.Role == RequesterRole.Jongere ? je : u;
            db.QueueMail(tenant.Id, name, question.Email, T($"Uw vraag is ontvangen door {name}", $"Je vraag is ontvangen door {name}"),
                $"""
                Hallo,

                {T("We hebben uw vraag ontvangen. U krijgt uiterlijk", "We hebben je vraag ontvangen. Je krijgt uiterlijk")} {Dutch.Date(due)} antwoord.

                {T("U leest ons antwoord via uw persoonlijke link", "Je leest ons antwoord via je persoonlijke link")}:
                {conversationUrl(token)}

                {T($"Of ga naar {conversationUrl("")} en vul uw code in", $"Of ga naar {conversationUrl("")} en vul je code in")}: {code}

                {T("In deze mail staat uw vraag niet, en ook later sturen we nooit uw vraag of ons antwoord per mail.",
                   "In deze mail staat je vraag niet, en ook later sturen we nooit je vraag of ons antwoord per mail.")}
                {T("Zo blijft het tussen u en het steunpunt.", "Zo blijft het tussen jou en het steunpunt.")}

                Met vriendelijke groet,
                {name}
                """, now);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
        {
            // The same form arrived twice at once and the other request stored it first.
            if (await FindAfterRaceAsync(submissionHash) is { } raced)
            {
                return raced with { Token = token, Code = code };
            }
            throw;
        }
        QuestionsLog.QuestionReceived(logger, entry.Id, entry.TenantId);
        if (question.ContactWay == ContactWay.Email)
        {
            mail.Wake();
        }
        return new Receipt(entry.Id, token, code, due, Repeated: false);
    }

    /// <summary>
    /// "Stuur mij de link": mails the personal link and code of a question just asked to an address typed on the
    /// confirmation. The address is used for this one mail and kept nowhere else; the mail row loses it once sent.
    /// The link and code must belong together and to a question of this steunpunt. Returns the reply date, or null.
    /// </summary>
    public async Task<DateOnly?> SendLinkAsync(string token, string code, string email, bool youth, Func<string, string> conversationUrl,
        CancellationToken ct)
    {
        if (!SubmissionKeys.LooksValid(token) || PersonalLink.CodeHash(code) is not { } codeHash)
        {
            return null;
        }
        var link = PersonalLink.LinkHash(token);
        var found = await db.Cases.AsNoTracking().Where(c => c.LinkHash == link && c.CodeHash == codeHash)
            .Select(c => new { c.ReplyDueOn }).SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return null;
        }
        var name = tenant.Value?.Name ?? "Steunpunt";
        string T(string u, string je) => youth ? je : u;
        db.QueueMail(tenant.Id, name, email, T($"Uw persoonlijke link bij {name}", $"Je persoonlijke link bij {name}"),
            $"""
            Hallo,

            {T("U vroeg ons om de link naar uw gesprek met het steunpunt.", "Je vroeg ons om de link naar je gesprek met het steunpunt.")}

            {T("Uw persoonlijke link", "Je persoonlijke link")}:
            {conversationUrl(token)}

            {T($"Of ga naar {conversationUrl("")} en vul uw code in", $"Of ga naar {conversationUrl("")} en vul je code in")}: {code}

            {T("Iedereen met deze link kan uw gesprek lezen. Deel hem dus niet.", "Iedereen met deze link kan je gesprek lezen. Deel hem dus niet.")}
            {T("In deze mail staat uw vraag niet. Dit e-mailadres bewaren wij niet.", "In deze mail staat je vraag niet. Dit e-mailadres bewaren wij niet.")}

            Met vriendelijke groet,
            {name}
            """, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        mail.Wake();
        return found.ReplyDueOn ?? default;
    }

    private async Task<Receipt?> FindAsync(string submissionHash, CancellationToken ct) =>
        await db.Cases.AsNoTracking().Where(c => c.SubmissionHash == submissionHash)
            .Select(c => new Receipt(c.Id, "", "", c.ReplyDueOn ?? default, true)).SingleOrDefaultAsync(ct);

    private async Task<Receipt?> FindAfterRaceAsync(string submissionHash)
    {
        db.ChangeTracker.Clear();
        return await FindAsync(submissionHash, CancellationToken.None);
    }
}
