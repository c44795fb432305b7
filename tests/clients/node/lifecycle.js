// The life of an account through node-soap, from the served WSDL. Settings come from the environment (../README.md);
// prints a JSON summary on stdout.
'use strict';
const crypto = require('node:crypto');
const soap = require('soap');

const env = process.env;
const NS = 'http://guichet.fr/ws/registering/v1';
const address = { Street: '1 rue de la Paix', City: 'Paris', PostalCode: '75002', Country: 'FR' };
const gdpr = { LastName: 'Durand', FirstName: 'Paul', Function: 'DPO', Phone: '0140000001', Email: 'dpo@example.fr' };

const primaryFile = (name, siret = '73282932000074', postalCode = '75002') => ({
  AccountName: name, Siret: siret, CompanyName: 'Boulangerie Martin', Address: { ...address, PostalCode: postalCode },
  Manager: { Civility: 'MS', LastName: 'Martin', FirstName: 'Claire', Email: 'claire.martin@example.fr', Phone: '0140000000' },
  Teleprocedures: { Teleprocedure: ['TVA', 'TDFC'] }, GdprContact: gdpr,
  SecondaryAccountCount: '5', Category: 'COMPANY', Billing: { StartDate: '2026-01-01', VatNumber: 'FR40303265045' },
});

// sso:<yyMMdd>:<HHmm>:<hex sha256(key + login + yyMMdd + HHmm)>, in the white label's time zone.
function ssoToken(login) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
    timeZone: env.GUICHET_SSO_TIMEZONE, year: '2-digit', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date()).map((p) => [p.type, p.value]));
  const date = parts.year + parts.month + parts.day;
  const time = parts.hour + parts.minute;
  const digest = crypto.createHash('sha256').update(env.GUICHET_SSO_KEY + login.toLowerCase() + date + time).digest('hex');
  return `sso:${date}:${time}:${digest}`;
}

async function main() {
  const client = await soap.createClientAsync(`${env.GUICHET_ENDPOINT}?wsdl`, { endpoint: env.GUICHET_ENDPOINT });
  client.setSecurity(new soap.WSSecurity(env.GUICHET_WSSE_USERNAME, env.GUICHET_WSSE_SECRET, { passwordType: 'PasswordDigest' }));
  // Calls an operation as an account: <context><user><login/><password/></user></context> in the service namespace.
  const call = async (operation, args, login, password) => {
    client.clearSoapHeaders();
    if (login) client.addSoapHeader({ context: { user: { login, password } } }, null, 'tns', NS);
    const [result] = await client[`${operation}Async`](args);
    return Object.values(result)[0];
  };
  const admin = [env.GUICHET_ADMIN_LOGIN, env.GUICHET_ADMIN_PASSWORD];
  const summary = { stack: `node-soap ${require('soap/package.json').version}` };

  // 1. Register a primary (white label only); the administrator validates and enrols it; the worker registers it.
  const primary = await call('registerPrimaryAccount', { account: primaryFile(env.GUICHET_PRIMARY_NAME) });
  const states = [primary.State];
  states.push((await call('changeAccountStatus', { accountName: primary.Login, action: 'VALIDATE' }, ...admin)).State);
  states.push((await call('changeAccountStatus', { accountName: primary.Login, action: 'ENROLL' }, ...admin)).State);
  for (const deadline = Date.now() + 30000; states.at(-1) !== 'REGISTERED' && Date.now() < deadline;) { // each state once
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { State } = await call('getAccountState', { accountName: primary.Login }, ...admin);
    if (State !== states.at(-1)) states.push(State);
  }
  Object.assign(summary, { primaryLogin: primary.Login, folderNumber: primary.FolderNumber, states });

  // 2. The primary registers a secondary, modifies itself, reads both states.
  const me = [primary.Login, primary.Password];
  const secondary = await call('registerSecondaryAccount', { account: {
    AccountName: env.GUICHET_SECONDARY_NAME, Siret: '73282932000074', CompanyName: 'Boulangerie Martin Lyon',
    Address: { Street: '2 place Bellecour', City: 'Lyon', PostalCode: '69002', Country: 'FR' },
    Manager: { Civility: 'MR', LastName: 'Petit', FirstName: 'Jean', Email: 'jean.petit@example.fr', Phone: '+33472000000' },
    Teleprocedures: { Teleprocedure: ['TVA'] }, GdprContact: gdpr } }, ...me);
  Object.assign(summary, { secondaryLogin: secondary.Login, secondaryState: secondary.State });
  const change = { AccountName: primary.Login, CompanyName: env.GUICHET_NEW_COMPANY_NAME };
  summary.modifiedState = (await call('modifyPrimaryAccount', { account: change }, ...me)).State;
  summary.readStates = [];
  for (const login of [primary.Login, secondary.Login]) {
    summary.readStates.push((await call('getAccountState', { accountName: login }, ...me)).State);
  }

  // 3. One call authenticated by an SSO token instead of the password.
  summary.ssoState = (await call('getAccountState', { accountName: primary.Login }, primary.Login, ssoToken(primary.Login))).State;

  // 4. A file with a bad SIRET and a bad postal code: the fault's code and its per-field errors, from the detail.
  summary.fault = null;
  try {
    await call('registerPrimaryAccount', { account: primaryFile(`${env.GUICHET_PRIMARY_NAME}x`, '73282932000075', '750') });
  } catch (error) {
    if (!error.root) throw error;
    const { faultcode, detail } = error.root.Envelope.Body.Fault;
    const fieldFaults = [detail.RegisteringFault.Errors?.FieldFault ?? []].flat();
    summary.fault = {
      faultcode: faultcode.split(':').pop(),
      code: detail.RegisteringFault.Code,
      errors: fieldFaults.map((f) => ({ field: f.Field, code: f.Code })),
    };
  }
  console.log(JSON.stringify(summary));
}

main().catch((error) => {
  console.error(error.body ?? '', error.stack);
  process.exit(1);
});
