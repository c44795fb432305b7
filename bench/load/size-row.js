// One row of bench/soap.sh's store-size table: a call on a larger store against the same call on the smallest store,
// pass by pass. The two stores' servers run side by side and each pass measures the call on one store right after the
// other, so a pass's ratio holds the host's speed of those minutes on both sides (a run's halves can differ by 20 %).
// Arguments: the larger store's passes and the smaller store's (one JSON line each, in pass order, as soap.sh keeps
// them), the call's label, provider, the two sizes, servers.
'use strict';

const storeSize = require('./store-size');

const [larger, smaller, label, provider, size, smallerSize, instances] = process.argv.slice(2);
const parse = (lines) => lines.trim().split('\n').map((line) => JSON.parse(line));
const [big, small] = [parse(larger), parse(smaller)];
if (big.length !== small.length) throw new Error(`${label}: ${big.length} passes against ${small.length}`);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const percent = (ratios) => {
  const text = `${(100 * median(ratios)).toFixed(0)} %`;
  if (ratios.length === 1) return text;
  return `${text} [${(100 * Math.min(...ratios)).toFixed(0)}–${(100 * Math.max(...ratios)).toFixed(0)}]`;
};

const rates = big.map((pass, i) => pass.requestsPerSecond / small[i].requestsPerSecond);
// The burst row shares the servers' CPU between two loads: it has no CPU per call (soap-load.js gives null).
const cpu = big.every((pass, i) => pass.serverCpuMsPerCall && small[i].serverCpuMsPerCall)
  ? percent(big.map((pass, i) => pass.serverCpuMsPerCall / small[i].serverCpuMsPerCall))
  : '';
console.log(`| ${[provider, storeSize(size), storeSize(smallerSize), instances, label, percent(rates), cpu].join(' | ')} |`);
