namespace Guichet.Identifiers;

/// <summary>A SIREN or SIRET as people type or paste it: "362 521 879", "362.521.879", "362-521-879 00034".</summary>
public static class TypedIdentifier
{
    /// <summary>
    /// Without its separators: every kind of space (a copy from a web page brings non-breaking and narrow ones), dots and
    /// hyphens. Anything else stays, so that the identifier's own check still refuses it.
    /// </summary>
    public static string Compact(string? typed) =>
        typed is null ? string.Empty : string.Concat(typed.Where(c => !char.IsWhiteSpace(c) && c is not ('.' or '-')));
}
