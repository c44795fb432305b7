using System.Runtime.InteropServices;

namespace Guichet.Server.Hosting;

/// <summary>
/// glibc's <c>malloc_trim</c>: gives back to the system the pages the process's native heap has freed, wherever they lie.
/// glibc keeps what a thread frees in that thread's arena for its next allocations, and on its own returns only the free
/// top of an arena; under load about half of this server's native heap was memory freed and kept (bench/README.md, "The
/// native heap, and glibc's arenas"). Bound to <c>libc.so.6</c>, glibc's own name: on another C library (musl) or
/// another system the binding is absent and <see cref="CanTrim"/> says so.
/// </summary>
internal static class NativeHeap
{
    public static bool CanTrim { get; } = FindTrim();

    /// <summary>True when memory was given back.</summary>
    public static bool Trim() => MallocTrim(0) == 1;

    private static bool FindTrim()
    {
        if (!OperatingSystem.IsLinux() || !NativeLibrary.TryLoad("libc.so.6", out var libc))
        {
            return false;
        }

        return NativeLibrary.TryGetExport(libc, "malloc_trim", out _);
    }

    // pad 0: keep nothing free at the top of the main arena beyond what glibc needs.
    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int MallocTrim(nuint pad);
}
