using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Steunpunt.Privacy;

/// <summary>
/// The Data Protection key ring (which signs sign-in cookies and antiforgery tokens) lives in the database so that
/// every instance shares it; its secrets are encrypted with a key derived from the confidential-text key, which never
/// goes into the database. A copy of the database alone cannot forge a cookie.
/// </summary>
public sealed class KeyRingEncryptor : IXmlEncryptor
{
    internal const string Purpose = "data-protection-key-ring";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = ProtectedText.Seal(ProtectedText.DeriveKey(Purpose), plain, Purpose);
        var element = new XElement("sealedSecret",
            new XComment(" Encrypted with a key derived from Privacy:Key (or the key file); not stored in the database. "),
            new XElement("value", Convert.ToBase64String(sealedBytes)));
        return new EncryptedXmlInfo(element, typeof(KeyRingDecryptor));
    }
}

/// <summary>Opens key ring secrets sealed by <see cref="KeyRingEncryptor"/>; Data Protection creates it by type name.</summary>
public sealed class KeyRingDecryptor : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var value = encryptedElement.Element("value")?.Value
            ?? throw new InvalidOperationException("A sealed key ring secret has no value.");
        var plain = ProtectedText.Open(ProtectedText.DeriveKey(KeyRingEncryptor.Purpose), Convert.FromBase64String(value), KeyRingEncryptor.Purpose);
        return XElement.Parse(Encoding.UTF8.GetString(plain));
    }
}
