using System.Security.Cryptography;

namespace Guichet.Application.Accounts;

/// <summary>Folder numbers: <c>D</c> + date + 6 random characters, readable over the phone (no 0/O, 1/I).</summary>
public static class FolderNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public static string New(DateTimeOffset now) =>
        $"D{now.UtcDateTime:yyyyMMdd}-{RandomNumberGenerator.GetString(Alphabet, 6)}";
}
