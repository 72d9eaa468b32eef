using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Steunpunt.Accounts;
using Steunpunt.Data;
using Steunpunt.Information;
using Steunpunt.Information.Search;
using Steunpunt.Tenancy;

namespace Steunpunt.Seeding;

/// <summary>
/// The content that ships with the product: the 16 themes, the national FAQ set and glossary, and (unless
/// Seed:Demo is false) two demo steunpunten with demo accounts. Themes, everyday words and demo steunpunten are added
/// once, when missing; national items and terms are kept in step with the release unless someone edited them.
/// </summary>
public sealed class StarterContent(SteunpuntDb db, CurrentTenant current, UserManager<SteunpuntUser> users,
    RoleManager<IdentityRole> roles, IOptions<SeedOptions> options, TenantDirectory directory, ILogger<StarterContent> log,
    Invitations invitations, Web.PublicAddress address, LinkGenerator links, TimeProvider clock)
{
    private static readonly JsonSerializerOptions s_json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
        ReadCommentHandling = JsonCommentHandling.Skip,
    };

    public static T Load<T>(string name)
    {
        var assembly = typeof(StarterContent).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return JsonSerializer.Deserialize<T>(stream, s_json) ?? throw new InvalidDataException(name);
    }

    /// <summary>Takes over the shipped set when it or the national rows changed since the last start (see
    /// <see cref="FingerprintAsync"/>), invites the first administrator, adds the demo; returns lines describing demo
    /// accounts that were created.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(CancellationToken ct = default)
    {
        var release = await db.Set<StarterRelease>().SingleOrDefaultAsync(r => r.Id == 1, ct);
        if (release?.Fingerprint != await FingerprintAsync(ct))
        {
            await SyncReleaseAsync(ct);
            release ??= db.Set<StarterRelease>().Add(new StarterRelease()).Entity;
            (release.Fingerprint, release.AppliedAt) = (await FingerprintAsync(ct), clock.GetUtcNow());
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException e) when (!DatabaseFaults.IsOutage(e))
            {
                // Another instance started at the same moment and stored the row: it synced the same release.
                db.ChangeTracker.Clear();
            }
        }
        await InviteFirstAdministratorAsync(ct);

        var accounts = new List<string>();
        if (options.Value.Demo && !await db.Tenants.AnyAsync(ct))
        {
            var password = string.IsNullOrEmpty(options.Value.DemoPassword)
                ? "Demo-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()
                : options.Value.DemoPassword;
            foreach (var demo in Load<List<DemoSteunpunt>>("demo-steunpunten.json"))
            {
                var tenantId = await AddDemoAsync(demo, ct);
                accounts.Add(await EnsureAccountAsync(demo.EditorEmail, "Redacteur " + demo.Name, [Policies.Editor], tenantId, password, $"/{demo.Slug}/beheer"));
                var domain = demo.EditorEmail[(demo.EditorEmail.IndexOf('@', StringComparison.Ordinal) + 1)..];
                accounts.Add(await EnsureAccountAsync($"coordinator@{domain}", "Coördinator " + demo.Name, [Policies.Staff, Policies.Coordinator], tenantId, password,
                    $"/{demo.Slug}/postvak, set up two-step sign-in on first use"));
                var swv = await db.Set<Partnership>().IgnoreQueryFilters().Where(p => p.TenantId == tenantId).OrderBy(p => p.Sector).FirstAsync(ct);
                accounts.Add(await EnsureAccountAsync($"bestuur@{domain}", "Bestuurder " + swv.Name, [Policies.Board], tenantId, password,
                    $"/{demo.Slug}/rapportage, board of {swv.Name}", swv.Id));
            }
            accounts.Add(await EnsureAccountAsync("landelijk@steunpunt.example", "Landelijke redactie", [Policies.NationalEditor], null, password, "/beheer"));
            accounts.Add(await EnsureAccountAsync("beheer@steunpunt.example", "Landelijk beheer", [Policies.NationalAdmin], null, password,
                "/beheer/steunpunten, set up two-step sign-in on first use"));
            accounts.Add(await EnsureAccountAsync("ministerie@steunpunt.example", "Ministerie", [Policies.Ministry], null, password,
                "/beheer/monitor, set up two-step sign-in on first use"));
            accounts.Add(await EnsureAccountAsync("expert@steunpunt.example", "Expertgroep", [Policies.Expert], null, password,
                "/expertgroep, set up two-step sign-in on first use"));
            await AddDemoExpertiseAsync(ct);
            directory.Invalidate();
        }
        return accounts;
    }

    /// <summary>The shipped set as this release has it: roles, themes, and the national items, terms and everyday words
    /// (added when missing, corrected when nobody edited them; see <see cref="SyncAsync{T}"/>).</summary>
    private async Task SyncReleaseAsync(CancellationToken ct)
    {
        foreach (var role in Policies.AllRoles)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        // The themes belong to the product (no page edits them): names and intros follow the release.
        var themes = await db.Themes.ToDictionaryAsync(t => t.Code, ct);
        foreach (var theme in Load<List<Theme>>("themes.json"))
        {
            if (themes.TryGetValue(theme.Code, out var row))
            {
                (row.Slug, row.Name, row.Intro, row.YouthIntro) = (theme.Slug, theme.Name, theme.Intro, theme.YouthIntro);
            }
            else
            {
                db.Themes.Add(theme);
            }
        }
        await db.SaveChangesAsync(ct);
        await SyncNationalItemsAsync(ct);
        await SyncNationalTermsAsync(ct);
        if (!await db.SearchSynonyms.IgnoreQueryFilters().AnyAsync(s => s.TenantId == null, ct))
        {
            foreach (var word in Load<List<WordSeed>>("everyday-words.json"))
            {
                db.SearchSynonyms.Add(new SearchSynonym { TenantId = null, Word = word.Word, Means = word.Means });
            }
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>
    /// The shipped set of this build together with the national set as the database holds it now. A start skips the
    /// sync only when both are what the last sync left: a new build (new files, or code that reads them otherwise),
    /// or national rows changed since (edited, removed by hand, or rewritten by an older build during a rollback)
    /// make it run again.
    /// </summary>
    public async Task<string> FingerprintAsync(CancellationToken ct)
    {
        var items = await db.FaqItems.IgnoreQueryFilters().Where(f => f.TenantId == null && f.Layer == ContentLayer.Item)
            .Select(f => f.UpdatedAt).ToListAsync(ct);
        var terms = await db.GlossaryTerms.IgnoreQueryFilters().Where(t => t.TenantId == null).Select(t => t.UpdatedAt).ToListAsync(ct);
        var state = string.Join('|',
            items.Count, items.Count == 0 ? 0 : items.Max().UtcTicks,
            terms.Count, terms.Count == 0 ? 0 : terms.Max().UtcTicks,
            await db.Themes.CountAsync(ct), await db.Roles.CountAsync(ct),
            await db.SearchSynonyms.IgnoreQueryFilters().CountAsync(w => w.TenantId == null, ct));
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(ReleaseFingerprint() + "|" + state)));
    }

    /// <summary>What the shipped set consists of: this build (its code reads the files) and its starter files.</summary>
    public static string ReleaseFingerprint()
    {
        var assembly = typeof(StarterContent).Assembly;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(assembly.ManifestModule.ModuleVersionId.ToByteArray());
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', Policies.AllRoles)));
        foreach (var name in s_releaseFiles)
        {
            var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + name, StringComparison.Ordinal));
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            hash.AppendData(bytes.GetBuffer(), 0, (int)bytes.Length);
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }

    private static readonly string[] s_releaseFiles = ["themes.json", "national-faq.json", "glossary.json", "everyday-words.json"];

    /// <summary>The expertise network's demo: a knowledge-base item, a webinar in three weeks and a published practice
    /// example of the first demo steunpunt.</summary>
    private async Task AddDemoExpertiseAsync(CancellationToken ct)
    {
        var now = DateTimeOffset.UtcNow;
        db.Add(new National.Knowledge.KnowledgeItem
        {
            Slug = "hoe-richt-je-een-klankbordgroep-van-ouders-in",
            Title = "Hoe richt je een klankbordgroep van ouders in?",
            Question = "We willen dat ouders meelezen met onze informatie. Hoe vinden we ouders, en hoe houden we de groep actief?",
            Answer = "Begin klein: vier tot zes ouders is genoeg. Vraag ouders die al contact hadden met het steunpunt, en ouders via de ouderraad van scholen.\n\nSpreek af hoe vaak jullie samenkomen (bijvoorbeeld vier keer per jaar) en geef ouders iets concreets om te lezen. Laat daarna zien wat jullie met hun reactie deden.",
            Pillar = Pillar.Informeren,
            WrittenBy = "Expertgroep",
            PublishedAt = now,
            UpdatedAt = now,
        });
        var start = Dutch.StartOf(DateOnly.FromDateTime(now.UtcDateTime.AddDays(21))).AddHours(15).AddMinutes(30);
        db.Add(new National.Webinars.Webinar
        {
            Title = "Signaleren: van losse verhalen naar een rapportage voor het bestuur",
            Pillar = Pillar.Signaleren,
            Description = "Hoe bundel je ervaringen van ouders en jongeren zo, dat het bestuur er iets mee kan? Met voorbeelden van twee steunpunten.",
            StartsAt = start,
            Minutes = 60,
            RoomUrl = "https://vergaderen.example/expertgroep-signaleren",
            MaxParticipants = 100,
            PlannedBy = "Expertgroep",
        });
        if (await db.Tenants.OrderBy(t => t.Slug).FirstOrDefaultAsync(ct) is { } first)
        {
            db.Add(new National.Practice.PracticeExample
            {
                SteunpuntId = first.Id,
                SteunpuntName = first.Name,
                Title = "Een inloopspreekuur in de bibliotheek",
                Situation = "Ouders wisten ons niet te vinden. Veel ouders bellen niet graag met een onbekende organisatie.",
                WhatWeDid = "Eens per maand zitten twee medewerkers op woensdagmiddag in de bibliotheek. Scholen noemen het in hun nieuwsbrief.",
                WhatWorked = "Ouders lopen binnen terwijl hun kind een boek zoekt. Na een half jaar kwamen er vier tot acht ouders per keer.",
                WhatDidNot = "Een avondspreekuur trok bijna niemand.",
                WhatItTook = "Vier uur per maand voor twee medewerkers. De bibliotheek vraagt geen huur.",
                Pillar = Pillar.Steunen,
                Sector = Sector.PO,
                RegionSize = National.Practice.RegionSize.Middel,
                Status = National.Practice.PracticeStatus.Gepubliceerd,
                SubmittedAt = now,
                PublishedAt = now,
                UpdatedAt = now,
            });
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>While nobody administers the installation, the configured address (Seed:AdminEmail) is invited to.</summary>
    private async Task InviteFirstAdministratorAsync(CancellationToken ct)
    {
        if (options.Value.AdminEmail is not { Length: > 0 } email || (await users.GetUsersInRoleAsync(Policies.NationalAdmin)).Count > 0)
        {
            return;
        }
        var result = await invitations.InviteAsync("Landelijk beheer", email.Trim(), [Policies.NationalAdmin], null, null, "Steunpunt (landelijk)",
            (to, token) => new Uri(address.Base(null), (links.GetPathByPage("/Accounts/SignIn/SetPassword", values: new { email = to, token }) ?? "").TrimStart('/')).ToString(), ct);
        StarterLog.AdministratorInvited(log, result);
    }

    /// <summary>
    /// Adds national items that are missing, and corrects shipped items nobody has edited since they were added: a
    /// later release can fix the law in every installation, while an edit by a national editor always stands.
    /// </summary>
    private Task SyncNationalItemsAsync(CancellationToken ct) => SyncAsync("item",
        db.FaqItems.IgnoreQueryFilters().Where(f => f.TenantId == null && f.Layer == ContentLayer.Item),
        Load<List<FaqSeed>>("national-faq.json").Select(s => s.ToItem(null)), Fingerprint, (row, shipped) =>
        {
            (row.ThemeCode, row.Audience, row.Phases, row.Question, row.ShortAnswer) = (shipped.ThemeCode, shipped.Audience, shipped.Phases, shipped.Question, shipped.ShortAnswer);
            (row.Explanation, row.WhatYouCanDo, row.WhoToGoTo) = (shipped.Explanation, shipped.WhatYouCanDo, shipped.WhoToGoTo);
            (row.Sources, row.TermChoices, row.LastReviewedOn, row.Status) = (shipped.Sources, shipped.TermChoices, shipped.LastReviewedOn, shipped.Status);
        }, ct);

    private Task SyncNationalTermsAsync(CancellationToken ct) => SyncAsync("term",
        db.GlossaryTerms.IgnoreQueryFilters().Where(t => t.TenantId == null),
        Load<List<GlossarySeed>>("glossary.json").Select(s => s.ToTerm(null)), Fingerprint, (row, shipped) =>
        {
            (row.Term, row.Abbreviation, row.Aliases, row.Definition) = (shipped.Term, shipped.Abbreviation, shipped.Aliases, shipped.Definition);
            (row.Explanation, row.Outdated, row.Status, row.LastReviewedOn) = (shipped.Explanation, shipped.Outdated, shipped.Status, shipped.LastReviewedOn);
        }, ct);

    private async Task SyncAsync<T>(string what, IQueryable<T> national, IEnumerable<T> release, Func<T, string> fingerprint, Action<T, T> copy,
        CancellationToken ct) where T : class, IShipped
    {
        var rows = await national.ToDictionaryAsync(r => r.Slug, ct);
        var (added, corrected) = (0, 0);
        foreach (var shipped in release)
        {
            var hash = fingerprint(shipped);
            if (!rows.TryGetValue(shipped.Slug, out var row))
            {
                shipped.SeededHash = hash;
                db.Add(shipped);
                added++;
                continue;
            }
            if (row.SeededHash == hash)
            {
                continue;
            }
            // Untouched: the text is still what was shipped; rows from before fingerprints were never saved again.
            if (!(row.SeededHash is null ? row.UpdatedAt == row.CreatedAt : fingerprint(row) == row.SeededHash))
            {
                StarterLog.EditedKept(log, what, row.Slug);
                continue;
            }
            copy(row, shipped);
            row.SeededHash = hash;
            corrected++;
        }
        await db.SaveChangesAsync(ct);
        if (added + corrected > 0)
        {
            StarterLog.Synced(log, what + "s", added, corrected);
        }
    }

    /// <summary>What an edit would change: the text, its classification, sources, status and check date.</summary>
    public static string Fingerprint(FaqItem f) => Hash(f.ThemeCode, f.Audience.ToString(), ((int)f.Phases).ToString(CultureInfo.InvariantCulture),
        f.Question, f.ShortAnswer, f.Explanation, f.WhatYouCanDo, f.WhoToGoTo, f.Sources, f.TermChoices, f.Status.ToString(),
        f.LastReviewedOn.ToString("O", CultureInfo.InvariantCulture));

    public static string Fingerprint(GlossaryTerm t) => Hash(t.Term, t.Abbreviation ?? "", t.Aliases ?? "", t.Definition, t.Explanation,
        t.Outdated.ToString(), t.Status.ToString(), t.LastReviewedOn.ToString("O", CultureInfo.InvariantCulture));

    private static string Hash(params string[] parts) =>
        Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\u001f', parts))))[..32];

    private async Task<string> EnsureAccountAsync(string email, string name, string[] roles, Guid? tenantId, string password, string where,
        Guid? partnershipId = null)
    {
        var user = new SteunpuntUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, TenantId = tenantId, PartnershipId = partnershipId };
        var result = await users.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
        await users.AddToRolesAsync(user, roles);
        return $"{roles[^1],-15} {email,-40} {password}   (sign in at {where})";
    }

    private async Task<Guid> AddDemoAsync(DemoSteunpunt demo, CancellationToken ct)
    {
        var tenant = new Tenant
        {
            Slug = demo.Slug,
            Name = demo.Name,
            Hosts = demo.Hosts,
            Phone = demo.Phone,
            Email = demo.Email,
            Address = demo.Address,
            Welcome = demo.Welcome,
            ReplyWorkingDays = demo.ReplyWorkingDays,
        };
        tenant.Partnerships.AddRange(demo.Partnerships.Select(p => new Partnership { Name = p.Name, Code = p.Code, Sector = Enum.Parse<Sector>(p.Sector) }));
        tenant.Gemeenten.AddRange(demo.Gemeenten.Select(g => new ServedGemeente { Name = g }));
        tenant.Schools.AddRange(demo.Schools.Select(s => new School { Name = s.Name, Gemeente = s.Gemeente }));
        db.Tenants.Add(tenant);
        await db.SaveChangesAsync(ct);

        var previous = current.Value;
        current.Set(new TenantEntry(tenant.Id, tenant.Slug, tenant.Name, []));
        try
        {
            foreach (var h in demo.Hours)
            {
                db.OpeningHours.Add(new OpeningHours { Day = h.Day, Opens = TimeOnly.Parse(h.Opens, Dutch.Culture), Closes = TimeOnly.Parse(h.Closes, Dutch.Culture), Note = h.Note });
            }
            foreach (var c in demo.Closures)
            {
                db.Closures.Add(new Closure { From = c.From, To = c.To, Reason = c.Reason });
            }
            foreach (var o in demo.Organisations)
            {
                db.Organisations.Add(new Organisation
                {
                    Name = o.Name,
                    Kind = o.Kind,
                    Description = o.Description,
                    Gemeenten = string.Join('|', o.Gemeenten),
                    Phone = o.Phone,
                    Email = o.Email,
                    Website = o.Website,
                    LastReviewedOn = demo.Reviewed,
                });
            }
            foreach (var p in demo.Pages)
            {
                db.RegionalPages.Add(new RegionalPage { Kind = p.Kind, Title = p.Title, Body = p.Body, LastReviewedOn = demo.Reviewed });
            }
            var national = await db.FaqItems.Where(f => f.TenantId == null).ToDictionaryAsync(f => f.Slug, ct);
            foreach (var layer in demo.Layers)
            {
                var target = national[layer.National];
                var row = new FaqItem
                {
                    TenantId = tenant.Id,
                    NationalItemId = target.Id,
                    Layer = layer.Layer,
                    Slug = target.Slug,
                    ThemeCode = target.ThemeCode,
                    Audience = target.Audience,
                    Phases = target.Phases,
                    Status = ContentStatus.Published,
                    LastReviewedOn = demo.Reviewed,
                };
                if (layer.Layer == ContentLayer.Supplement)
                {
                    row.Supplement = layer.Text ?? "";
                }
                else if (layer.Layer == ContentLayer.Override && layer.Item is { } replacement)
                {
                    row.Question = replacement.Question;
                    row.ShortAnswer = replacement.Answer;
                    row.Explanation = replacement.Explanation;
                    row.WhatYouCanDo = replacement.Todo;
                    row.WhoToGoTo = replacement.Who;
                }
                db.FaqItems.Add(row);
            }
            foreach (var item in demo.Items)
            {
                db.FaqItems.Add(item.ToItem(tenant.Id));
            }
            foreach (var term in demo.Terms)
            {
                db.GlossaryTerms.Add(term.ToTerm(tenant.Id));
            }
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            current.Set(previous);
        }
        StarterLog.DemoAdded(log, tenant.Slug);
        return tenant.Id;
    }

    public sealed record FaqSeed(string Slug, string Theme, Audience Audience, string Phases, string Question, string Answer,
        string Explanation, string Todo, string Who, DateOnly Reviewed, List<SourceSeed>? Sources = null, Dictionary<string, string?>? Terms = null)
    {
        public FaqItem ToItem(Guid? tenantId) => new()
        {
            TenantId = tenantId,
            Slug = Slug,
            ThemeCode = Theme,
            Audience = Audience,
            Phases = string.IsNullOrEmpty(Phases) ? SchoolPhases.None : Enum.Parse<SchoolPhases>(Phases),
            Question = Question,
            ShortAnswer = Answer,
            Explanation = Explanation,
            WhatYouCanDo = Todo,
            WhoToGoTo = Who,
            Sources = SourceList.Format((Sources ?? []).Select(s => new Source(s.Title, new Uri(s.Url)))),
            TermChoices = string.Join('\n', (Terms ?? []).Select(t => $"{t.Key} = {t.Value ?? "-"}")),
            Status = ContentStatus.Published,
            LastReviewedOn = Reviewed,
        };
    }

    public sealed record SourceSeed(string Title, string Url);
    public sealed record WordSeed(string Word, string Means);

    public sealed record GlossarySeed(string Slug, string Term, string? Abbr, string? Aliases, string Definition,
        string? Explanation, bool Outdated, DateOnly Reviewed)
    {
        public GlossaryTerm ToTerm(Guid? tenantId) => new()
        {
            TenantId = tenantId,
            Slug = Slug,
            Term = Term,
            Abbreviation = Abbr,
            Aliases = Aliases,
            Definition = Definition,
            Explanation = Explanation ?? "",
            Outdated = Outdated,
            Status = ContentStatus.Published,
            LastReviewedOn = Reviewed,
        };
    }

    public sealed record DemoSteunpunt(string Slug, string Name, string? Hosts, string? Phone, string? Email, string? Address,
        string? Welcome, int ReplyWorkingDays, string EditorEmail, DateOnly Reviewed,
        List<DemoPartnership> Partnerships, List<string> Gemeenten, List<DemoSchool> Schools, List<DemoHours> Hours,
        List<DemoClosure> Closures, List<DemoOrganisation> Organisations, List<DemoPage> Pages, List<DemoLayer> Layers,
        List<FaqSeed> Items, List<GlossarySeed> Terms);

    public sealed record DemoPartnership(string Name, string? Code, string Sector);
    public sealed record DemoSchool(string Name, string Gemeente);
    public sealed record DemoHours(DayOfWeek Day, string Opens, string Closes, string Note);
    public sealed record DemoClosure(DateOnly From, DateOnly To, string Reason);
    public sealed record DemoOrganisation(string Name, string Kind, string Description, List<string> Gemeenten, string? Phone, string? Email, string? Website);
    public sealed record DemoPage(RegionalPageKind Kind, string Title, string Body);
    public sealed record DemoLayer(string National, ContentLayer Layer, string? Text, DemoReplacement? Item);
    public sealed record DemoReplacement(string Question, string Answer, string Explanation, string Todo, string Who);
}

internal static partial class StarterLog
{
    [LoggerMessage(EventId = 1104, Level = LogLevel.Information, Message = "First national administrator invited: {Result}")]
    public static partial void AdministratorInvited(ILogger logger, Invitations.Result result);

    [LoggerMessage(EventId = 1102, Level = LogLevel.Information, Message = "Starter content: national {What}: {Added} added, {Corrected} corrected")]
    public static partial void Synced(ILogger logger, string what, int added, int corrected);

    [LoggerMessage(EventId = 1103, Level = LogLevel.Information, Message = "Starter content: national {What} {Slug} was edited here, so the shipped text does not replace it")]
    public static partial void EditedKept(ILogger logger, string what, string slug);

    [LoggerMessage(EventId = 1101, Level = LogLevel.Information, Message = "Demo steunpunt {Slug} added")]
    public static partial void DemoAdded(ILogger logger, string slug);
}
