namespace Steunpunt.Web.Mail;

/// <summary>Section "Mail". With no Host, mails are written as .eml files to PickupFolder (the embedded default,
/// so the app runs offline); with a Host, they go out over SMTP.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary>None, StartTls (default when a Host is set) or SslOnConnect.</summary>
    public string Security { get; set; } = "StartTls";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string FromAddress { get; set; } = "noreply@steunpunt.example";
    /// <summary>Default: data/mail under the content root.</summary>
    public string? PickupFolder { get; set; }
    /// <summary>How often the worker looks for mail to send.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);
}
