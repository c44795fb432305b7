using Guichet.Domain.People;
using Microsoft.Extensions.Options;

namespace Guichet.Server.People;

/// <summary>Section <c>Portal:Sessions</c>: how long a person's session lasts, in either space.</summary>
public sealed class PersonSessionOptions
{
    public const string Section = "Portal:Sessions";

    /// <summary>A session ends after this long without a request (the cookie's sliding expiry); 30 minutes by default.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>And this long after signing in, however active (checked against the session's row); 12 hours by default.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);
}

public sealed class PersonSessionOptionsValidator : IValidateOptions<PersonSessionOptions>
{
    public ValidateOptionsResult Validate(string? name, PersonSessionOptions options)
    {
        List<string> failures = [];
        if (options.IdleTimeout < TimeSpan.FromMinutes(1))
        {
            failures.Add("Portal:Sessions:IdleTimeout must be at least one minute.");
        }

        if (options.AbsoluteLifetime < options.IdleTimeout)
        {
            failures.Add("Portal:Sessions:AbsoluteLifetime must be at least Portal:Sessions:IdleTimeout.");
        }

        if (options.AbsoluteLifetime > PersonSession.MaxLifetime)
        {
            failures.Add("Portal:Sessions:AbsoluteLifetime must be at most 7 days.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
