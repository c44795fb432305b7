// Summarises what bench/soap.sh PROFILE=1 collected (bench/README.md, "Where the time of a cheap call goes"):
//   node trace-summary.js trace.speedscope.json counters.csv requestsPerSecond
// 1. The trace (dotnet-trace, profile dotnet-sampled-thread-time: every managed thread's stack ~100 times a second,
//    converted to speedscope): the thread time of request processing by area, each instant going to the innermost
//    area on its stack, split into managed code on CPU (leaf CPU_TIME) and native code (leaf UNMANAGED_CODE_TIME: SQLite,
//    system calls, waits for a lock, a socket or fsync - the sampler cannot tell running from waiting there).
// 2. The methods that were on CPU (managed code), exclusive and inclusive.
// 3. The counters (dotnet-counters, one line a second): means over the trace.
'use strict';
const fs = require('node:fs');

const [tracePath, countersPath, rateText] = process.argv.slice(2);
const trace = JSON.parse(fs.readFileSync(tracePath, 'utf8'));
const names = trace.shared.frames.map((f) => f.name);

// Innermost match wins, so an area nested in another (EF Core inside our use case) gets its own time.
const areas = [
  ['password hash (PBKDF2)', /Pbkdf2|Rfc2898|PasswordHasher/],
  ['Data Protection (decrypting a secret)', /Microsoft\.AspNetCore\.DataProtection|Microsoft\.AspNetCore\.Cryptography/],
  ['SQLite (native: statement, lock waits, fsync)', /SQLitePCL|Microsoft\.Data\.Sqlite/],
  ['Npgsql (PostgreSQL protocol, socket waits)', /Npgsql/],
  ['EF Core (queries, change tracking, SaveChanges)', /Microsoft\.EntityFrameworkCore/],
  ['our SOAP guard (SoapRequestGuard: reads and parses the body)', /Guichet\.Server\.Soap\.SoapRequestGuard/],
  ['SoapCore (parses the body again, binds, serialises)', /SoapCore/],
  ['our code (use cases, authenticators, adapter)', /Guichet\./],
  ['XML (System.Xml, outside the above)', /System\.Private\.Xml|System\.Xml/],
  ['ASP.NET Core / Kestrel (HTTP, pipeline)', /Microsoft\.AspNetCore/],
];
const isRequest = /Microsoft\.AspNetCore\.Server\.Kestrel.*ProcessRequests|SoapEndpointMiddleware|SoapRequestGuard/;
const frameArea = names.map((name) => areas.findIndex(([, pattern]) => pattern.test(name)));
const frameRequest = names.map((name) => isRequest.test(name));

// Our innermost step on the stack (WsseAuthenticator.AuthenticateAsync, LoginThrottling.CheckAsync...), async state
// machines named as their method.
const ourStep = names.map((name) => {
  const match = /^Guichet\.[A-Za-z]+!Guichet\.[\w.]*?\.(\w+)(?:\+<(\w+)>d__\d+\.MoveNext|\.(\w+))\(/.exec(name);
  return match ? `${match[1]}.${match[2] ?? match[3]}` : null;
});
const byStep = new Map();
const byArea = new Map(); // area -> { cpu, native }
const exclusiveCpu = new Map();
const inclusiveCpu = new Map();
let requestTime = 0;
let allTime = 0;
let requestCpu = 0;
for (const profile of trace.profiles) {
  const stack = [];
  let last = profile.startValue;
  for (const event of profile.events) {
    const span = event.at - last;
    last = event.at;
    if (span > 0 && stack.length > 0) {
      const leaf = names[stack[stack.length - 1]];
      allTime += span;
      if (stack.some((f) => frameRequest[f])) {
        requestTime += span;
        let area = 'other (runtime, thread pool, async plumbing)';
        for (let i = stack.length - 1; i >= 0; i--) {
          if (frameArea[stack[i]] >= 0) {
            area = areas[frameArea[stack[i]]][0];
            break;
          }
        }
        const cell = byArea.get(area) ?? { cpu: 0, native: 0 };
        if (leaf === 'CPU_TIME') cell.cpu += span;
        else cell.native += span;
        byArea.set(area, cell);
        let step = '(none of ours)';
        for (let i = stack.length - 1; i >= 0; i--) {
          if (ourStep[stack[i]]) {
            step = ourStep[stack[i]];
            break;
          }
        }
        const stepCell = byStep.get(step) ?? { cpu: 0, native: 0 };
        if (leaf === 'CPU_TIME') stepCell.cpu += span;
        else stepCell.native += span;
        byStep.set(step, stepCell);
        if (leaf === 'CPU_TIME' && stack.length > 1) {
          requestCpu += span;
          const method = stack[stack.length - 2];
          exclusiveCpu.set(method, (exclusiveCpu.get(method) ?? 0) + span);
          for (const f of new Set(stack)) inclusiveCpu.set(f, (inclusiveCpu.get(f) ?? 0) + span);
        }
      }
    }
    if (event.type === 'O') stack.push(event.frame);
    else stack.pop();
  }
}

const percent = (part, whole) => `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
const short = (name) => name.replace(/^[^!]*!/, '').replace(/\(.*$/, '').slice(0, 130);
console.log(`Thread time of request processing: ${(requestTime / 1000).toFixed(1)} s (of ${(allTime / 1000).toFixed(1)} s sampled on every`
  + ' thread, idle ones included). By innermost area: share of request time, [managed on CPU / native or waiting]');
for (const [area, cell] of [...byArea].sort((a, b) => (b[1].cpu + b[1].native) - (a[1].cpu + a[1].native))) {
  console.log(`  ${percent(cell.cpu + cell.native, requestTime)}  ${area}  [${(cell.cpu / 1000).toFixed(1)} s / ${(cell.native / 1000).toFixed(1)} s]`);
}
console.log('\nThe same request time by our innermost step on the stack (what the SQL and waits above were done for):');
for (const [step, cell] of [...byStep].sort((a, b) => (b[1].cpu + b[1].native) - (a[1].cpu + a[1].native)).slice(0, 12)) {
  console.log(`  ${percent(cell.cpu + cell.native, requestTime)}  ${step}  [${(cell.cpu / 1000).toFixed(1)} s / ${(cell.native / 1000).toFixed(1)} s]`);
}
const top = (map, count, filter = () => true) => [...map].filter(([f]) => filter(names[f])).sort((a, b) => b[1] - a[1]).slice(0, count)
  .map(([f, time]) => `  ${percent(time, requestCpu)}  ${short(names[f])}`).join('\n');
console.log(`\nManaged code on CPU in requests: ${(requestCpu / 1000).toFixed(1)} s. Methods on CPU themselves (exclusive):`);
console.log(top(exclusiveCpu, 15));
console.log('\nInclusive managed CPU of named steps (our code, SoapCore, EF Core, Data Protection, XML):');
console.log(top(inclusiveCpu, 30, (name) => /Guichet\.|SoapCore!|EntityFrameworkCore!|DataProtection|Xml!/.test(name)
  && !/MoveNext|AsyncMethodBuilder|AsyncStateMachineBox/.test(name)));

if (countersPath && fs.existsSync(countersPath)) {
  const sums = new Map();
  for (const line of fs.readFileSync(countersPath, 'utf8').split('\n').slice(1)) {
    const cells = line.split(',');
    if (cells.length < 5) continue;
    const name = cells.slice(2, cells.length - 2).join(',');
    const value = Number(cells[cells.length - 1]);
    const entry = sums.get(name) ?? { total: 0, count: 0, max: -Infinity };
    entry.total += value;
    entry.count += 1;
    entry.max = Math.max(entry.max, value);
    sums.set(name, entry);
  }
  const mean = (prefix) => {
    const found = [...sums].filter(([name]) => name.startsWith(prefix));
    return found.length ? found.reduce((s, [, e]) => s + e.total / e.count, 0) : NaN;
  };
  const maxOf = (prefix) => Math.max(...[...sums].filter(([name]) => name.startsWith(prefix)).map(([, e]) => e.max));
  const rate = Number(rateText);
  const allocated = mean('dotnet.gc.heap.total_allocated');
  console.log('\nCounters (dotnet-counters, means over the trace):');
  console.log(`  CPU ${mean('dotnet.process.cpu.time').toFixed(2)} cores busy; GC pause ${(100 * mean('dotnet.gc.pause.time')).toFixed(1)} % of the time;`
    + ` allocated ${(allocated / 1048576).toFixed(1)} MB/s${rate > 0 ? ` = ${(allocated / rate / 1024).toFixed(0)} KB per call` : ''}`);
  console.log(`  GC collections/s: gen0 ${mean('dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen0]').toFixed(1)},`
    + ` gen1 ${mean('dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen1]').toFixed(1)},`
    + ` gen2 ${mean('dotnet.gc.collections ({collection} / 1 sec)[gc.heap.generation=gen2]').toFixed(1)};`
    + ` lock contentions/s ${mean('dotnet.monitor.lock_contentions').toFixed(0)}; thread pool queue ${mean('dotnet.thread_pool.queue.length').toFixed(1)}`);
  console.log(`  working set at most ${(maxOf('dotnet.process.memory.working_set') / 1048576).toFixed(0)} MB;`
    + ` server-side request duration (HTTP 200) p50 ${(1000 * mean('http.server.request.duration (s)[http.request.method=POST;http.response.status_code=200;network.protocol.version=1.1;url.scheme=http;Percentile=50]')).toFixed(1)} ms,`
    + ` p99 ${(1000 * mean('http.server.request.duration (s)[http.request.method=POST;http.response.status_code=200;network.protocol.version=1.1;url.scheme=http;Percentile=99]')).toFixed(1)} ms`);
}
