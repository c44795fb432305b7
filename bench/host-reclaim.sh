# Sourced by bench/soap.sh: the host's proactive reclaim, which decides what the large stores' rows measure.
#
# Some hosts page out memory that nobody touched for a while, on their own and with memory to spare: DAMON's
# proactive reclaim, a kdamond running a "pageout" scheme (sandboxed VMs use it to hand memory back to their host).
# It treats the page cache like the rest: the pages of a store of 1,000,000 accounts that no call read in the last
# minute are dropped, and the next random read of one goes to the disk. A database host keeps them cached. The bench
# says which it measured, in its header and its table's; PAUSE_RECLAIM=1 (as root) turns those kdamonds off for the
# run and on again at its end (bench/README.md, "The host's proactive reclaim").

damon_kdamonds=/sys/kernel/mm/damon/admin/kdamonds
reclaim_paused=()
host_reclaim="none (no DAMON pageout scheme running)"

# The folders of the kdamonds that are on and page out, one per line.
reclaiming_kdamonds() {
  local kdamond
  for kdamond in "$damon_kdamonds"/*/; do
    [ "$(cat "${kdamond}state" 2>/dev/null)" = on ] || continue
    if grep -qsx pageout "$kdamond"contexts/*/schemes/*/action; then echo "${kdamond%/}"; fi
  done
}

# Sets host_reclaim for the headers, and pauses the kdamonds when PAUSE_RECLAIM=1.
host_reclaim_start() {
  local kdamonds kdamond names
  mapfile -t kdamonds < <(reclaiming_kdamonds)
  [ ${#kdamonds[@]} -gt 0 ] || return 0
  names=$(printf '%s\n' "${kdamonds[@]##*/}" | paste -sd ' ')
  if [ "${PAUSE_RECLAIM:-0}" != 1 ]; then
    host_reclaim="on (DAMON pageout, kdamond $names): a large store's idle pages are read again from disk"
    echo "== Warning: this host pages out memory idle for a while (DAMON pageout, kdamond $names). A large store's"
    echo "   pages that no call read lately are read again from disk, which a database host does not do."
    echo "   PAUSE_RECLAIM=1 (as root) pauses it for the run: bench/README.md, \"The host's proactive reclaim\"."
    return 0
  fi
  for kdamond in "${kdamonds[@]}"; do
    if [ ! -w "$kdamond/state" ]; then
      echo "PAUSE_RECLAIM=1: cannot write $kdamond/state (run as root)" >&2
      exit 2
    fi
    echo off >"$kdamond/state"
    reclaim_paused+=("$kdamond")
  done
  host_reclaim="paused for the run (DAMON pageout, kdamond $names; on again at its end)"
  echo "== The host's proactive reclaim (DAMON pageout, kdamond $names) paused for the run"
}

# Says, after a row, when a paused kdamond runs again though the bench did not turn it on (another agent of the host):
# the rows after it were measured with the proactive reclaim on.
host_reclaim_check() {
  local kdamond
  for kdamond in "${reclaim_paused[@]}"; do
    if [ "$(cat "$kdamond/state" 2>/dev/null)" = on ]; then
      echo "   warning: kdamond ${kdamond##*/} (DAMON pageout) is on again, turned on by something other than the bench"
    fi
  done
}

# Turns on again what host_reclaim_start paused (the bench's exit trap).
host_reclaim_restore() {
  local kdamond
  for kdamond in "${reclaim_paused[@]}"; do
    # Already on when something else turned it on during the run (host_reclaim_check said so): writing on fails then.
    [ "$(cat "$kdamond/state" 2>/dev/null)" = on ] && continue
    echo on >"$kdamond/state" 2>/dev/null || echo "could not turn $kdamond on again" >&2
  done
  reclaim_paused=()
}
