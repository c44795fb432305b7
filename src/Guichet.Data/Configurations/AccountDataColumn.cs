using System.Text.Json;
using Guichet.Domain.Accounts;

namespace Guichet.Data.Configurations;

/// <summary>
/// The registration file's column: one JSON document, written, read, compared and copied as a whole. Public because the
/// compiled models (CompiledModels/) call it from generated code, which reaches public members only.
/// </summary>
public static class AccountDataColumn
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.General);

    public static string? ToJson(AccountData? data) => data == null ? null : JsonSerializer.Serialize(data, s_json);

    public static AccountData? FromJson(string? json) => json == null ? null : JsonSerializer.Deserialize<AccountData>(json, s_json);

    public static bool AreEqual(AccountData? left, AccountData? right) => ToJson(left) == ToJson(right);

    public static int HashOf(AccountData? data) => ToJson(data)?.GetHashCode(StringComparison.Ordinal) ?? 0;

    /// <summary>A deep copy, for the change tracker's snapshot: the file's classes are mutable.</summary>
    public static AccountData? Copy(AccountData? data) => FromJson(ToJson(data));
}
