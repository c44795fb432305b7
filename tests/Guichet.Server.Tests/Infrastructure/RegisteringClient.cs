using System.Globalization;
using System.Security.Cryptography;
using System.ServiceModel;
using System.ServiceModel.Channels;
using System.ServiceModel.Description;
using System.ServiceModel.Dispatcher;
using System.Text;
using System.Xml;
using Guichet.Server.Soap.Contract;

namespace Guichet.Server.Tests.Infrastructure;

/// <summary>Credentials a WCF client sends: the white label's UsernameToken and, optionally, the account's context header.</summary>
public sealed record SoapIdentity(string WsseUsername, string WsseSecret, string? Login = null, string? Password = null)
{
    /// <summary>Fixes nonce and Created instead of fresh ones per message (for replay and freshness tests).</summary>
    public Func<(byte[] Nonce, string Created)>? TokenOverride { get; init; }

    /// <summary>Replaces the computed digest (for wrong-digest tests).</summary>
    public string? DigestOverride { get; init; }

    public SoapIdentity As(string login, string password) => this with { Login = login, Password = password };
}

/// <summary>
/// A client of WS Registering built on WCF (System.ServiceModel), an implementation nobody here wrote. WCF has no
/// PasswordDigest UsernameToken, so a message inspector adds the wsse:Security header as the OASIS profile describes.
/// </summary>
public static class RegisteringClient
{
    public static IRegisteringService Create(Uri endpoint, SoapIdentity identity)
    {
        var binding = new BasicHttpBinding
        {
            MaxReceivedMessageSize = 4 * 1024 * 1024,
            SendTimeout = TimeSpan.FromSeconds(60),
        };
        var factory = new ChannelFactory<IRegisteringService>(binding, new EndpointAddress(endpoint));
        factory.Endpoint.EndpointBehaviors.Add(new HeadersBehavior(identity));
        return factory.CreateChannel();
    }

    public static string Created(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    /// <summary>Base64(SHA-1(nonce + created + secret)), computed here independently of the server's code.</summary>
    public static string Digest(byte[] nonce, string created, string secret)
    {
        var bytes = nonce.Concat(Encoding.UTF8.GetBytes(created + secret)).ToArray();
#pragma warning disable CA5350 // The profile's algorithm.
        return Convert.ToBase64String(SHA1.HashData(bytes));
#pragma warning restore CA5350
    }

    private sealed class HeadersBehavior(SoapIdentity identity) : IEndpointBehavior, IClientMessageInspector
    {
        public void AddBindingParameters(ServiceEndpoint endpoint, BindingParameterCollection bindingParameters)
        {
        }

        public void ApplyClientBehavior(ServiceEndpoint endpoint, ClientRuntime clientRuntime) => clientRuntime.ClientMessageInspectors.Add(this);

        public void ApplyDispatchBehavior(ServiceEndpoint endpoint, EndpointDispatcher endpointDispatcher)
        {
        }

        public void Validate(ServiceEndpoint endpoint)
        {
        }

        public object? BeforeSendRequest(ref Message request, IClientChannel channel)
        {
            var (nonce, created) = identity.TokenOverride?.Invoke() ?? (RandomNumberGenerator.GetBytes(16), Created(DateTimeOffset.UtcNow));
            request.Headers.Add(new SecurityHeader(identity.WsseUsername, identity.DigestOverride ?? Digest(nonce, created, identity.WsseSecret),
                nonce, created));
            if (identity.Login is not null)
            {
                request.Headers.Add(new ContextHeader(identity.Login, identity.Password ?? string.Empty));
            }

            return null;
        }

        public void AfterReceiveReply(ref Message reply, object? correlationState)
        {
        }
    }

    private sealed class SecurityHeader(string username, string digest, byte[] nonce, string created) : MessageHeader
    {
        private const string Wsse = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
        private const string Wsu = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";

        public override string Name => "Security";

        public override string Namespace => Wsse;

        public override bool MustUnderstand => true;

        protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion messageVersion)
        {
            writer.WriteStartElement("wsse", "UsernameToken", Wsse);
            writer.WriteElementString("wsse", "Username", Wsse, username);
            writer.WriteStartElement("wsse", "Password", Wsse);
            writer.WriteAttributeString("Type", "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest");
            writer.WriteString(digest);
            writer.WriteEndElement();
            writer.WriteStartElement("wsse", "Nonce", Wsse);
            writer.WriteAttributeString("EncodingType",
                "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary");
            writer.WriteString(Convert.ToBase64String(nonce));
            writer.WriteEndElement();
            writer.WriteElementString("wsu", "Created", Wsu, created);
            writer.WriteEndElement();
        }
    }

    /// <summary>The header existing clients of this family send: context/user/login and password, in the service namespace.</summary>
    private sealed class ContextHeader(string login, string password) : MessageHeader
    {
        public override string Name => "context";

        public override string Namespace => RegisteringNamespace.Value;

        protected override void OnWriteHeaderContents(XmlDictionaryWriter writer, MessageVersion messageVersion)
        {
            writer.WriteStartElement("user", RegisteringNamespace.Value);
            writer.WriteElementString("login", RegisteringNamespace.Value, login);
            writer.WriteElementString("password", RegisteringNamespace.Value, password);
            writer.WriteEndElement();
        }
    }
}
