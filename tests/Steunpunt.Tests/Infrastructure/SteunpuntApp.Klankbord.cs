using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Steunpunt.Data;
using Steunpunt.Information.Editing;
using Steunpunt.Information.Klankbord;
using Steunpunt.Information.Workflow;
using Steunpunt.Tenancy;

namespace Steunpunt.Tests.Infrastructure;

/// <summary>Intent methods for the klankbord: drafts, members, their one-time links and sign-in.</summary>
public sealed partial class SteunpuntApp
{
    /// <summary>A draft of a new FAQ item at the steunpunt, as the editor pages save one.</summary>
    public async Task<ContentDraft> AddDraftAsync(TestTenant tenant, string question, string explanation = "", DraftState state = DraftState.Concept)
    {
        var fields = new FaqInput { Question = question, ShortAnswer = "Dat regelt de school met u.", Explanation = explanation, ThemeCode = "T07" };
        var subject = Guid.CreateVersion7();
        var draft = new ContentDraft
        {
            TenantId = tenant.Id,
            Subject = DraftSubject.Item,
            SubjectId = subject,
            OpenKey = state < DraftState.Gepubliceerd ? ContentDraft.KeyOf(tenant.Id, DraftSubject.Item, subject) : null,
            Title = question,
            FieldsJson = Drafts.Serialize(fields),
            State = state,
            WrittenBy = "Redactie",
        };
        await WithDbAsync(tenant.Id, async db =>
        {
            db.Add(draft);
            await db.SaveChangesAsync();
        });
        return draft;
    }

    /// <summary>Sends a draft to a panel, as the editor's page does (without the mail).</summary>
    public Task ShareDraftAsync(TestTenant tenant, Guid draftId, Panel panel) =>
        WithDbAsync(tenant.Id, async db =>
        {
            db.Add(new DraftShare { DraftId = draftId, Panel = panel, SharedAt = DateTimeOffset.UtcNow, SharedBy = "Redactie" });
            await db.SaveChangesAsync();
        });

    /// <summary>A member of the steunpunt's panel (without an invitation mail) and a fresh one-time link for them.</summary>
    public async Task<(Guid Member, string Email, string Token)> AddPanelMemberAsync(TestTenant tenant, Panel panel, string? name = null)
    {
        var email = $"lid-{Guid.NewGuid():N}@test.example";
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(new TenantEntry(tenant.Id, tenant.Slug, tenant.Name, []));
        var db = scope.ServiceProvider.GetRequiredService<SteunpuntDb>();
        var member = new PanelMember { TenantId = tenant.Id, Name = name ?? "Lid " + email[4..10], Email = email, EmailHash = Panels.EmailHash(email), Panel = panel, InvitedAt = DateTimeOffset.UtcNow };
        db.Add(member);
        var token = scope.ServiceProvider.GetRequiredService<PanelLinks>().Issue(member, PanelLinks.SignInValid);
        await db.SaveChangesAsync();
        return (member.Id, email, token);
    }

    /// <summary>Opens the one-time link and presses "Inloggen"; returns the response of that button.</summary>
    public static async Task<HttpResponseMessage> UsePanelLinkAsync(HttpClient client, string linkPath)
    {
        var page = await client.GetAsync(linkPath);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        return await client.PostAsync(linkPath, FormFrom(await page.Content.ReadAsStringAsync()));
    }

    /// <summary>A member signed in through their link (a new member of the panel unless given).</summary>
    public async Task<(HttpClient Client, Guid Member)> SignInAsPanelMemberAsync(TestTenant tenant, Panel panel, HttpClient? client = null)
    {
        var (member, _, token) = await AddPanelMemberAsync(tenant, panel);
        client ??= Anonymous();
        var response = await UsePanelLinkAsync(client, tenant.Path($"/klankbord/link/{token}"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return (client, member);
    }

    /// <summary>The path of the one-time link in a mail (its address is the installation's).</summary>
    public static string PanelLinkIn(string mailText)
    {
        var match = Regex.Match(mailText, @"https?://[^\s/]+(?<path>/\S*/klankbord/link/[A-Za-z0-9_-]{22})");
        Assert.True(match.Success, mailText);
        return match.Groups["path"].Value;
    }
}
