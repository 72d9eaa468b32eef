using System.ComponentModel.DataAnnotations;

namespace Steunpunt.Web;

/// <summary>Settings of the public face of the installation (section "Web").</summary>
public sealed class WebOptions
{
    public const string Section = "Web";

    /// <summary>Where the installation is reached, e.g. https://steunpunten.example.nl. Links in mails and on receipts
    /// are made from it (or from a steunpunt's own host name), never from the Host header of a request. Requests for
    /// any other host name are refused outside Development.</summary>
    [Required(ErrorMessage = "Set Web:PublicBaseAddress to the address people use, e.g. https://steunpunten.example.nl.")]
    public Uri? PublicBaseAddress { get; set; }

    /// <summary>Cookies only over HTTPS. Default: on outside Development.</summary>
    public bool? SecureCookies { get; set; }

    /// <summary>Reverse proxies (IP addresses) whose X-Forwarded-For and X-Forwarded-Proto are believed.</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of reverse proxies, in CIDR notation (10.0.0.0/8).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>More host names the installation answers to (e.g. an old name); the steunpunten's own host names
    /// count already.</summary>
    public string[] ExtraHosts { get; set; } = [];
}
