using System.Security.Cryptography;

namespace Guichet.Application.Accounts;

/// <summary>
/// Folder numbers: <c>D</c> + date + 6 random characters, readable over the phone (no 0/O, 1/I). The draw alone; a new
/// account takes one no account has (<see cref="AccountStore.NewFolderNumberAsync"/>). Not sealed: tests script the draw.
/// </summary>
public class FolderNumbers
{
    private const string Alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public virtual string Draw(DateTimeOffset now) =>
        $"D{now.UtcDateTime:yyyyMMdd}-{RandomNumberGenerator.GetString(Alphabet, 6)}";
}
