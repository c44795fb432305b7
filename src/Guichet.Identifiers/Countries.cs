using System.Collections.Frozen;

namespace Guichet.Identifiers;

/// <summary>ISO 3166-1 alpha-2 country codes and European Union membership.</summary>
public static class Countries
{
    /// <summary>The 249 officially assigned ISO 3166-1 alpha-2 codes (upper case).</summary>
    public static FrozenSet<string> IsoAlpha2Codes { get; } = FrozenSet.ToFrozenSet(
        [
            "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
            "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
            "BT", "BV", "BW", "BY", "BZ",
            "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN", "CO", "CR", "CU", "CV", "CW",
            "CX", "CY", "CZ",
            "DE", "DJ", "DK", "DM", "DO", "DZ",
            "EC", "EE", "EG", "EH", "ER", "ES", "ET",
            "FI", "FJ", "FK", "FM", "FO", "FR",
            "GA", "GB", "GD", "GE", "GF", "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT",
            "GU", "GW", "GY",
            "HK", "HM", "HN", "HR", "HT", "HU",
            "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT",
            "JE", "JM", "JO", "JP",
            "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ",
            "LA", "LB", "LC", "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY",
            "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK", "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS",
            "MT", "MU", "MV", "MW", "MX", "MY", "MZ",
            "NA", "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ",
            "OM",
            "PA", "PE", "PF", "PG", "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY",
            "QA",
            "RE", "RO", "RS", "RU", "RW",
            "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
            "ST", "SV", "SX", "SY", "SZ",
            "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO", "TR", "TT", "TV", "TW", "TZ",
            "UA", "UG", "UM", "US", "UY", "UZ",
            "VA", "VC", "VE", "VG", "VI", "VN", "VU",
            "WF", "WS",
            "YE", "YT",
            "ZA", "ZM", "ZW",
        ],
        StringComparer.Ordinal);

    /// <summary>The 27 member states of the European Union, by ISO code ("GR" for Greece, not the VAT "EL").</summary>
    public static FrozenSet<string> EuropeanUnionMembers { get; } = FrozenSet.ToFrozenSet(
        [
            "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
            "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
        ],
        StringComparer.Ordinal);

    /// <summary>True when <paramref name="value"/> is an assigned ISO 3166-1 alpha-2 code, in upper case.</summary>
    // Why ordinal and upper case only: codes are stored and exchanged in canonical form; callers normalise.
    public static bool IsIsoAlpha2(string? value) => value is not null && IsoAlpha2Codes.Contains(value);

    /// <summary>True when <paramref name="value"/> is the ISO code of one of the 27 EU member states.</summary>
    public static bool IsEuropeanUnionMember(string? value) => value is not null && EuropeanUnionMembers.Contains(value);
}
