using System.Globalization;
using Guichet.Application.Auditing;
using Guichet.Application.WhiteLabels;
using Guichet.Domain.Common;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Guichet.Server.Areas.BackOffice.Pages.Journal;

/// <summary>
/// The audit trail, for every staff member (agents process the files and need to see who did what to them): a GET form
/// of filters (French names in the address, kept in every link), a page of entries by the use case's opaque cursor, and
/// the CSV export of every entry the filters keep. The period is typed in Paris time, a date alone or a date and a time;
/// each bound includes the whole day or minute typed ("au 15/01/2026" is up to midnight that night, excluded).
/// </summary>
public sealed class IndexModel(SearchAuditTrail search, ExportAuditTrail export, ListWhiteLabels whiteLabels, TimeProvider clock)
    : BackOfficePageModel
{
    public const string Path = BackOfficePages.PathBase + "/journal";
    public const string ExportHandler = "Exporter";

    public const string FromField = "du";
    public const string ToField = "au";
    public const string ActorField = "acteur";
    public const string EventField = "evenement";
    public const string WhiteLabelField = "marque";
    public const string SubjectField = "sujet";
    public const string AddressField = "adresse";
    public const string CursorField = "curseur";

    private static readonly string[] s_dates = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    private static readonly string[] s_times =
        ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm", "dd/MM/yyyy HH:mm", "d/M/yyyy H:mm", "dd/MM/yyyy HH'h'mm", "d/M/yyyy H'h'mm"];

    [BindProperty(SupportsGet = true, Name = FromField)]
    public string? From { get; set; }

    [BindProperty(SupportsGet = true, Name = ToField)]
    public string? To { get; set; }

    [BindProperty(SupportsGet = true, Name = ActorField)]
    public string? ActorFilter { get; set; }

    [BindProperty(SupportsGet = true, Name = EventField)]
    public string? Event { get; set; }

    [BindProperty(SupportsGet = true, Name = WhiteLabelField)]
    public string? WhiteLabel { get; set; }

    [BindProperty(SupportsGet = true, Name = SubjectField)]
    public string? Subject { get; set; }

    [BindProperty(SupportsGet = true, Name = AddressField)]
    public string? Address { get; set; }

    [BindProperty(SupportsGet = true, Name = CursorField)]
    public string? Cursor { get; set; }

    public IReadOnlyList<WhiteLabelChoice> WhiteLabels { get; private set; } = [];

    /// <summary>Null when the filters are wrong (their errors are in the ModelState).</summary>
    public AuditTrailPage? Entries { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        if (await ReadFiltersAsync(cancellationToken) is { } filters)
        {
            var page = await search.HandleAsync(filters with { Cursor = Cursor }, cancellationToken);
            if (page.Succeeded)
            {
                Entries = page.Value;
            }
            else
            {
                ShowErrors(page.Errors, FieldOf);
            }
        }
    }

    /// <summary>Every entry the filters keep, as a CSV file named with the date; wrong filters give the page and its errors.</summary>
    public async Task<IActionResult> OnGetExporterAsync(CancellationToken cancellationToken)
    {
        if (await ReadFiltersAsync(cancellationToken) is not { } filters)
        {
            return Page();
        }

        var rows = await export.HandleAsync(filters, FilesActor, cancellationToken);
        if (!rows.Succeeded)
        {
            ShowErrors(rows.Errors, FieldOf);
            return Page();
        }

        var now = TimeZoneInfo.ConvertTime(clock.GetUtcNow(), FrenchTime.Zone);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment")
        {
            FileName = $"journal-audit-{now.ToString("yyyy-MM-dd-HHmm", CultureInfo.InvariantCulture)}.csv",
        }.ToString();
        Response.Headers.CacheControl = "no-store";
        await AuditTrailCsv.WriteAsync(Response.Body, rows.Value, cancellationToken);
        return new EmptyResult();
    }

    /// <summary>The trail's address with the current filters and the given cursor (none: the first page), or the export's.</summary>
    public string ListAddress(string? cursor, string? handler = null)
    {
        var query = new QueryBuilder();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                query.Add(name, value);
            }
        }

        Add("handler", handler);
        Add(FromField, From);
        Add(ToField, To);
        Add(ActorField, ActorFilter);
        Add(EventField, Event);
        Add(WhiteLabelField, WhiteLabel);
        Add(SubjectField, Subject);
        Add(AddressField, Address);
        Add(CursorField, cursor);
        return Path + query.ToQueryString();
    }

    /// <summary>The address's filters read into the use case's search; every wrong value is reported under its filter.</summary>
    private async Task<AuditTrailSearch?> ReadFiltersAsync(CancellationToken cancellationToken)
    {
        WhiteLabels = await whiteLabels.HandleAsync(cancellationToken);
        var errors = new List<Error>();
        var from = ReadTime(From, FromField, errors);
        var to = ReadTime(To, ToField, errors);
        Guid? whiteLabelId = null;
        if (!string.IsNullOrWhiteSpace(WhiteLabel))
        {
            if (Guid.TryParse(WhiteLabel, out var id) && WhiteLabels.Any(w => w.Id == id))
            {
                whiteLabelId = id;
            }
            else
            {
                errors.Add(AuditErrors.UnknownFilterValue(WhiteLabelField, WhiteLabel));
            }
        }

        if (errors.Count > 0)
        {
            ShowErrors(errors);
            return null;
        }

        // A date alone is its whole day; a time, its whole minute.
        return new AuditTrailSearch(
            From: from?.Start,
            Before: to is { } end ? (end.IsDate ? end.Start.AddDays(1) : end.Start.AddMinutes(1)) : null,
            Actor: ActorFilter,
            Event: Event,
            WhiteLabelId: whiteLabelId,
            Subject: Subject,
            RemoteAddress: Address);
    }

    private static (DateTime Start, bool IsDate)? ReadTime(string? value, string field, List<Error> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        if (DateTime.TryParseExact(text, s_dates, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (date, true);
        }

        if (DateTime.TryParseExact(text, s_times, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return (time, false);
        }

        errors.Add(AuditErrors.InvalidFilterTime(field));
        return null;
    }

    private static string FieldOf(string field) => field switch
    {
        nameof(AuditTrailSearch.Before) => ToField,
        nameof(AuditTrailSearch.Event) => EventField,
        nameof(AuditTrailSearch.Actor) => ActorField,
        nameof(AuditTrailSearch.Subject) => SubjectField,
        nameof(AuditTrailSearch.RemoteAddress) => AddressField,
        _ => string.Empty,
    };
}
