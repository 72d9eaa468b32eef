using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Steunpunt.Tenancy;
using Steunpunt.Web;

namespace Steunpunt.Information.Api;

/// <summary>
/// Makes the API description the visited site's own: its name, its address as the server (from configuration, never
/// from the Host header), and on the national site without the contact path, which only a steunpunt has.
/// </summary>
internal sealed class SiteDocument(CurrentTenant tenant, PublicAddress address) : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var site = tenant.Value?.Name ?? "Ouder- en jeugdsteunpunten passend onderwijs";
        document.Info.Title = $"{site}: informatie";
        document.Info.Description = "De gepubliceerde informatie van deze site: thema's, antwoorden (landelijk en uit de regio), begrippen"
            + (tenant.IsNational ? "." : " en contact.") + " Alleen lezen.";
        document.Servers = [new OpenApiServer { Url = address.Base(tenant.Value).ToString().TrimEnd('/') }];
        if (tenant.IsNational)
        {
            document.Paths.Remove(InformationApi.ContactPath);
        }
        return Task.CompletedTask;
    }
}
