namespace Guichet.Domain.Staff;

public enum StaffRole
{
    /// <summary>Checks, validates and enrols registration files.</summary>
    Agent,

    /// <summary>An agent who also runs the white labels and the staff accounts.</summary>
    Administrator,
}
