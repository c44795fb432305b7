using System.Collections.Frozen;
using System.Reflection;
using System.ServiceModel;
using System.Xml;
using System.Xml.Serialization;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Soap;

/// <summary>
/// One operation of <see cref="IRegisteringService"/>, read once from the contract the WSDL is generated from: its
/// parameters bound from the body's wrapper element and its answer written as the WSDL says, with serializers built
/// once. The guard binds from the envelope it has already parsed, so a request is read once and no attribute is
/// reflected per call (README "Reading a call").
/// </summary>
public sealed class RegisteringOperation
{
    private readonly MethodInfo _method;
    private readonly PropertyInfo _taskResult;
    private readonly Parameter[] _parameters;
    private readonly Lazy<XmlSerializer> _resultSerializer;

    private RegisteringOperation(string name, MethodInfo method)
    {
        Name = name;
        _method = method;
        _taskResult = method.ReturnType.GetProperty(nameof(Task<object>.Result))!;
        _parameters = [.. method.GetParameters().Select(p => new Parameter(p.Name!, p.ParameterType))];
        // Each serializer generates code when built: only for an operation that is called.
        _resultSerializer = new(() => Serializer(method.ReturnType.GetGenericArguments()[0], name + "Result", RegisteringNamespace.Value));
    }

    /// <summary>The six operations by their wire name (<c>getAccountState</c>…).</summary>
    public static FrozenDictionary<string, RegisteringOperation> All { get; } = typeof(IRegisteringService).GetMethods()
        .Select(m => new RegisteringOperation(m.GetCustomAttribute<OperationContractAttribute>()!.Name!, m))
        .ToFrozenDictionary(o => o.Name, StringComparer.Ordinal);

    public string Name { get; }

    /// <summary>
    /// A registration (its answer is a registration's receipt): it always waits for a password hash, so a connection kept
    /// for its few reads saves nothing, and a burst of them would hold one each (<see cref="Guichet.Data.SqliteCallConnection"/>).
    /// </summary>
    public bool Registers => _method.ReturnType == typeof(Task<RegistrationResult>);

    /// <summary>
    /// Reads the operation's wrapper element, on which <paramref name="reader"/> stands, to its end, the way SoapCore
    /// 1.2.1.18 did: each child named like a parameter binds it, in the service's namespace or in none (old SOAP stacks
    /// send unqualified parameters), the first one only; unknown children are skipped; a missing parameter is null. A
    /// value that does not fit its type throws <see cref="XmlSerializer"/>'s own exception (<see cref="IsBindingError"/>).
    /// </summary>
    public object?[] Bind(XmlReader reader)
    {
        var arguments = new object?[_parameters.Length];
        var seen = new bool[_parameters.Length];
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return arguments;
        }

        reader.Read();
        while (reader.NodeType != XmlNodeType.EndElement && !reader.EOF)
        {
            var index = reader.NodeType == XmlNodeType.Element ? IndexOf(reader.LocalName) : -1;
            if (index < 0 || seen[index])
            {
                reader.Skip();
                continue;
            }

            seen[index] = true;
            var serializer = _parameters[index].SerializerFor(reader.NamespaceURI);
            if (serializer is null)
            {
                reader.Skip();
                continue;
            }

            arguments[index] = serializer.Deserialize(reader);
        }

        reader.Read();
        return arguments;
    }

    private int IndexOf(string name)
    {
        for (var i = 0; i < _parameters.Length; i++)
        {
            if (_parameters[i].Name == name)
            {
                return i;
            }
        }

        return -1;
    }

    public async Task<object> InvokeAsync(IRegisteringService service, object?[] arguments)
    {
        var task = (Task)_method.Invoke(service, BindingFlags.DoNotWrapExceptions, null, arguments, null)!;
        await task;
        return _taskResult.GetValue(task)!;
    }

    /// <summary>Writes <c>&lt;{name}Response&gt;&lt;{name}Result&gt;…</c> in the service's namespace, into the open body.</summary>
    public void WriteAnswer(XmlWriter writer, object result)
    {
        writer.WriteStartElement(Name + "Response", RegisteringNamespace.Value);
        _resultSerializer.Value.Serialize(writer, result);
        writer.WriteEndElement();
    }

    /// <summary>
    /// <see cref="XmlSerializer.Deserialize(XmlReader)"/> wraps what made a body not fit the contract in an exception of
    /// its own ("There is an error in XML document"): an unknown enum value (InvalidOperationException), a bad number or
    /// boolean (FormatException, OverflowException), unexpected XML (XmlException). Nothing else is a binding error.
    /// </summary>
    public static bool IsBindingError(Exception exception) =>
        exception is InvalidOperationException { TargetSite: { Name: nameof(XmlSerializer.Deserialize) } site }
        && site.DeclaringType == typeof(XmlSerializer)
        && exception.InnerException is InvalidOperationException or FormatException or OverflowException or XmlException;

    // As SoapCore built them: the element's name as root, the namespace as the type's default namespace.
    private static XmlSerializer Serializer(Type type, string element, string @namespace) =>
        new(type, null, [], new XmlRootAttribute(element), @namespace);

    private sealed class Parameter(string name, Type type)
    {
        private readonly Lazy<XmlSerializer> _qualified = new(() => Serializer(type, name, RegisteringNamespace.Value));
        private readonly Lazy<XmlSerializer> _unqualified = new(() => Serializer(type, name, string.Empty));

        public string Name { get; } = name;

        public XmlSerializer? SerializerFor(string namespaceUri) => namespaceUri switch
        {
            RegisteringNamespace.Value => _qualified.Value,
            "" => _unqualified.Value,
            _ => null,
        };
    }
}
