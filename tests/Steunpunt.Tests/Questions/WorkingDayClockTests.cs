using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Steunpunt.Questions;
using Steunpunt.Tenancy;
using Steunpunt.Tests.Infrastructure;

namespace Steunpunt.Tests.Questions;

public sealed class WorkingDayClockTests(Apps apps) : IClassFixture<Apps>
{
    private static readonly (DateOnly From, DateOnly To)[] s_none = [];

    [Theory]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2028, 4, 16)]
    [InlineData(2030, 4, 21)]
    [InlineData(2035, 3, 25)]
    public void Easter_falls_on_the_known_dates(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), WorkingDays.EasterSunday(year));

    [Theory]
    [InlineData("2026-01-01", true)]   // Nieuwjaarsdag
    [InlineData("2026-04-06", true)]   // Tweede Paasdag
    [InlineData("2026-04-03", false)]  // Goede Vrijdag: not a general day off
    [InlineData("2026-04-27", true)]   // Koningsdag
    [InlineData("2025-04-26", true)]   // Koningsdag on Saturday 26 April, as 27 April 2025 is a Sunday
    [InlineData("2026-05-05", false)]  // Bevrijdingsdag outside a lustrum year
    [InlineData("2025-05-05", true)]   // Bevrijdingsdag in a lustrum year
    [InlineData("2026-05-14", true)]   // Hemelvaartsdag
    [InlineData("2026-05-25", true)]   // Tweede Pinksterdag
    [InlineData("2026-12-25", true)]
    [InlineData("2026-12-28", false)]
    public void Dutch_public_holidays_are_known(string date, bool holiday) =>
        Assert.Equal(holiday, WorkingDays.IsPublicHoliday(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("2026-11-23", 3, "2026-11-26")] // Monday + 3 working days = Thursday
    [InlineData("2026-11-27", 3, "2026-12-02")] // Friday: the weekend does not count
    [InlineData("2026-11-28", 3, "2026-12-02")] // Saturday: Monday is the first day
    [InlineData("2026-12-23", 3, "2026-12-29")] // Wednesday: Thursday 24, (Christmas, weekend), Monday 28, Tuesday 29
    [InlineData("2026-04-02", 3, "2026-04-08")] // Thursday before Easter: Good Friday counts, Easter Monday does not
    [InlineData("2026-05-13", 1, "2026-05-15")] // the day before Ascension
    public void Reply_deadline_skips_weekends_and_holidays(string received, int days, string due) =>
        Assert.Equal(DateOnly.Parse(due, System.Globalization.CultureInfo.InvariantCulture),
            WorkingDays.DueOn(DateOnly.Parse(received, System.Globalization.CultureInfo.InvariantCulture), days, s_none));

    [Fact]
    public void Reply_deadline_skips_the_steunpunts_own_closures()
    {
        (DateOnly, DateOnly)[] autumnBreak = [(new DateOnly(2026, 11, 24), new DateOnly(2026, 11, 25))];
        Assert.Equal(new DateOnly(2026, 11, 30), WorkingDays.DueOn(new DateOnly(2026, 11, 23), 3, autumnBreak));
    }

    [Fact]
    public void A_question_late_on_Friday_evening_in_Amsterdam_counts_from_that_Friday()
    {
        // 22:30 UTC on Friday 27 November is 23:30 in Amsterdam: still Friday. 23:30 UTC is Saturday there.
        Assert.Equal(new DateOnly(2026, 11, 27), WorkingDays.DutchDate(new DateTimeOffset(2026, 11, 27, 22, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 11, 28), WorkingDays.DutchDate(new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2026, 7, 1), WorkingDays.DutchDate(new DateTimeOffset(2026, 6, 30, 22, 30, 0, TimeSpan.Zero))); // summer time
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task The_clock_uses_the_steunpunts_reply_time_and_closures_from_the_database(string provider)
    {
        var app = await apps.ForAsync(provider);
        var tenant = await app.CreateTenantAsync();
        await app.WithDbAsync(tenant.Id, async db =>
        {
            (await db.Tenants.SingleAsync(t => t.Id == tenant.Id)).ReplyWorkingDays = 2;
            db.Closures.Add(new Closure { From = new DateOnly(2026, 12, 28), To = new DateOnly(2027, 1, 1), Reason = "Kerstvakantie" });
            await db.SaveChangesAsync();
        });

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 24, 9, 0, 0, TimeSpan.Zero));
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentTenant>().Set(new TenantEntry(tenant.Id, tenant.Slug, tenant.Name, []));
        var clock = ActivatorUtilities.CreateInstance<ReplyClock>(scope.ServiceProvider, (TimeProvider)time);

        // Thursday 24 December: 25/26 Christmas, the weekend, a closed week, 1 January: due Tuesday 5 January.
        Assert.Equal(new DateOnly(2027, 1, 5), await clock.DueOnAsync(time.GetUtcNow()));
        time.Advance(TimeSpan.FromDays(14));
        Assert.Equal(new DateOnly(2027, 1, 11), await clock.DueOnAsync(time.GetUtcNow())); // Thursday 7 Jan + 2 = Monday 11
    }
}
