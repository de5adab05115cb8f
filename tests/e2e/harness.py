"""What the browser tests share: the CLI and `streamlit run app.py` as real subprocesses on localhost, and
a page in a fresh browser context. The `browser` fixture lives in conftest.py."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
WAIT = 30_000  # ms, for one Streamlit run to draw
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")


def cli(data_dir: Path, *args: str) -> str:
    done = subprocess.run([sys.executable, "-m", "netmetrics.cli", "--data-dir", str(data_dir), *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return done.stdout


def link_path(cli_output: str) -> str:
    """The `/?share=TOKEN` line that `netmetrics share create` prints."""
    return next(line.strip() for line in cli_output.splitlines() if line.strip().startswith("/?share="))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until_up(url: str, proc: subprocess.Popen, log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while True:
        if proc.poll() is not None:
            pytest.fail(f"{proc.args[:3]} exited: {log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{url} did not answer within {seconds:.0f} s: {log.read_text()}")
        time.sleep(0.25)


@contextlib.contextmanager
def process(args: list[str], log: Path, ready_url: str, env: dict | None = None):
    """A server subprocess, up when `ready_url` answers 200, stopped afterwards."""
    with log.open("w") as out:
        proc = subprocess.Popen(args, cwd=ROOT, env=env or dict(os.environ), stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_until_up(ready_url, proc, log)
            yield proc
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=10)


@contextlib.contextmanager
def streamlit(data_dir: Path, env: dict[str, str], *options: str, port: int | None = None,
              host: str = "127.0.0.1"):
    """`streamlit run app.py` on `port` (a free one by default); yields the base URL, http://host:port."""
    port = port or free_port()
    args = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port), "--server.address",
            "127.0.0.1", "--server.headless", "true", "--browser.gatherUsageStats", "false", *options]
    base = f"http://{host}:{port}"
    with process(args, data_dir / f"streamlit-{port}.log", f"{base}/_stcore/health", dict(os.environ, **env)):
        yield base


def new_page(browser, width: int = 1400, height: int = 1000):
    """A page in its own browser context: its own cookies, so its own Streamlit session and sign-in."""
    context = browser.new_context(viewport={"width": width, "height": height})
    context.set_default_timeout(WAIT)
    return context.new_page()
