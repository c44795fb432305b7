using Guichet.Identifiers;
using MimeKit;

namespace Guichet.Server.Tests.Mail;

/// <summary>
/// What the forms accept as an email address, the mail library can address: otherwise a sign-up would be saved and its
/// validation email could never leave (review B16).
/// </summary>
public sealed class SendableAddressTests
{
    public static TheoryData<string> Candidates =>
    [
        "jean.dupont@example.com", "o'brien@example.ie", "jean+tag@example.com", "a(b@example.fr", "a,b@example.fr",
        "a;b@example.fr", "\"a b\"@example.fr", "a<b@example.fr", "a>b@example.fr", "a[b]@example.fr", "a:b@example.fr",
        "a\\b@example.fr", "x!#$%&*/=?^_`{|}~-y@example.com", "jean..dupont@example.com", ".jean@example.com",
    ];

    [Theory]
    [MemberData(nameof(Candidates))]
    public void AnAcceptedAddress_IsOneMimeKitReadsAsItself(string candidate)
    {
        var accepted = EmailAddress.IsValid(candidate);
        var sendable = MailboxAddress.TryParse(candidate, out var mailbox) && mailbox.Address == candidate;

        Assert.True(!accepted || sendable, $"{candidate} is accepted, but MimeKit reads it as '{mailbox?.Address}'.");
    }

    [Theory]
    [InlineData("a(b@example.fr")]
    [InlineData("\"a b\"@example.fr")]
    [InlineData("a<b@example.fr")]
    public void AddressesMimeKitReadsOtherwise_AreRefused(string candidate) => Assert.False(EmailAddress.IsValid(candidate));
}
