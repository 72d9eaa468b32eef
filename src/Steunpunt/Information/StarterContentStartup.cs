using Steunpunt.Data;

namespace Steunpunt.Information;

public static class StarterContentStartup
{
    /// <summary>A start-up step: adds missing starter content, prints the demo accounts it created, and builds the
    /// search index.</summary>
    public static IServiceCollection AddStarterContentStep(this IServiceCollection collection) =>
        collection.AddStartupStep("starter content and search index", async (services, ct) =>
        {
            var accounts = await services.GetRequiredService<StarterContent>().SeedAsync(ct);
            await services.GetRequiredService<ContentSync>().StartAsync(ct);
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
