namespace Guichet.Server.Tests.Operations;

/// <summary>What an operator command prints when it fails: its own lines, never the runtime's.</summary>
internal static class OperatorAssert
{
    /// <summary>No frame of a stack trace ("   at Namespace.Type.Method(…)") and no exception's type name.</summary>
    public static void NoStackTrace(string output)
    {
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", output, StringComparison.Ordinal);
    }
}
