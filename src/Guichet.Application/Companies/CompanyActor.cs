using Guichet.Application.Accounts;

namespace Guichet.Application.Companies;

/// <summary>
/// Who decides on a company's memberships, as the use cases shared by the portal and the back office see them: one of
/// the company's administrators (the use cases check that they administer it), or a member of staff (the back office's
/// policies let them in; they are audited as <c>staff:&lt;email&gt;</c> with their address).
/// </summary>
public abstract record CompanyActor
{
    private CompanyActor()
    {
    }

    /// <summary>A person on the portal's "Gérer les utilisateurs".</summary>
    public sealed record Administrator(Guid PersonId) : CompanyActor;

    /// <summary>The person whose membership it is, on "Mon compte" (leaving a company, withdrawing a request).</summary>
    public sealed record Self(Guid PersonId) : CompanyActor;

    /// <summary>A member of staff stepping in from the member directory.</summary>
    public sealed record Staff(StaffCaller Caller) : CompanyActor;
}
