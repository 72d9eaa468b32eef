using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Schools;

[OutputCache(PolicyName = WebFeature.PublicPages)]
public sealed class PosterModel(SchoolKit kit) : SchoolKitPage(kit);
