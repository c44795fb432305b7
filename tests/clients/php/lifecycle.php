<?php
// The life of an account through PHP's SoapClient, from the served WSDL. Settings come from the environment
// (../README.md); prints a JSON summary on stdout.
declare(strict_types=1);

const NS = 'http://guichet.fr/ws/registering/v1';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const PROFILE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0';

$env = getenv();
$client = new SoapClient($env['GUICHET_ENDPOINT'] . '?wsdl', [
    'cache_wsdl' => WSDL_CACHE_NONE, 'exceptions' => true, 'features' => SOAP_SINGLE_ELEMENT_ARRAYS, // a lone FieldFault is a list too
]);

// The headers of one call, as PHP clients write them: a fresh UsernameToken whose digest is
// base64(sha1(nonce . created . secret)), and the account's <context><user><login/><password/></user></context>.
function headers(array $env, ?string $login = null, ?string $password = null): array
{
    $nonce = random_bytes(16);
    $created = gmdate('Y-m-d\TH:i:s\Z');
    $digest = base64_encode(sha1($nonce . $created . $env['GUICHET_WSSE_SECRET'], true));
    $security = sprintf('<wsse:Security xmlns:wsse="%s" xmlns:wsu="%s"><wsse:UsernameToken><wsse:Username>%s</wsse:Username>'
        . '<wsse:Password Type="%s#PasswordDigest">%s</wsse:Password><wsse:Nonce EncodingType="%s">%s</wsse:Nonce>'
        . '<wsu:Created>%s</wsu:Created></wsse:UsernameToken></wsse:Security>', WSSE, WSU, htmlspecialchars($env['GUICHET_WSSE_USERNAME']),
        PROFILE, $digest, 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary',
        base64_encode($nonce), $created);
    $headers = [new SoapHeader(WSSE, 'Security', new SoapVar($security, XSD_ANYXML), true)];
    if ($login !== null) {
        $context = sprintf('<context xmlns="%s"><user><login>%s</login><password>%s</password></user></context>', NS,
            htmlspecialchars($login, ENT_XML1), htmlspecialchars($password, ENT_XML1));
        $headers[] = new SoapHeader(NS, 'context', new SoapVar($context, XSD_ANYXML));
    }
    return $headers;
}

// Calls an operation as the white label alone, or as an account when login and password are given.
function call(SoapClient $client, array $env, string $operation, array $args, ?string $login = null, ?string $password = null): object
{
    $client->__setSoapHeaders(headers($env, $login, $password));
    return $client->__soapCall($operation, [$args])->{$operation . 'Result'};
}

function primaryFile(string $name, string $siret = '73282932000074', string $postalCode = '75002'): array
{
    return [
        'AccountName' => $name, 'Category' => 'COMPANY', 'Siret' => $siret, 'CompanyName' => 'Boulangerie Martin',
        'SecondaryAccountCount' => '5',
        'Address' => ['Street' => '1 rue de la Paix', 'City' => 'Paris', 'PostalCode' => $postalCode, 'Country' => 'FR'],
        'Manager' => ['Civility' => 'MS', 'LastName' => 'Martin', 'FirstName' => 'Claire', 'Email' => 'claire.martin@example.fr',
            'Phone' => '0140000000'],
        'Teleprocedures' => ['Teleprocedure' => ['TVA', 'TDFC']], 'GdprContact' => GDPR,
        'Billing' => ['StartDate' => '2026-01-01', 'VatNumber' => 'FR40303265045'],
    ];
}

const GDPR = ['LastName' => 'Durand', 'FirstName' => 'Paul', 'Function' => 'DPO', 'Phone' => '0140000001', 'Email' => 'dpo@example.fr'];

// sso:<yyMMdd>:<HHmm>:<hex sha256(key + login + yyMMdd + HHmm)>, in the white label's time zone.
function ssoToken(array $env, string $login): string
{
    $now = new DateTimeImmutable('now', new DateTimeZone($env['GUICHET_SSO_TIMEZONE']));
    [$date, $time] = [$now->format('ymd'), $now->format('Hi')];
    return "sso:$date:$time:" . hash('sha256', $env['GUICHET_SSO_KEY'] . strtolower($login) . $date . $time);
}

$summary = ['stack' => 'php SoapClient ' . PHP_VERSION];
$admin = [$env['GUICHET_ADMIN_LOGIN'], $env['GUICHET_ADMIN_PASSWORD']];

// 1. Register a primary (white label only); the administrator validates and enrols it; the worker registers it.
$primary = call($client, $env, 'registerPrimaryAccount', ['account' => primaryFile($env['GUICHET_PRIMARY_NAME'])]);
$states = [$primary->State];
$states[] = call($client, $env, 'changeAccountStatus', ['accountName' => $primary->Login, 'action' => 'VALIDATE'], ...$admin)->State;
$states[] = call($client, $env, 'changeAccountStatus', ['accountName' => $primary->Login, 'action' => 'ENROLL'], ...$admin)->State;
for ($deadline = microtime(true) + 30; end($states) !== 'REGISTERED' && microtime(true) < $deadline;) { // each state once
    usleep(200000);
    $state = call($client, $env, 'getAccountState', ['accountName' => $primary->Login], ...$admin)->State;
    if ($state !== end($states)) {
        $states[] = $state;
    }
}
$summary += ['primaryLogin' => $primary->Login, 'folderNumber' => $primary->FolderNumber, 'states' => $states];

// 2. The primary registers a secondary, modifies itself, reads both states.
$me = [$primary->Login, $primary->Password];
$secondary = call($client, $env, 'registerSecondaryAccount', ['account' => [
    'AccountName' => $env['GUICHET_SECONDARY_NAME'], 'Siret' => '73282932000074', 'CompanyName' => 'Boulangerie Martin Lyon',
    'Address' => ['Street' => '2 place Bellecour', 'City' => 'Lyon', 'PostalCode' => '69002', 'Country' => 'FR'],
    'Manager' => ['Civility' => 'MR', 'LastName' => 'Petit', 'FirstName' => 'Jean', 'Email' => 'jean.petit@example.fr', 'Phone' => '+33472000000'],
    'Teleprocedures' => ['Teleprocedure' => ['TVA']], 'GdprContact' => GDPR,
]], ...$me);
$summary += ['secondaryLogin' => $secondary->Login, 'secondaryState' => $secondary->State];
$summary['modifiedState'] = call($client, $env, 'modifyPrimaryAccount',
    ['account' => ['AccountName' => $primary->Login, 'CompanyName' => $env['GUICHET_NEW_COMPANY_NAME']]], ...$me)->State;
$summary['readStates'] = array_map(fn ($login) => call($client, $env, 'getAccountState', ['accountName' => $login], ...$me)->State,
    [$primary->Login, $secondary->Login]);

// 3. One call authenticated by an SSO token instead of the password.
$summary['ssoState'] = call($client, $env, 'getAccountState', ['accountName' => $primary->Login],
    $primary->Login, ssoToken($env, $primary->Login))->State;

// 4. A file with a bad SIRET and a bad postal code: the fault's code and its per-field errors, from the detail.
$summary['fault'] = null;
try {
    call($client, $env, 'registerPrimaryAccount', ['account' => primaryFile($env['GUICHET_PRIMARY_NAME'] . 'x', '73282932000075', '750')]);
} catch (SoapFault $fault) {
    $detail = $fault->detail->RegisteringFault;
    $summary['fault'] = [
        'faultcode' => preg_replace('/^.*:/', '', $fault->faultcode), // without the envelope's prefix
        'code' => $detail->Code,
        'errors' => array_map(fn ($f) => ['field' => $f->Field, 'code' => $f->Code], $detail->Errors->FieldFault ?? []),
    ];
}

echo json_encode($summary), "\n";
