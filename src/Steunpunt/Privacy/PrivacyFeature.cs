using System.Security.Cryptography;

namespace Steunpunt.Privacy;

public static class PrivacyFeature
{
    /// <summary>Loads the key for confidential text: Privacy:Key (base64, for several instances sharing one
    /// database) or else the key file Privacy:KeyFile (default data/keys/confidential.key), made on first start.</summary>
    public static void AddPrivacy(this WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Privacy:Key"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            ProtectedText.UseKey(Convert.FromBase64String(configured));
            return;
        }
        var file = builder.Configuration["Privacy:KeyFile"]
            ?? Path.Combine(builder.Environment.ContentRootPath, "data", "keys", "confidential.key");
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
        ProtectedText.UseKey(File.ReadAllBytes(file));
    }
}
