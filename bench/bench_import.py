"""Import speed: a 1,000,000-row tracker CSV through `netmetrics import` (wall time and peak memory of
the whole process), and the preview (parse only) of a 10,000-row file.

    python bench/bench_import.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from netmetrics.ingest import ImportOptions, parse_upload

GROUPS = [f"Group {i}" for i in range(40)]


def tracker_csv(rows: int, seed: int = 3) -> bytes:
    """A tracker in a US locale: one row per group per day, money with $ and thousands separators."""
    rnd = random.Random(seed)
    lines = ["Date,Group,Activities,Event hours,Prep hours,Travel hours,Cost,Referrals received,"
             "Referrals given,Own purchases,Sales,Sales value"]
    for i in range(rows):
        day = 1 + i % 28
        month = 1 + (i // 28) % 12
        given = rnd.randint(0, 2)
        lines.append(f"{month:02d}/{day:02d}/{2021 + (i // 336) % 5},{GROUPS[i % 40]},1,{rnd.randint(1, 3)},0.5,"
                     f"0.75,\"${rnd.randint(0, 1500):,}.00\",{rnd.randint(0, 2)},{given},{min(given, 1)},"
                     f"{rnd.randint(0, 1)},\"${rnd.randint(0, 5000):,}.50\"")
    return ("\n".join(lines) + "\n").encode()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        big = Path(tmp) / "tracker.csv"
        big.write_bytes(tracker_csv(args.rows))
        db = Path(tmp) / "bench.duckdb"
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "netmetrics.cli", "--db", str(db), "import", str(big)],
                              capture_output=True, text=True)
        seconds = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        if done.returncode:
            sys.exit(f"import failed: {done.stderr}")
        small = tracker_csv(10_000)
        started = time.perf_counter()
        preview = parse_upload("small.csv", small, ImportOptions())
        preview_s = time.perf_counter() - started
        assert preview.ok, preview.problems[:3]
    print("| file | rows | time | peak memory |")
    print("|---|---:|---:|---:|")
    print(f"| tracker CSV, `netmetrics import` (parse + store, whole process) | {args.rows:,} | {seconds:.1f} s "
          f"| {peak_mb:,.0f} MB |")
    print(f"| tracker CSV, preview (parse only) | 10,000 | {preview_s:.2f} s | |")


if __name__ == "__main__":
    main()
