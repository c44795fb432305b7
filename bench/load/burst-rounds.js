// One pass's burst row on one store from its rounds (bench/soap.sh, BURST_ROUNDS: one JSON line each, as soap.sh keeps
// them), as one line of the same shape: the calls of every round over their time together; latencies the rounds'
// median p50 and worst p90, p99 and max (the rounds' histograms are not kept: the worst is the honest bound); errors
// summed; the server's peak RSS the highest. The rounds' own rates stay in `rounds`.
'use strict';

const rounds = process.argv[2].trim().split('\n').map((line) => JSON.parse(line));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const worst = (pick) => Math.max(...rounds.map(pick));
const sum = (pick) => rounds.reduce((total, round) => total + pick(round), 0);

const statusCodes = {};
for (const round of rounds) {
  for (const [code, stat] of Object.entries(round.statusCodes ?? {})) {
    statusCodes[code] = { count: (statusCodes[code]?.count ?? 0) + stat.count };
  }
}

const seconds = sum((r) => r.seconds);
const ok = sum((r) => r.ok);
console.log(JSON.stringify({
  ...rounds[0],
  seconds,
  ok,
  requestsPerSecond: ok / seconds,
  p50: median(rounds.map((r) => r.p50)),
  p90: worst((r) => r.p90),
  p99: worst((r) => r.p99),
  max: worst((r) => r.max),
  errors: sum((r) => r.errors),
  timeouts: sum((r) => r.timeouts),
  statusCodes,
  firstError: rounds.map((r) => r.firstError).find((error) => error) ?? null,
  poolExhausted: rounds.some((r) => r.poolExhausted),
  clientCpuPercent: mean(rounds.map((r) => r.clientCpuPercent)),
  stealPercent: mean(rounds.map((r) => r.stealPercent)),
  peakRssKb: rounds[0].peakRssKb.map((_, i) => worst((r) => r.peakRssKb[i])),
  rssNowKb: rounds[rounds.length - 1].rssNowKb,
  burst: {
    requestsPerSecond: mean(rounds.map((r) => r.burst.requestsPerSecond)),
    p50: median(rounds.map((r) => r.burst.p50)),
    p99: worst((r) => r.burst.p99),
  },
  rounds: rounds.map((r) => r.requestsPerSecond),
}));
