// One row of bench/soap.sh's table from the passes of one call (one JSON line each, as soap-load.js prints them, with
// the pass's own trivial rate, hash-bound limit and all-cores hashing rate added). One pass: its figures. Several: the
// pass of median rate gives the row's figures; the comparison is the median of each pass's own, with the range.
'use strict';

const storeSize = require('./store-size');

const [lines, label, provider, filled, instances, hashes] = process.argv.slice(2);
const passes = lines.trim().split('\n').map((line) => JSON.parse(line)).sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const row = passes[Math.floor((passes.length - 1) / 2)];
const percent = (ratios, digits) => {
  const text = `${(100 * median(ratios)).toFixed(digits)} %`;
  if (ratios.length === 1) return text;
  return `${text} [${(100 * Math.min(...ratios)).toFixed(digits)}–${(100 * Math.max(...ratios)).toFixed(digits)}]`;
};

let versus = '';
if (row.scenario !== 'health' && hashes === '1') {
  // The host's speed moved during a pass when the KDF measured around its row differs by over 15 %: said, not hidden.
  const moved = passes.filter((p) => p.kdfBefore > 0 && p.kdfAfter > 0
    && Math.max(p.kdfBefore, p.kdfAfter) > 1.15 * Math.min(p.kdfBefore, p.kdfAfter));
  versus = `${percent(passes.map((p) => p.requestsPerSecond / p.limit), 0)} of hash-bound ${row.limit}/s`
    + ` (${percent(passes.map((p) => p.requestsPerSecond / p.parallel), 0)} of all cores hashing, ${row.parallel}/s)`
    + moved.map((p) => `; KDF ${p.kdfBefore}→${p.kdfAfter} ms`).join('');
} else if (row.scenario === 'state-burst') {
  // The cheap call beside a burst of registrations: against its own row alone in the same pass, and what the burst got.
  const alone = passes.every((p) => p.alone > 0) ? `${percent(passes.map((p) => p.requestsPerSecond / p.alone), 0)} of its rate alone; ` : '';
  versus = `${alone}registrations beside it ${row.burst.requestsPerSecond.toFixed(1)}/s, p99 ${row.burst.p99} ms`;
} else if (row.scenario !== 'health' && passes.every((p) => p.trivial > 0)) {
  versus = `${percent(passes.map((p) => p.requestsPerSecond / p.trivial), 1)} of trivial`;
}

const errors = passes.reduce((sum, p) => sum + p.errors, 0);
const exhausted = passes.some((p) => p.poolExhausted);
const peaks = passes.flatMap((p) => p.peakRssKb);
const cells = [
  provider, storeSize(filled), instances, label,
  row.requestsPerSecond.toFixed(1) + (passes.length > 1
    ? ` [${passes[0].requestsPerSecond.toFixed(0)}–${passes[passes.length - 1].requestsPerSecond.toFixed(0)}]` : ''),
  versus, row.p50, row.p99, errors + (exhausted ? ' (pool exhausted)' : ''),
  row.serverCpuMsPerCall === null ? '' : row.serverCpuMsPerCall.toFixed(2)
    + (hashes === '1' && row.serverHashingCpuMsPerCall ? ` (hashing ${row.serverHashingCpuMsPerCall.toFixed(1)})` : ''),
  row.databaseCpuMsPerCall == null ? '' : row.databaseCpuMsPerCall.toFixed(2), `${row.clientCpuPercent.toFixed(0)} %`,
  `${row.stealPercent.toFixed(1)} %`,
  Math.max(...peaks.map((kb) => Math.round(kb / 1024))) + (row.peakRssKb.length > 1 ? ' each at most' : ''),
];
console.log(`| ${cells.join(' | ')} |`);
