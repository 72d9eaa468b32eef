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
