using Microsoft.Extensions.Options;
using Steunpunt.Tenancy;

namespace Steunpunt.Web;

/// <summary>
/// The address of a steunpunt as people should use it: its own host name when it has one, else the installation's
/// public address with the steunpunt's path. Made from configuration only, so a forged Host header can never put a
/// link of someone else's choosing into a mail or a receipt.
/// </summary>
public sealed class PublicAddress(IOptions<WebOptions> options, CurrentTenant tenant)
{
    /// <summary>The absolute address of a path the framework made for this steunpunt (Url.Page), e.g.
    /// "/rivierenland/gesprek/abc" or "/gesprek/abc": the steunpunt's own path prefix is replaced by its address.</summary>
    public string Link(string path)
    {
        var relative = path;
        if (tenant.Value is { } steunpunt)
        {
            var prefix = "/" + steunpunt.Slug;
            if (relative.Equals(prefix, StringComparison.OrdinalIgnoreCase)
                || relative.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase) || relative.StartsWith(prefix + "?", StringComparison.OrdinalIgnoreCase))
            {
                relative = relative[prefix.Length..];
            }
        }
        return new Uri(Base(tenant.Value), relative.TrimStart('/')).ToString();
    }

    public Uri Base(TenantEntry? steunpunt)
    {
        var installation = options.Value.PublicBaseAddress ?? throw new InvalidOperationException("Web:PublicBaseAddress is not set.");
        if (steunpunt is null)
        {
            return new Uri(installation.GetLeftPart(UriPartial.Authority) + installation.AbsolutePath.TrimEnd('/') + "/");
        }
        if (steunpunt.Hosts.Count > 0)
        {
            // The steunpunt's own name, with the installation's scheme and (non-default) port.
            var builder = new UriBuilder(installation.Scheme, steunpunt.Hosts[0], installation.IsDefaultPort ? -1 : installation.Port, "/");
            return builder.Uri;
        }
        return new Uri(installation.GetLeftPart(UriPartial.Authority) + installation.AbsolutePath.TrimEnd('/') + $"/{steunpunt.Slug}/");
    }

    /// <summary>Host names this installation answers to: its public address, extra names, and (checked separately)
    /// each steunpunt's own.</summary>
    public bool IsInstallationHost(string host) =>
        string.Equals(host, options.Value.PublicBaseAddress?.Host, StringComparison.OrdinalIgnoreCase)
        || options.Value.ExtraHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
}
