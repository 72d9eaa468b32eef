using Steunpunt.Tenancy;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Steunpunt.Signals.Reports;

namespace Steunpunt.Signals;

public static class SignalsFeature
{
    public static void AddSignals(this WebApplicationBuilder builder)
    {
        // Staff keep the signal register, the board reads reports, and anyone reads what was done with the signals.
        // PostConfigure: AddRazorPages (in AddWeb) makes a fresh convention collection when it sets up its options.
        builder.Services.PostConfigure<RazorPagesOptions>(o =>
        {
            o.Conventions.AuthorizeFolder("/Signals/Reports", Accounts.Policies.ReadsReports);
            o.Conventions.AuthorizeFolder("/Signals/Register", Accounts.Policies.WorksHere);
            o.Conventions.AllowAnonymousToFolder("/Signals/Feedback").SteunpuntOnlyFolder("/Signals/Feedback");
        });
        builder.Services.AddOptions<SignalsOptions>().BindConfiguration(SignalsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<BoardReport>();
        builder.Services.AddScoped<Surface.SignalCycle>();
    }
}
