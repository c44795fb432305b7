using System.Text.Json;
using System.Text.Json.Nodes;

namespace Guichet.Domain.WhiteLabels;

/// <summary>How a form presents one field (§2.3.2): for input, pre-filled with a value and locked, or hidden.</summary>
public enum FieldMode
{
    Editable,
    Locked,
    Hidden,
}

/// <summary>One field's presentation; <see cref="Value"/> is the pre-filled (locked) or silently given (hidden) value.</summary>
public sealed record FieldRule(FieldMode Mode, string? Value)
{
    public static FieldRule Editable { get; } = new(FieldMode.Editable, null);
}

/// <summary>
/// A white label's field presentation: a rule per <see cref="PresentableFields"/> key, editable when it has none. Stored
/// as JSON <c>{"accountName":{"mode":"locked","value":"…"}}</c> holding only the fields that are not editable.
/// Reading is lenient, so that rows written before this shape still load: an unknown key or mode, or a document that
/// is not an object of objects, is skipped rather than refused (the next save writes the typed shape).
/// </summary>
public sealed class FieldPresentation
{
    private readonly Dictionary<string, FieldRule> _rules;

    public FieldPresentation(IReadOnlyDictionary<string, FieldRule> rules) =>
        _rules = rules.Where(r => r.Value.Mode != FieldMode.Editable && PresentableFields.Find(r.Key) is not null)
            .ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal);

    public static FieldPresentation AllEditable { get; } = new(new Dictionary<string, FieldRule>());

    /// <summary>The rules that are not "editable", by key.</summary>
    public IReadOnlyDictionary<string, FieldRule> Rules => _rules;

    public FieldRule For(string key) => _rules.GetValueOrDefault(key) ?? FieldRule.Editable;

    public static FieldPresentation Read(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return AllEditable;
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException)
        {
            return AllEditable;
        }

        var rules = new Dictionary<string, FieldRule>(StringComparer.Ordinal);
        if (root is JsonObject fields)
        {
            foreach (var (key, node) in fields)
            {
                if (node is JsonObject rule && rule["mode"] is JsonValue modeNode && modeNode.TryGetValue<string>(out var mode)
                    && ModeOf(mode) is { } parsed)
                {
                    var value = rule["value"] is JsonValue valueNode && valueNode.TryGetValue<string>(out var text) ? text : null;
                    rules[key] = new FieldRule(parsed, value);
                }
            }
        }

        return new FieldPresentation(rules);
    }

    /// <summary>The stored JSON, in <see cref="PresentableFields"/> order; null when every field is editable.</summary>
    public string? ToJson()
    {
        if (_rules.Count == 0)
        {
            return null;
        }

        var root = new JsonObject();
        foreach (var field in PresentableFields.All.Where(f => _rules.ContainsKey(f.Key)))
        {
            var rule = _rules[field.Key];
            var node = new JsonObject { ["mode"] = NameOf(rule.Mode) };
            if (rule.Value is not null)
            {
                node["value"] = rule.Value;
            }

            root[field.Key] = node;
        }

        return root.ToJsonString();
    }

    /// <summary>"editable", "locked", "hidden": the stored and posted names of the modes.</summary>
    public static string NameOf(FieldMode mode) => mode switch
    {
        FieldMode.Locked => "locked",
        FieldMode.Hidden => "hidden",
        _ => "editable",
    };

    public static FieldMode? ModeOf(string? name) => name switch
    {
        "editable" => FieldMode.Editable,
        "locked" => FieldMode.Locked,
        "hidden" => FieldMode.Hidden,
        _ => null,
    };

    /// <summary>A rule as the audit trail writes it: "locked:value", "hidden", "editable".</summary>
    public static string Describe(FieldRule rule) => rule.Value is null ? NameOf(rule.Mode) : $"{NameOf(rule.Mode)}:{rule.Value}";
}
