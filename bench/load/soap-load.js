// One row of bench/soap.sh: drives one call of WS Registering (or GET /health) with autocannon for a fixed time, from a
// fixed number of keep-alive connections (closed loop: each connection sends its next request when the answer came),
// after an untimed warm-up on the same connections. Every SOAP request is built when it is sent, with a fresh
// WS-Security UsernameToken: a 16-byte nonce, wsu:Created now, PasswordDigest = Base64(SHA-1(nonce + created + secret)).
//
// Usage: node soap-load.js '<JSON settings>' (bench/soap.sh writes them; see settings below). Prints one JSON line:
// requests/s (HTTP 2xx answers / duration), latency percentiles of the 2xx answers (ms), errors = non-2xx answers +
// timeouts + connection errors (a SOAP fault is HTTP 500: an error), the first error's body, and this client's own CPU.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const autocannon = require('autocannon');
const processCpu = require('./process-cpu');

const { statFields } = processCpu;

const settings = JSON.parse(process.argv[2]);
const {
  scenario, urls, duration, amount, warmup, connections, timeout, wsse, admin, password, sso, pool, serverPids, databasePid, clockTicks,
} = settings;

const NS = 'http://guichet.fr/ws/registering/v1';
const SOAP11 = 'http://schemas.xmlsoap.org/soap/envelope/';
const WSSE = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd';
const WSU = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd';
const DIGEST = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest';
const BASE64 = 'http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary';

const xml = (text) => String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

// The UsernameToken of the white label, new for every request (the server refuses a nonce it has seen).
function security() {
  const nonce = crypto.randomBytes(16);
  const created = new Date().toISOString();
  const digest = crypto.createHash('sha1').update(Buffer.concat([nonce, Buffer.from(created), Buffer.from(wsse.secret)])).digest('base64');
  return `<wsse:Security s:mustUnderstand="1" xmlns:wsse="${WSSE}" xmlns:wsu="${WSU}"><wsse:UsernameToken>`
    + `<wsse:Username>${xml(wsse.user)}</wsse:Username><wsse:Password Type="${DIGEST}">${digest}</wsse:Password>`
    + `<wsse:Nonce EncodingType="${BASE64}">${nonce.toString('base64')}</wsse:Nonce>`
    + `<wsu:Created>${created}</wsu:Created></wsse:UsernameToken></wsse:Security>`;
}

const context = (login, secret) => `<context xmlns="${NS}"><user><login>${xml(login)}</login>`
  + `<password>${xml(secret)}</password></user></context>`;

// sso:<yyMMdd>:<HHmm>:<hex SHA-256(key + login + yyMMdd + HHmm)>, local time of the white label's zone (per minute).
let ssoMinute = -1;
let ssoStamp = null;
function ssoToken(login) {
  const minute = Math.floor(Date.now() / 60000);
  if (minute !== ssoMinute) {
    const parts = Object.fromEntries(new Intl.DateTimeFormat('en-GB', {
      timeZone: sso.timeZone, year: '2-digit', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
    }).formatToParts(new Date(minute * 60000)).map((p) => [p.type, p.value]));
    ssoStamp = [parts.year + parts.month + parts.day, parts.hour + parts.minute];
    ssoMinute = minute;
  }
  const [date, time] = ssoStamp;
  return `sso:${date}:${time}:${crypto.createHash('sha256').update(sso.key + login + date + time).digest('hex')}`;
}

const address = '<Address><Street>1 rue de la Paix</Street><City>Paris</City><PostalCode>75002</PostalCode><Country>FR</Country></Address>';
const gdpr = '<GdprContact><LastName>Durand</LastName><FirstName>Paul</FirstName><Function>DPO</Function>'
  + '<Phone>0140000001</Phone><Email>dpo@example.fr</Email></GdprContact>';
// The tests' valid company file (bench/Guichet.Bench/SampleFiles.cs stores the same), in the order the WSDL declares.
const primaryFile = (name) => `<account><AccountName>${name}</AccountName><Siret>73282932000074</Siret>`
  + `<CompanyName>Boulangerie Martin</CompanyName>${address}`
  + '<Manager><Civility>MS</Civility><LastName>Martin</LastName><FirstName>Claire</FirstName>'
  + '<Email>claire.martin@example.fr</Email><Phone>0140000000</Phone></Manager>'
  + `<Teleprocedures><Teleprocedure>TVA</Teleprocedure><Teleprocedure>TDFC</Teleprocedure></Teleprocedures>${gdpr}`
  + '<SecondaryAccountCount>5</SecondaryAccountCount><Category>COMPANY</Category>'
  + '<Billing><StartDate>2025-01-01</StartDate><VatNumber>FR40303265045</VatNumber></Billing></account>';
const secondaryFile = (name) => `<account><AccountName>${name}</AccountName><Siret>73282932000074</Siret>`
  + '<CompanyName>Boulangerie Martin Lyon</CompanyName>'
  + '<Address><Street>2 place Bellecour</Street><City>Lyon</City><PostalCode>69002</PostalCode><Country>FR</Country></Address>'
  + '<Manager><Civility>MR</Civility><LastName>Petit</LastName><FirstName>Jean</FirstName>'
  + '<Email>jean.petit@example.fr</Email><Phone>+33472000000</Phone></Manager>'
  + `<Teleprocedures><Teleprocedure>TVA</Teleprocedure></Teleprocedures>${gdpr}</account>`;

function soap(request, operation, headers, body) {
  request.method = 'POST';
  request.headers = { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${NS}/Registering/${operation}"` };
  request.body = `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="${SOAP11}"><s:Header>${headers}</s:Header>`
    + `<s:Body><${operation} xmlns="${NS}">${body}</${operation}></s:Body></s:Envelope>`;
  return request;
}

// Accounts the bench filled: b{n} (each fifth a secondary b{n}.b{n-1}) and this run's first-time pool {tag}f{i}.
function anyAccount() {
  const index = Math.floor(Math.random() * (pool.filler + pool.first));
  if (index >= pool.filler) return `${pool.tag}f${index - pool.filler}`;
  return index % 5 === 4 ? `b${index}.b${index - 1}` : `b${index}`;
}

let firstTime = 0;
let poolExhausted = false;
const state = new Map(); // per connection, kept from the warm-up to the measured run
const randomName = (prefix) => prefix + crypto.randomBytes(6).toString('hex');

// For each scenario, the request a connection sends next, and what it learns from the answer.
const scenarios = {
  health: () => ({ setupRequest: (request) => Object.assign(request, { method: 'GET', path: '/health' }) }),
  'state-first': () => ({
    setupRequest(request) {
      // Each request a different account whose password this server process has never verified.
      if (firstTime >= pool.first) poolExhausted = true;
      const login = `${pool.tag}f${firstTime++ % pool.first}`;
      return soap(request, 'getAccountState', security() + context(login, password), `<accountName>${login}</accountName>`);
    },
  }),
  'state-repeated': () => ({
    // The white label's administrator (one password, verified once) reads the state of any account.
    setupRequest: (request) => soap(request, 'getAccountState', security() + context(admin.login, admin.password),
      `<accountName>${anyAccount()}</accountName>`),
  }),
  'state-sso': () => ({
    setupRequest(request) {
      const login = anyAccount();
      return soap(request, 'getAccountState', security() + context(login, ssoToken(login)), `<accountName>${login}</accountName>`);
    },
  }),
  'register-primary': () => ({
    setupRequest: (request) => soap(request, 'registerPrimaryAccount', security(), primaryFile(randomName('r'))),
  }),
  'register-secondary': (connection) => {
    // A parent of this connection's own (a primary's registrations conflict when they race), the next one when full.
    const own = state.get(connection) ?? { sent: 0 };
    state.set(connection, own);
    return {
      setupRequest(request) {
        const k = Math.floor(own.sent++ / pool.parentAllowance);
        const index = connection + k * connections;
        if (index >= pool.parents) poolExhausted = true;
        const parent = `${pool.tag}p${index % pool.parents}`;
        return soap(request, 'registerSecondaryAccount', security() + context(parent, password), secondaryFile(randomName('s')));
      },
    };
  },
  'modify-primary': (connection) => {
    // Each connection modifies its own primary, as that primary (a file's changes race otherwise).
    const login = `${pool.tag}m${connection % pool.modifiers}`;
    let turn = 0;
    return {
      setupRequest: (request) => soap(request, 'modifyPrimaryAccount', security() + context(login, password),
        `<account><AccountName>${login}</AccountName><CompanyName>Boulangerie Martin ${turn++ % 2 ? 'et Fils' : 'et Filles'}`
        + '</CompanyName></account>'),
    };
  },
  'change-status': (connection) => {
    // The administrator closes and reopens this connection's own target: DISABLE when REGISTERED, ENABLE when CLOSED.
    // The measured run has targets of its own: a request cut off by the end of the warm-up may still change its target.
    const own = { target: `${pool.tag}t${(connection + phase * connections) % pool.targets}`, action: 'DISABLE' };
    return {
      setupRequest: (request) => soap(request, 'changeAccountStatus', security() + context(admin.login, admin.password),
        `<accountName>${own.target}</accountName><action>${own.action}</action>`),
      onResponse(status, body) {
        const now = /State>([A-Z_]+)</.exec(body)?.[1];
        if (now) own.action = now === 'CLOSED' ? 'ENABLE' : 'DISABLE';
      },
    };
  },
};

if (!scenarios[scenario]) {
  console.error(`unknown scenario ${scenario}`);
  process.exit(2);
}

let firstError = null;
let phase = 0; // 0: warm-up, 1: measured (see change-status)
// The servers' CPU time (user + system, in clock ticks) and their peak resident memory (VmHWM, kB), from /proc.
const serverTicks = () => serverPids.reduce((sum, pid) => {
  const fields = statFields(pid);
  return sum + Number(fields[11]) + Number(fields[12]);
}, 0);
// PostgreSQL's CPU time (clock ticks; process-cpu.js). Null on SQLite, which runs inside the server and is counted in
// its CPU.
const databaseTicks = () => (databasePid ? processCpu.databaseTicks(databasePid) : null);
// The part of it on the server's password hashing threads (PasswordHashing names them "Password hashing"; the kernel
// keeps a thread's first 15 characters): a hashing row's CPU beyond its hashes is the call's own work.
const hashingTicks = () => serverPids.reduce((sum, pid) => {
  for (const thread of fs.readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/task/${thread}/stat`, 'utf8');
      if (stat.includes('(Password hashin)')) {
        const fields = stat.split(') ')[1].split(' ');
        sum += Number(fields[11]) + Number(fields[12]);
      }
    } catch {
      // A thread that ended while the list was read: never a hashing thread, which lives as long as the server.
    }
  }
  return sum;
}, 0);
const peakRss = () => serverPids.map((pid) => Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]));
// What the resident memory is made of at the end of a row (kB): anonymous (GC heap, native), file-backed (the runtime's
// and the assemblies' pages) and shared (the runtime's double-mapped executable memory, W^X).
const rssNow = () => serverPids.map((pid) => {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (name) => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)[1]);
  return { anon: kb('RssAnon'), file: kb('RssFile'), shmem: kb('RssShmem') };
});

// The hypervisor's steal: the share of the machine's CPU time its other tenants took while a row ran ("steal" in
// /proc/stat). A row measured while it was high ran on less than the machine's CPUs.
const cpuTimes = () => fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);

function run(seconds, requests) {
  let nextConnection = 0;
  return new Promise((resolve, reject) => {
    const instance = autocannon({
      url: urls.map((u) => (scenario === 'health' ? u.replace(/\/ws\/registering$/, '/health') : u)),
      connections,
      ...(requests ? { amount: requests } : { duration: seconds }),
      timeout,
      setupClient(client) {
        const connection = nextConnection++;
        const { setupRequest, onResponse } = scenarios[scenario](connection);
        client.setRequests([{
          setupRequest,
          onResponse(status, body, ctx) {
            if (status >= 300 && firstError === null) firstError = `HTTP ${status}: ${String(body).slice(0, 800)}`;
            if (onResponse) onResponse(status, body, ctx);
          },
        }]);
      },
    }, (error, result) => (error ? reject(error) : resolve(result)));
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

(async () => {
  if (warmup > 0) await run(warmup);
  firstError = null;
  phase = 1;
  const cpuBefore = process.cpuUsage();
  const ticksBefore = serverTicks();
  const hashingBefore = hashingTicks();
  const databaseBefore = databaseTicks();
  const machineBefore = cpuTimes();
  const result = await run(duration, amount);
  const ticks = serverTicks() - ticksBefore;
  const hashing = hashingTicks() - hashingBefore;
  const databaseTicksSpent = databaseBefore === null ? null : databaseTicks() - databaseBefore;
  const machine = cpuTimes().map((t, i) => t - machineBefore[i]);
  const machineTotal = machine.reduce((sum, t) => sum + t, 0);
  const cpu = process.cpuUsage(cpuBefore);
  const ok = result['2xx'];
  const answered = ok + result.non2xx;
  console.log(JSON.stringify({
    scenario,
    seconds: result.duration,
    ok,
    requestsPerSecond: ok / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    max: result.latency.max,
    errors: result.non2xx + result.errors,
    timeouts: result.timeouts,
    statusCodes: result.statusCodeStats,
    firstError,
    poolExhausted,
    serverCpuMsPerCall: answered ? (1000 * ticks) / clockTicks / answered : null,
    serverHashingCpuMsPerCall: answered ? (1000 * hashing) / clockTicks / answered : null,
    serverCpuPercent: (100 * ticks) / clockTicks / result.duration,
    databaseCpuMsPerCall: answered && databaseTicksSpent !== null ? (1000 * databaseTicksSpent) / clockTicks / answered : null,
    clientCpuPercent: (100 * (cpu.user + cpu.system)) / 1e6 / result.duration,
    stealPercent: machineTotal > 0 ? (100 * machine[7]) / machineTotal : 0,
    peakRssKb: peakRss(),
    rssNowKb: rssNow(),
  }));
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
