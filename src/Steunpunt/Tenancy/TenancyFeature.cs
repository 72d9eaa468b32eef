namespace Steunpunt.Tenancy;

public static class TenancyFeature
{
    public static void AddTenancy(this WebApplicationBuilder builder)
    {
        builder.Services.AddMemoryCache();
        builder.Services.AddScoped<CurrentTenant>();
        builder.Services.AddSingleton<TenantDirectory>();
        builder.Services.AddScoped<SteunpuntFinder>();
    }

    public static void UseTenancy(this WebApplication app) => app.UseMiddleware<TenantResolution>();
}
