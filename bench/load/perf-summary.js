// Summarises the CPU profile bench/soap.sh PROFILE=1 records with perf (bench/README.md, "Where the CPU of a cheap call
// goes"): node perf-summary.js perf.script requestsPerSecond seconds frequency
// perf samples the server only while it runs on a CPU (cpu-clock), whole stacks, native and managed alike: unlike the
// thread-time trace, a thread waiting for a lock, a socket or the CPU itself is never counted. The runtime writes the
// JIT'd methods' names to /tmp/perf-<pid>.map (DOTNET_PerfMapEnabled=1).
// 1. Where the CPU was: the library of each sample's innermost frame.
// 2. Our innermost step on the stack (async state machines named as their method).
// 3. Named costs, inclusive: a sample counts once if any frame of its stack matches. Native libraries built without frame
//    pointers can cut a stack short, so these are lower bounds.
// 4. By thread (its name, as perf keeps it: 15 characters): the password hashing threads against the rest.
'use strict';
const fs = require('node:fs');

const [scriptPath, rateText, secondsText, frequencyText] = process.argv.slice(2);
const rate = Number(rateText);
const seconds = Number(secondsText);
const frequency = Number(frequencyText);

// perf script: a header line per sample ("<thread name> <tid> <time>: ..."), then one line per frame, innermost first:
// "\t<address> <symbol> (<library>)". Each sample is its frames, with its thread's name beside them.
const samples = [];
let frames = null;
for (const line of fs.readFileSync(scriptPath, 'utf8').split('\n')) {
  if (line.length === 0) {
    if (frames !== null && frames.length > 0) samples.push(frames);
    frames = null;
  } else if (/^\s/.test(line)) {
    const match = /^\s+[0-9a-f]+\s+(.*?)\s+\(([^()]*)\)$/.exec(line);
    if (frames !== null && match) frames.push({ symbol: match[1], library: match[2] });
  } else {
    frames = [];
    frames.thread = /^(.*?)\s+\d+\s+[\d.]+:/.exec(line)?.[1].trim() ?? '(unknown)';
  }
}
if (frames !== null && frames.length > 0) samples.push(frames);
if (samples.length === 0) {
  console.log('No samples: is perf allowed to read this process (perf_event_paranoid, root)?');
  process.exit(0);
}

const share = (count) => `${((100 * count) / samples.length).toFixed(1).padStart(5)} %`;
const cpuSeconds = samples.length / frequency;
console.log(`CPU profile: ${samples.length} samples at ${frequency} Hz = ${cpuSeconds.toFixed(1)} s of server CPU over ${seconds} s`
  + (rate > 0 ? `, ${((1000 * cpuSeconds) / (rate * seconds)).toFixed(2)} ms per call at ${rate.toFixed(1)} calls/s` : ''));

const libraries = [
  ['managed code (JIT\'d: ours, ASP.NET Core, EF Core, XML...)', /^\[JIT\]|perf-\d+\.map|\.dll$|memfd:doublemapper/],
  ['the kernel (system calls: sockets, the store\'s writes and fsync; scheduling, interrupts)', /kernel/],
  ['the runtime (libcoreclr: GC, casts, stubs, thread pool, locks)', /libcoreclr/],
  ['SQLite (libe_sqlite3: parsing and running statements)', /libe_sqlite3/],
  ['libc (malloc, memcpy, mutexes)', /libc\.so/],
  ['the JIT compiler (libclrjit: tiered compilation, dynamic methods)', /libclrjit/],
  ['OpenSSL (libcrypto: SHA-1 digests, Data Protection)', /libcrypto|libssl|Cryptography\.Native/],
];
const byLibrary = new Map();
for (const stack of samples) {
  const index = libraries.findIndex(([, pattern]) => pattern.test(stack[0].library));
  const label = index < 0 ? `other (${stack[0].library})` : libraries[index][0];
  byLibrary.set(label, (byLibrary.get(label) ?? 0) + 1);
}
console.log('\nWhere the CPU was (the library of the innermost frame):');
for (const [label, count] of [...byLibrary].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${share(count)}  ${label}`);

const stepOf = (symbol) => {
  const match = /\[Guichet\.\w+\] Guichet\.[\w.]*?\.(\w+)(?:\+<(\w+)>d__\d+::MoveNext|::(\w+))\(/.exec(symbol);
  return match ? `${match[1]}.${match[2] ?? match[3]}` : null;
};
const bySteps = new Map();
for (const stack of samples) {
  const step = stack.map((frame) => stepOf(frame.symbol)).find((name) => name !== null) ?? '(none of ours: Kestrel, the pool, the runtime)';
  bySteps.set(step, (bySteps.get(step) ?? 0) + 1);
}
console.log('\nBy our innermost step on the stack (what the work below it was done for):');
for (const [step, count] of [...bySteps].sort((a, b) => b[1] - a[1]).slice(0, 14)) console.log(`  ${share(count)}  ${step}`);

const named = [
  ['HTTP: Kestrel\'s request loop and everything under it', /HttpProtocol\+<ProcessRequests>/],
  ['the SOAP guard reading the envelope (SoapRequestGuard.Read)', /SoapRequestGuard::Read\(/],
  ['XML (System.Private.Xml, System.Xml.Linq)', /\[System\.Private\.Xml(\.Linq)?\]/],
  ['EF Core (anything under Microsoft.EntityFrameworkCore)', /\[Microsoft\.EntityFrameworkCore/],
  ['EF Core making a delegate on each execution (DynamicMethod.CreateDelegate)', /DynamicMethod::CreateDelegate/],
  ['opening and closing pooled connections', /(Sqlite|Npgsql)Connection::(Open|Close)\(/],
  ['SQLite preparing statements (parsing the SQL on every execution)', /sqlite3LockAndPrepare|sqlite3Prepare|sqlite3RunParser/],
  ['SQLite running statements (sqlite3_step)', /sqlite3VdbeExec|sqlite3_step/],
  ['Npgsql (PostgreSQL\'s protocol)', /\[Npgsql\]/],
  ['the nonce ledger\'s writer (its batch, its commit)', /NonceLedger\+<WriteBatchAsync>/],
  ['fsync (the kernel writing the commit through)', /do_fsync|ext4_sync_file/],
  ['sockets (the kernel sending and receiving)', /tcp_sendmsg|tcp_recvmsg|sock_recvmsg|sock_sendmsg/],
  ['Data Protection (decrypting a secret)', /DataProtection/],
  ['idle pool threads spinning for work (LowLevelLifoSemaphore, sched_yield)', /LowLevelLifoSemaphore|sched_yield/],
];
console.log('\nNamed costs, inclusive (lower bounds):');
for (const [label, pattern] of named) {
  const count = samples.filter((stack) => stack.some((frame) => pattern.test(frame.symbol))).length;
  console.log(`  ${share(count)}  ${label}`);
}

const byThread = new Map();
for (const stack of samples) byThread.set(stack.thread, (byThread.get(stack.thread) ?? 0) + 1);
console.log('\nBy thread (its name as perf keeps it):');
for (const [thread, count] of [...byThread].sort((a, b) => b[1] - a[1]).slice(0, 8)) {
  console.log(`  ${share(count)}  ${thread}` + (rate > 0 ? `: ${((1000 * count) / frequency / (rate * seconds)).toFixed(2)} ms per call` : ''));
}
