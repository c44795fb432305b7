using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Guichet.Application.Imports;

/// <summary>
/// The fingerprint of a preview's changes, which the apply step compares with what was shown: SHA-256 of every row's
/// fields, each written with its length, so that no two different previews write the same text (a tab or a new line
/// inside a name cannot move a value from one field to the next).
/// </summary>
public static class Fingerprint
{
    public static string Of(IEnumerable<IEnumerable<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            foreach (var field in row)
            {
                text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field);
            }

            text.Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
