using Microsoft.AspNetCore.DataProtection;
using OtpNet;
using QRCoder;

namespace Guichet.Application.Staff;

/// <summary>
/// The staff's TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps, what every authenticator app reads from a QR code).
/// Secrets are encrypted at rest with Data Protection under a purpose of their own, so that neither a database dump nor
/// the white labels' protector can read them.
/// </summary>
public sealed class StaffAuthenticator(IDataProtectionProvider provider)
{
    public const string Issuer = "Guichet";

    public const int SecretBytes = 20;

    /// <summary>One step either way: a phone whose clock drifts by up to 30 seconds, or a code typed as it changes.</summary>
    public const int WindowSteps = 1;

    private static readonly VerificationWindow s_window = new(previous: WindowSteps, future: WindowSteps);

    private readonly IDataProtector _protector = provider.CreateProtector("Guichet.StaffTotpSecrets.v1");

    /// <summary>A new secret, and what an enrolment page shows: the key as text, the otpauth URI and its QR code.</summary>
    public (string Protected, TotpEnrolment Enrolment) NewSecret(string email)
    {
        var secret = KeyGeneration.GenerateRandomKey(SecretBytes);
        var uri = new OtpUri(OtpType.Totp, secret, email, Issuer).ToString();
        var png = PngByteQRCodeHelper.GetQRCode(uri, QRCodeGenerator.ECCLevel.M, 6);
        var enrolment = new TotpEnrolment(Grouped(Base32Encoding.ToString(secret)), uri, png);
        return (_protector.Protect(Base32Encoding.ToString(secret)), enrolment);
    }

    /// <summary>The time step <paramref name="code"/> belongs to within the window around <paramref name="now"/>, or null.</summary>
    public long? Verify(string protectedSecret, string? code, DateTimeOffset now)
    {
        var digits = Digits(code);
        if (digits is null)
        {
            return null;
        }

        var totp = new Totp(Base32Encoding.ToBytes(_protector.Unprotect(protectedSecret)));
        return totp.VerifyTotp(now.UtcDateTime, digits, out var step, s_window) ? step : null;
    }

    /// <summary>Six digits, forgiving the blanks some apps show in the middle; anything else is not a TOTP code.</summary>
    public static string? Digits(string? code)
    {
        var digits = new string((code ?? string.Empty).Where(c => !char.IsWhiteSpace(c)).ToArray());
        return digits.Length == 6 && digits.All(char.IsAsciiDigit) ? digits : null;
    }

    private static string Grouped(string base32) =>
        string.Join(' ', Enumerable.Range(0, (base32.Length + 3) / 4).Select(i => base32.Substring(i * 4, Math.Min(4, base32.Length - (i * 4)))));
}

/// <summary>
/// What the enrolment page shows once: the secret as text in groups of four (for manual entry), the otpauth URI and
/// its QR code as PNG.
/// </summary>
public sealed record TotpEnrolment(string ManualKey, string Uri, byte[] QrCodePng)
{
    /// <summary>The QR code for an <c>img</c> element's <c>src</c>.</summary>
    public string QrCodeDataUri => "data:image/png;base64," + Convert.ToBase64String(QrCodePng);
}
