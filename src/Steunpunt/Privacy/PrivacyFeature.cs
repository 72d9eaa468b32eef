using System.Security.Cryptography;
using Steunpunt.Data;
using Microsoft.AspNetCore.DataProtection;

namespace Steunpunt.Privacy;

public static class PrivacyFeature
{
    /// <summary>Loads the key for confidential text: Privacy:Key (base64, for several instances sharing one
    /// database) or else the key file Privacy:KeyFile (default keys/confidential.key under the content root: beside
    /// the data folder, never in it, so a copy of the data folder holds no key), made on first start. The Data
    /// Protection key ring is encrypted with a key derived from it.</summary>
    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        ProtectedText.UseKey(LoadKey(builder.Configuration, builder.Environment.ContentRootPath));
        builder.Services.AddDataProtection()
            .AddKeyManagementOptions(o => o.XmlEncryptor = new KeyRingEncryptor());
        builder.Services.AddStartupStep("encryption key and sealed values", InstallationKeyStartup.RunAsync);
        builder.Services.AddSingleton<RetentionSweep>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<RetentionSweep>());
    }

    /// <summary>Where the key was read from when that is still the old place inside the data folder.</summary>
    public static string? KeyInsideDataFolder { get; private set; }

    private static byte[] LoadKey(ConfigurationManager configuration, string contentRoot)
    {
        var configured = configuration["Privacy:Key"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Convert.FromBase64String(configured);
        }
        var file = configuration["Privacy:KeyFile"] ?? Path.Combine(contentRoot, "keys", "confidential.key");
        // Earlier versions kept the key inside the data folder, next to the database. It is used where it is (moving it
        // could take it off the volume that is kept), and the start warns until someone moves it.
        var old = Path.Combine(contentRoot, "data", "keys", "confidential.key");
        if (configuration["Privacy:KeyFile"] is null && !File.Exists(file) && File.Exists(old))
        {
            KeyInsideDataFolder = old;
            return File.ReadAllBytes(old);
        }
        if (!File.Exists(file))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            using var stream = new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            stream.Write(RandomNumberGenerator.GetBytes(32));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        return File.ReadAllBytes(file);
    }
}
