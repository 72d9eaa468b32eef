namespace Steunpunt.Web;

/// <summary>
/// Marks a page that other sites may show in a frame (<c>frame-ancestors *</c> instead of <c>'none'</c>, and no
/// X-Frame-Options). Only for pages without forms, cookies or anything personal: the block a school puts on its website.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class FramableAnywhereAttribute : Attribute;
