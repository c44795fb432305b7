// CPU time of processes from /proc, in clock ticks (getconf CLK_TCK): used by soap-load.js per row, and by
// bench/soap.sh around each maintenance purge (`node process-cpu.js database PID` prints the cluster's ticks).
'use strict';

const fs = require('node:fs');

// A process's /proc/PID/stat after its name: [1] the parent, [11] utime, [12] stime, [13] cutime, [14] cstime (ticks).
const statFields = (pid) => fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');

// PostgreSQL's CPU time: its postmaster (with what its exited backends left it: cutime, cstime) and its live children.
const databaseTicks = (databasePid) => {
  const postmaster = statFields(databasePid);
  let sum = Number(postmaster[11]) + Number(postmaster[12]) + Number(postmaster[13]) + Number(postmaster[14]);
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = statFields(entry);
      if (Number(fields[1]) === databasePid) sum += Number(fields[11]) + Number(fields[12]);
    } catch {
      // The process ended while the list was read: its time is in the postmaster's cutime once it is reaped.
    }
  }
  return sum;
};

module.exports = { statFields, databaseTicks };

if (require.main === module) {
  const [what, pid] = process.argv.slice(2);
  if (what !== 'database' || !/^\d+$/.test(pid ?? '')) {
    console.error('usage: node process-cpu.js database POSTMASTER_PID');
    process.exit(2);
  }
  console.log(databaseTicks(Number(pid)));
}
