using System.Net.Mail;

namespace Steunpunt.Questions;

/// <summary>Checks on how people ask to be reached.</summary>
public static class ContactDetails
{
    public static bool IsEmail(string? value)
    {
        var email = (value ?? "").Trim();
        if (email.Length is 0 or > 254 || email.Contains(' ', StringComparison.Ordinal) || email.Count(c => c == '@') != 1)
        {
            return false;
        }
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && email.IndexOf('.', at) > at + 1 && !email.EndsWith('.')
            && MailAddress.TryCreate(email, out var parsed) && parsed.Address == email;
    }

    /// <summary>A Dutch number (10 digits starting with 0) or an international one (+ and 8–15 digits), written
    /// back with only digits and a leading +; null when it is not a phone number.</summary>
    public static string? NormalisePhone(string? value)
    {
        var raw = (value ?? "").Trim();
        if (raw.Length is 0 or > 30 || raw.Any(c => !(char.IsAsciiDigit(c) || c is ' ' or '-' or '+' or '(' or ')' or '.')))
        {
            return null;
        }
        var digits = new string([.. raw.Where(char.IsAsciiDigit)]);
        if (raw.StartsWith('+'))
        {
            return digits.Length is >= 8 and <= 15 ? "+" + digits : null;
        }
        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return digits.Length is >= 10 and <= 17 ? "+" + digits[2..] : null;
        }
        return digits.Length == 10 && digits[0] == '0' ? digits : null;
    }
}
