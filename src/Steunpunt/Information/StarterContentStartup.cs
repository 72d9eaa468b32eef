namespace Steunpunt.Information;

public static class StarterContentStartup
{
    /// <summary>Adds missing starter content and prints the demo accounts it created.</summary>
    public static async Task SeedStarterContentAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var accounts = await scope.ServiceProvider.GetRequiredService<StarterContent>().SeedAsync();
        await app.Services.GetRequiredService<ContentSync>().StartAsync();
        if (accounts.Count > 0)
        {
            // Printed on purpose, once, so whoever starts a demo can sign in.
            Console.WriteLine("Demo accounts (role, e-mail, password):");
            foreach (var line in accounts)
            {
                Console.WriteLine("  " + line);
            }
        }
    }
}
