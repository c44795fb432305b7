namespace Guichet.Server.Tests.Infrastructure;

/// <summary>The repository the tests run from: its committed files (golden copies, scripts) and its artifacts folder.</summary>
public static class Repository
{
    /// <summary>The folder holding Guichet.slnx.</summary>
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Guichet.slnx")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Guichet.slnx above {AppContext.BaseDirectory}.");
    }
}
