#!/usr/bin/env python3
"""How long the maintenance's nonce purge holds a SQLite nonce file's write lock (bench/README.md, "The maintenance
purge in batches"). Makes a nonce file in the server's schema (WAL, synchronous=FULL as the server opens it) with
ROWS nonces in the order calls write them, then deletes the oldest EXPIRED of them as the purge does: in one statement
(batch 0) or in statements of at most BATCH rows. Prints the statements' longest and median time, and the whole
purge's wall and CPU time. Python's sqlite3 (the system's SQLite), not the server's: the statements, not EF Core.

Usage: bench/nonce-purge.py [BATCH ...]   (default: 0 500 1000 2000 5000; ROWS=400000 EXPIRED=300000)
"""
import os
import resource
import sqlite3
import sys
import tempfile
import time

ROWS = int(os.environ.get("ROWS", 400_000))
EXPIRED = int(os.environ.get("EXPIRED", 300_000))
SCHEMA = """
CREATE TABLE "used_nonces" ("Id" INTEGER NOT NULL CONSTRAINT "PK_used_nonces" PRIMARY KEY AUTOINCREMENT,
  "WhiteLabelId" TEXT NOT NULL, "Nonce" TEXT NOT NULL, "ExpiresAt" INTEGER NOT NULL);
CREATE INDEX "IX_used_nonces_ExpiresAt" ON "used_nonces" ("ExpiresAt");
CREATE UNIQUE INDEX "IX_used_nonces_WhiteLabelId_Nonce" ON "used_nonces" ("WhiteLabelId", "Nonce");
"""
BASE = 639_000_000_000_000_000  # UTC ticks, as the server stores instants on SQLite


def fill(path):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript(SCHEMA)
    db.execute("""WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < ?)
                  INSERT INTO used_nonces ("WhiteLabelId", "Nonce", "ExpiresAt")
                  SELECT '3f0c9a1e-1111-2222-3333-444455556666', hex(randomblob(16)), ? + i * 1000 FROM c""", (ROWS, BASE))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def purge(path, batch):
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=FULL")
    cut = BASE + (EXPIRED + 1) * 1000
    times, total = [], 0
    before, start = resource.getrusage(resource.RUSAGE_SELF), time.perf_counter()
    while True:
        began = time.perf_counter()
        if batch == 0:
            deleted = db.execute('DELETE FROM used_nonces WHERE "ExpiresAt" < ?', (cut,)).rowcount
        else:
            deleted = db.execute('''DELETE FROM used_nonces WHERE "Id" IN (SELECT "Id" FROM used_nonces
                                    WHERE "ExpiresAt" < ? ORDER BY "ExpiresAt" LIMIT ?)''', (cut, batch)).rowcount
        times.append(time.perf_counter() - began)
        total += deleted
        if batch == 0 or deleted < batch:
            break
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    times.sort()
    print(f"batch {batch or 'all'}: {total} rows in {len(times)} statements, longest {times[-1] * 1000:.0f} ms, "
          f"median {times[len(times) // 2] * 1000:.0f} ms; all of it {time.perf_counter() - start:.2f} s, {cpu:.2f} s of CPU")


for batch in [int(b) for b in sys.argv[1:]] or [0, 500, 1000, 2000, 5000]:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "nonces.db")
        fill(path)
        purge(path, batch)
