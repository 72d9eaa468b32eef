namespace Steunpunt.Seeding;

public sealed class SeedOptions
{
    public const string Section = "Seed";

    /// <summary>Add the two demo steunpunten and their demo accounts on first start: on in Development
    /// (appsettings.Development.json), off otherwise, so a real installation never gets accounts with a printed password.</summary>
    public bool Demo { get; set; }

    /// <summary>The e-mail address of the first national administrator ("Landelijk beheer"). While no account has that
    /// role, one is made for this address at start-up and an invitation to choose a password is mailed, so an
    /// installation is set up without touching the database.</summary>
    public string? AdminEmail { get; set; }

    /// <summary>Password for the demo accounts; a random one is made (and printed) when empty.</summary>
    public string? DemoPassword { get; set; }
}
