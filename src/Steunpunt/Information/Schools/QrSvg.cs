using System.Globalization;
using System.Net;
using System.Text;
using QRCoder;

namespace Steunpunt.Information.Schools;

/// <summary>
/// A QR code as inline SVG, drawn here from QRCoder's module matrix: one path of black squares, no styles (the CSP
/// allows no inline style) and no service elsewhere. Sharp at any print size.
/// </summary>
public static class QrSvg
{
    public static string Render(string url, string label)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                if (matrix[y][x])
                {
                    path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
                }
            }
        }
        // QRCoder's matrix already holds the quiet zone (four modules) around the code.
        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{WebUtility.HtmlEncode(label)}\" shape-rendering=\"crispEdges\">" +
            $"<rect width=\"{size}\" height=\"{size}\" fill=\"#ffffff\"/><path fill=\"#000000\" d=\"{path}\"/></svg>";
    }
}
