using Steunpunt.Data;

namespace Steunpunt.Seeding;

/// <summary>
/// What ships with the product, put in the database at start when this build or the national rows changed since the
/// last start (<see cref="StarterRelease"/>): the roles, the themes, the national information set (FAQ, glossary,
/// everyday words); and, in a demo, two demo steunpunten with their accounts. Seeding is
/// composition, like Program.cs: it may write every feature's tables; no feature depends on it.
/// </summary>
public static class SeedingSetup
{
    /// <summary>Added before the features, so its start-up step runs before theirs (the search index needs the content).</summary>
    public static void AddSeeding(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddScoped<StarterContent>();
        builder.Services.AddStartupStep("starter content", async (services, ct) =>
        {
            var accounts = await services.GetRequiredService<StarterContent>().SeedAsync(ct);
            if (accounts.Count > 0)
            {
                // Printed on purpose, once, so whoever starts a demo can sign in.
                Console.WriteLine("Demo accounts (role, e-mail, password):");
                foreach (var line in accounts)
                {
                    Console.WriteLine("  " + line);
                }
            }
        });
    }
}
