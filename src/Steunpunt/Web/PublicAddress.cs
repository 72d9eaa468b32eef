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

    /// <summary>The absolute address of a path the framework made on the national site (Url.Page), at another steunpunt.</summary>
    public string LinkFor(TenantEntry steunpunt, string path) => new Uri(Base(steunpunt), path.TrimStart('/')).ToString();

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

    /// <summary>The national site's home page (where people find another steunpunt), as a link from a steunpunt's
    /// page: beside the steunpunt's path when it is reached by path, else on the installation's public address (a
    /// steunpunt on its own host name has no national site under it).</summary>
    public string NationalHome(HttpRequest request)
    {
        var pathBase = request.PathBase.Value ?? "";
        if (tenant.Value is { } steunpunt && pathBase.EndsWith("/" + steunpunt.Slug, StringComparison.OrdinalIgnoreCase))
        {
            return pathBase[..^(steunpunt.Slug.Length + 1)] + "/";
        }
        return tenant.Value is not null && options.Value.PublicBaseAddress is not null ? Base(null).ToString() : pathBase + "/";
    }

    /// <summary>Host names this installation answers to: its public address, extra names, and (checked separately)
    /// each steunpunt's own.</summary>
    public bool IsInstallationHost(string host) =>
        string.Equals(host, options.Value.PublicBaseAddress?.Host, StringComparison.OrdinalIgnoreCase)
        || options.Value.ExtraHosts.Contains(host, StringComparer.OrdinalIgnoreCase);
}
