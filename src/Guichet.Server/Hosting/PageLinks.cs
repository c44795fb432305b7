namespace Guichet.Server.Hosting;

public static class PageLinks
{
    /// <summary>
    /// The address of a page named by its area's route-name constant: cookie paths are written with the same names as
    /// redirects and links, so renaming a page cannot leave a sign-in path pointing nowhere.
    /// </summary>
    public static PathString PathOfPage(this LinkGenerator links, string area, string page) =>
        links.GetPathByPage(page, handler: null, values: new { area })
        ?? throw new InvalidOperationException($"No page '{page}' in the area '{area}'.");
}
