using Steunpunt.Signals.Reports;

namespace Steunpunt.Signals;

public static class SignalsFeature
{
    public static void AddSignals(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SignalsOptions>().BindConfiguration(SignalsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<BoardReport>();
    }
}
