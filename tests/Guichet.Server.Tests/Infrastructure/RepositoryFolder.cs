namespace Guichet.Server.Tests.Infrastructure;

public static class RepositoryFolder
{
    /// <summary>The repository's root: the folder holding Guichet.slnx, above the test binaries.</summary>
    public static string Root { get; } = Find();

    private static string Find()
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
