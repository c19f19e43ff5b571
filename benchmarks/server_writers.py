"""bench_writers against a benchmark newsroom server, with the server's CPU time measured:
what every PostgreSQL process of the private cluster used (from /proc) while the writers ran."""

from __future__ import annotations

import os
import time

from benchmarks import bench_writers

WRITERS = 50
INTERVAL = 2.0
TICKS = os.sysconf("SC_CLK_TCK")


def server_cpu_seconds(postmaster: int) -> float:
    """The postmaster's own and reaped children's CPU, plus its live children's (backends, autovacuum…)."""
    def times(pid: int, reaped: bool) -> float:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        used = int(fields[11]) + int(fields[12])  # utime, stime
        if reaped:
            used += int(fields[13]) + int(fields[14])  # cutime, cstime
        return used / TICKS

    total = times(postmaster, True)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = open(f"/proc/{entry}/stat").read()
                if int(stat.rsplit(")", 1)[1].split()[1]) == postmaster:
                    total += times(int(entry), False)
            except (OSError, ValueError, IndexError):
                continue  # ended meanwhile
    return total


def run_writers(cluster, url: str, seconds: float, load) -> None:
    postmaster = cluster.process.pid
    before_cpu, start = server_cpu_seconds(postmaster), time.perf_counter()
    print(f"-- {WRITERS} writers saving every {INTERVAL:.0f} s for {seconds:.0f} s ({load()})")
    bench_writers.run(url, WRITERS, seconds, INTERVAL)
    time.sleep(1)  # the writers' backends end and are reaped
    used, wall = server_cpu_seconds(postmaster) - before_cpu, time.perf_counter() - start
    print(f"  server CPU: {used:.1f} s over {wall:.0f} s = {used / wall * 100:.0f}% of one core "
          f"(all PostgreSQL processes; the machine has {os.cpu_count()} cores) ({load()})")
