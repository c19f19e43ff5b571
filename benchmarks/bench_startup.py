"""Launch time and memory, side by side with Ghostwriter and ReText (Debian's packages).

Run: .venv/bin/python -m benchmarks.bench_startup [--runs 5] [--settle 8]

Under a private Xvfb, each app opens the same article (Ghostwriter and ReText the file, Midad
its library holding it), interleaved round by round. Printed: the median time from launch to
the main window being mapped, the median PSS of the whole process tree after --settle seconds
(QtWebEngine's helper processes included; Ghostwriter with its preview open), and Midad's
ratios to each. For Midad also its own start milestones (MIDAD_STARTUP_TRACE: imports done,
the early window (the last article) shown and painted, the library open, the main window
shown, the preview page loaded) and the PSS of the editor's own process; "Midad-text" is the
editor alone (MIDAD_TEXT_PREVIEW: the text preview, no QtWebEngine).
Missing apps (or Xvfb) are installed with apt-get when run as root; otherwise they are
skipped with a note.
"""

from __future__ import annotations

import argparse
import os
import shlex
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.x11_watch import MapWatcher

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "tests" / "fixtures" / "seed_article.md"
APT_PACKAGES = {"ghostwriter": "ghostwriter", "retext": "retext", "Xvfb": "xvfb"}


@dataclass
class App:
    name: str
    command: list[str]
    env: dict[str, str]
    mapped: list[float] = field(default_factory=list)
    tree_pss: list[float] = field(default_factory=list)
    main_pss: list[float] = field(default_factory=list)
    marks: dict[str, list[float]] = field(default_factory=dict)  # Midad's own trace: event → seconds
    trace: Path | None = None


def ensure_installed() -> None:
    missing = [package for command, package in APT_PACKAGES.items() if shutil.which(command) is None]
    if not missing:
        return
    if os.geteuid() != 0:
        print(f"bench_startup: missing {', '.join(missing)} (run as root to install them with apt-get)")
        return
    print(f"bench_startup: installing {', '.join(missing)} with apt-get")
    subprocess.run(["apt-get", "install", "-y", "-o", "DPkg::Lock::Timeout=900", *missing], check=True,
                   stdout=subprocess.DEVNULL, env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def start_xvfb() -> tuple[subprocess.Popen, str]:
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1600x1000x24", "-noreset"],
                              pass_fds=(write,), stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as pipe:
        number = pipe.readline().strip()
    return server, f":{number}"


def children_of() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        parent = int(text.rsplit(")", 1)[1].split()[1])
        tree.setdefault(parent, []).append(int(stat.parent.name))
    return tree


def process_tree(pid: int) -> list[int]:
    tree = children_of()
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        todo.extend(tree.get(current, []))
    return found


def pss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def stop(process: subprocess.Popen) -> None:
    everyone = process_tree(process.pid)
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    for pid in everyone[1:]:  # QtWebEngine helpers normally leave with their parent
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def launch(app: App, watcher: MapWatcher, settle: float, timed: bool) -> None:
    watcher.drain()
    if app.trace is not None:
        app.trace.unlink(missing_ok=True)
    started = time.monotonic()
    process = subprocess.Popen(app.command, env=app.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        mapped = watcher.wait_for(lambda: set(process_tree(process.pid)), timeout=30)
        if mapped is None:
            print(f"bench_startup: {app.name}'s window never appeared")
            return
        time.sleep(settle)
        if not timed:
            return
        app.mapped.append(mapped - started)
        tree = process_tree(process.pid)
        app.tree_pss.append(sum(pss_mb(pid) for pid in tree))
        app.main_pss.append(pss_mb(process.pid))
        if app.trace is not None and app.trace.exists():
            first: dict[str, float] = {}
            for line in app.trace.read_text().splitlines():
                event, moment = line.split()
                first.setdefault(event, float(moment) - started)  # an event may recur (a second trim)
            for event, seconds in first.items():
                app.marks.setdefault(event, []).append(seconds)
    finally:
        stop(process)


def midad_library(folder: Path, env: dict[str, str]) -> Path:
    data = folder / "midad-data"
    subprocess.run([sys.executable, "-m", "editor_app", "--data-dir", str(data), "import", str(ARTICLE)],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    return data


def build_apps(folder: Path, display: str, midad_command: list[str]) -> list[App]:
    base = {key: value for key, value in os.environ.items()
            if key not in ("QT_QPA_PLATFORM", "PYTHONDONTWRITEBYTECODE", "MIDAD_TEXT_PREVIEW")}
    base.update(DISPLAY=display, LANG="C.UTF-8", QTWEBENGINE_DISABLE_SANDBOX="1")
    apps = []
    article = folder / "article.md"
    shutil.copy(ARTICLE, article)

    def home(name: str) -> dict[str, str]:
        path = folder / f"home-{name}"
        (path / ".config").mkdir(parents=True, exist_ok=True)
        return {**base, "HOME": str(path), "XDG_CONFIG_HOME": str(path / ".config"),
                "XDG_CACHE_HOME": str(path / ".cache"), "XDG_DATA_HOME": str(path / ".local" / "share")}

    if shutil.which("ghostwriter"):
        env = home("ghostwriter")
        config = Path(env["XDG_CONFIG_HOME"]) / "ghostwriter"
        config.mkdir(exist_ok=True)
        (config / "ghostwriter.conf").write_text("[Preview]\nhtmlPreviewOpen=true\n")
        apps.append(App("Ghostwriter", ["ghostwriter", str(article)], env))
    if shutil.which("retext"):
        apps.append(App("ReText", ["retext", str(article)], home("retext")))
    # Bytecode is written (an installed app has its .pyc files), so only the warm-up compiles.
    env = {**home("midad"), "PYTHONPATH": str(ROOT)}
    trace = folder / "midad-trace.txt"
    env["MIDAD_STARTUP_TRACE"] = str(trace)
    data = midad_library(folder, env)
    apps.append(App("Midad", [*midad_command, "--data-dir", str(data)], env, trace=trace))
    # The editor alone: the same library with the text preview instead of QtWebEngine.
    editor_only = {**home("midad-text"), "PYTHONPATH": str(ROOT), "MIDAD_TEXT_PREVIEW": "1"}
    text_data = midad_library(folder / "text", editor_only)
    apps.append(App("Midad-text", [*midad_command, "--data-dir", str(text_data)], editor_only))
    return apps


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(apps: list[App]) -> None:
    print(f"{'app':<12} {'launch→mapped':>14} {'PSS tree':>10} {'PSS main':>10}   (medians of {len(apps[0].mapped)})")
    for app in apps:
        print(f"{app.name:<12} {median(app.mapped):>12.3f} s {median(app.tree_pss):>7.0f} MB {median(app.main_pss):>7.0f} MB")
    ours = [app for app in apps if app.name.startswith("Midad")]
    others = [app for app in apps if not app.name.startswith("Midad")]
    for midad in ours:
        if midad.marks:
            print(f"{midad.name}'s start, seconds after launch (medians): " + ", ".join(
                f"{event} {median(moments):.3f}" for event, moments in midad.marks.items()))
    for midad in ours:
        for other in others:
            print(f"{midad.name} / {other.name}: launch {median(midad.mapped) / median(other.mapped):.2f}×, "
                  f"PSS {median(midad.tree_pss) / median(other.tree_pss):.2f}×")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--settle", type=float, default=8.0, help="seconds after mapping before PSS is read")
    parser.add_argument("--midad", default=f"{shlex.quote(sys.executable)} -m editor_app",
                        help="how to start Midad, e.g. /opt/midad/midad for the installed bundle")
    options = parser.parse_args()
    ensure_installed()
    server, display = start_xvfb()
    try:
        with tempfile.TemporaryDirectory(prefix="midad-bench-startup-") as folder:
            apps = build_apps(Path(folder), display, shlex.split(options.midad))
            watcher = MapWatcher(display)
            for app in apps:  # warm-up: first-run work, caches, compiled bytecode
                launch(app, watcher, 2.0, timed=False)
            for round_number in range(options.runs):
                shift = round_number % len(apps)  # each app goes first in turn
                for app in apps[shift:] + apps[:shift]:
                    launch(app, watcher, options.settle, timed=True)
            watcher.close()
            report(apps)
    finally:
        server.terminate()
        server.wait()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
