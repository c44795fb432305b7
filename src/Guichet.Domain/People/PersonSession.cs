namespace Guichet.Domain.People;

/// <summary>
/// A signed-in session of a person in one space: its cookie carries <see cref="Id"/>, and every request checks that the
/// row stands. Signing out ends it on the server, so that a copy of the cookie taken earlier opens nothing afterwards.
/// </summary>
public sealed class PersonSession
{
    /// <summary>
    /// No session lasts longer, whatever the settings say (<c>Portal:Sessions:AbsoluteLifetime</c> is checked against it):
    /// rows started before are purged.
    /// </summary>
    public static readonly TimeSpan MaxLifetime = TimeSpan.FromDays(7);

    public Guid Id { get; set; } = Guid.NewGuid();

    public Guid PersonId { get; set; }

    public PortalSpace Space { get; set; }

    /// <summary>The absolute lifetime runs from here, however active the session is.</summary>
    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Set by signing out; an ended session never opens a page again.</summary>
    public DateTimeOffset? EndedAt { get; set; }
}
