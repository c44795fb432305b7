using System.Runtime.Serialization;

namespace Guichet.Server.Soap.Contract;

/// <summary>
/// The detail of every fault: a stable request-level code and, for validation, one entry per field error.
/// The SOAP 1.1 faultcode is <c>Client.CODE</c> (or <c>Server.INTERNAL_ERROR</c>); the faultstring is French.
/// </summary>
[DataContract(Namespace = RegisteringNamespace.Value)]
public sealed class RegisteringFault
{
    [DataMember(Order = 1)]
    public string Code { get; set; } = string.Empty;

    [DataMember(Order = 2)]
    public string Message { get; set; } = string.Empty;

    [DataMember(Order = 3)]
    public List<FieldFault> Errors { get; set; } = [];
}

[DataContract(Namespace = RegisteringNamespace.Value)]
public sealed class FieldFault
{
    /// <summary>Path of the field in the request, e.g. <c>Address.PostalCode</c>.</summary>
    [DataMember(Order = 1)]
    public string Field { get; set; } = string.Empty;

    [DataMember(Order = 2)]
    public string Code { get; set; } = string.Empty;

    [DataMember(Order = 3)]
    public string Message { get; set; } = string.Empty;
}
