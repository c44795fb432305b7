namespace Guichet.Domain.Common;

/// <summary>An expected failure: a stable machine-readable code, the field it concerns (if any) and a French message.</summary>
public sealed record Error(string Code, string Message, string? Field = null)
{
    public override string ToString() => Field is null ? $"{Code}: {Message}" : $"{Field} {Code}: {Message}";
}
