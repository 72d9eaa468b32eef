namespace Steunpunt.Information;

public static class InformationFeature
{
    public static void AddInformation(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ContentRenderer>();
        builder.Services.AddScoped<InformationCatalog>();
        builder.Services.AddScoped<SteunpuntProfile>();
        builder.Services.AddScoped<PageGlossary>();
        builder.Services.AddScoped<ContentChanges>();
        builder.Services.AddScoped<StarterContent>();
        builder.Services.AddSingleton<ContentSync>();
        builder.Services.AddSingleton<Search.SearchIndex>();
        builder.Services.AddScoped<Search.SiteSearch>();
        builder.Services.AddOptions<Search.SearchOptions>().BindConfiguration(Search.SearchOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<Search.SearchLimits>();
        builder.Services.AddHostedService<ContentChangeWatcher>();
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddStarterContentStep();
    }
}

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Add the two demo steunpunten and their demo accounts on first start: on in Development
    /// (appsettings.Development.json), off otherwise, so a real installation never gets accounts with a printed password.</summary>
    public bool Demo { get; set; }

    /// <summary>Password for the demo accounts; a random one is made (and printed) when empty.</summary>
    public string? DemoPassword { get; set; }
}
