using Microsoft.EntityFrameworkCore;
using Steunpunt.Data;
using Steunpunt.Privacy;
using Steunpunt.Web;
using Steunpunt.Web.Mail;

namespace Steunpunt.Questions;

public static class QuestionsFeature
{
    public static void AddQuestions(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<QuestionsOptions>().BindConfiguration(QuestionsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        builder.Services.AddScoped<AbuseLimits>();
        // Counts per address are needed for the current hour only.
        builder.Services.AddRetentionRule("address counts", (services, now, ct) =>
            services.GetRequiredService<SteunpuntDb>().AddressCounts.Where(c => c.Window < (now.ToUnixTimeSeconds() / 3600) - 1).ExecuteDeleteAsync(ct));
        builder.Services.AddScoped<FormGuard>();
        builder.Services.AddSingleton<LastKnown.Store>();
        builder.Services.AddScoped<LastKnown>();
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailSender>());
        builder.Services.AddScoped<ReplyClock>();
        builder.Services.AddScoped<Intake>();
        builder.Services.AddScoped<CaseWork>();
    }
}
