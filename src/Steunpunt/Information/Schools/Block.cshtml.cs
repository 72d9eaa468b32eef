using Microsoft.AspNetCore.OutputCaching;
using Steunpunt.Web;

namespace Steunpunt.Information.Schools;

/// <summary>The block a school shows on its own website in a frame: contact, opening hours and top questions. The one
/// page any site may frame; it has no form and sets no cookie.</summary>
[OutputCache(PolicyName = WebFeature.PublicPages)]
[FramableAnywhere]
public sealed class BlockModel(SchoolKit kit) : SchoolKitPage(kit);
