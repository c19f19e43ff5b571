"""The Linux package: build it, install it, run it without any virtual environment, remove it.

Slow (a PyInstaller build) and needs root: marked `packaging`, so the normal run leaves it
out; `bash scripts/test.sh -m packaging` runs it, and .ci/run does.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import editor_app

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.packaging


def _run(*command: str, env: dict | None = None, timeout: int = 1200) -> subprocess.CompletedProcess:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env, timeout=timeout)


def test_the_deb_builds_installs_self_checks_and_uninstalls(tmp_path):
    assert os.geteuid() == 0, "installing a .deb needs root (CI runs as root)"
    assert shutil.which("dpkg-deb"), "dpkg-deb is part of every Debian system"
    built = _run("bash", "packaging/build-linux")
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    version = editor_app.__version__
    [package] = list((ROOT / "dist").glob(f"midad_{version}_*.deb"))
    info = _run("dpkg-deb", "--info", str(package)).stdout
    assert f"Version: {version}" in info and "libxcb-cursor0" in info
    contents = _run("dpkg-deb", "--contents", str(package)).stdout
    assert "./opt/midad/midad" in contents and "./usr/share/applications/midad.desktop" in contents
    assert "./usr/bin/midad -> /opt/midad/midad" in contents

    _run("dpkg", "--purge", "midad")
    installed = _run("dpkg", "-i", str(package))
    assert installed.returncode == 0, installed.stderr
    try:
        # A bare environment: no virtual environment, no project, nothing but the system.
        bare = {"PATH": "/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8"}
        assert _run("midad", "--version", env=bare).stdout.strip() == f"midad {version}"
        check = subprocess.run(["midad", "--self-check"], cwd=tmp_path, capture_output=True, text=True, env=bare, timeout=300)
        assert check.returncode == 0, check.stdout + check.stderr[-3000:]
        assert "ok\twindow\twindow opened, QtWebEngine preview rendered the article" in check.stdout
        desktop = Path("/usr/share/applications/midad.desktop").read_text(encoding="utf-8")
        assert "Name[ar]=مداد" in desktop and "Icon=midad" in desktop
        assert Path("/usr/share/icons/hicolor/256x256/apps/midad.png").read_bytes()[:4] == b"\x89PNG"
    finally:
        removed = _run("dpkg", "--purge", "midad")
    assert removed.returncode == 0, removed.stderr
    assert not Path("/opt/midad").exists() and not Path("/usr/bin/midad").exists()
    assert not Path("/usr/share/applications/midad.desktop").exists()
