using Steunpunt.Privacy;
using Steunpunt.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Web.Mail;

namespace Steunpunt.Questions;

public static class QuestionsFeature
{
    public static void AddQuestions(this WebApplicationBuilder builder)
    {
        // Who may open which page of Steunen: anyone asks and reads their own conversation (the link or code is the
        // key); staff of this steunpunt work the inbox; the audit log is for its coordinator.
        // PostConfigure: AddRazorPages (in AddWeb) makes a fresh convention collection when it sets up its options.
        builder.Services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AllowAnonymousToFolder("/Questions/Ask").SteunpuntOnlyFolder("/Questions/Ask");
            o.Conventions.AllowAnonymousToFolder("/Questions/Conversation").SteunpuntOnlyFolder("/Questions/Conversation");
            o.Conventions.AuthorizeFolder("/Questions/Inbox", Accounts.Policies.WorksHere);
            o.Conventions.AuthorizePage("/Questions/Inbox/Audit", Accounts.Policies.CoordinatesHere);
        });
        builder.Services.AddOptions<QuestionsOptions>().BindConfiguration(QuestionsOptions.Section)
            .ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);
        builder.Services.AddSingleton<MailSender>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<MailSender>());
        builder.Services.AddScoped<ReplyClock>();
        builder.Services.AddScoped<Intake>();
        builder.Services.AddScoped<CaseWork>();
        builder.Services.AddScoped<Surface.CaseCounts>();
        builder.Services.AddScoped<Surface.ReplyDeadlines>();
        builder.Services.AddSingleton<Surface.CaseRetentionPeriod>();
        builder.Services.AddRetentionRule("personal part of cases", (services, now, ct) =>
            CaseRetention.AnonymiseDueAsync(services.GetRequiredService<Data.SteunpuntDb>(),
                TimeSpan.FromDays(30.44 * services.GetRequiredService<Microsoft.Extensions.Options.IOptions<QuestionsOptions>>().Value.KeepCaseMonths), now, ct));
    }
}
