"""ui.serve: the server listens on this computer only, unless the user asks for a network address."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from ui import serve

ROOT = Path(__file__).resolve().parents[2]


def test_default_is_this_computer_only():
    argv, address = serve.streamlit_argv(["--server.port", "8600"], {})
    assert address == "127.0.0.1"
    assert argv[argv.index("--server.address") + 1] == "127.0.0.1"
    assert serve.network_warning(address) is None


def test_a_network_address_is_asked_for_and_warned_about():
    argv, address = serve.streamlit_argv([], {"CXAUDIT_ADDRESS": "0.0.0.0"})
    assert address == "0.0.0.0" and argv[argv.index("--server.address") + 1] == "0.0.0.0"
    warning = serve.network_warning(address)
    assert "0.0.0.0" in warning and "κάθε πελάτη" in warning and "every client" in warning
    # An explicit --server.address wins over the variable, and is not given twice.
    argv, address = serve.streamlit_argv(["--server.address=192.0.2.7"], {"CXAUDIT_ADDRESS": "0.0.0.0"})
    assert address == "192.0.2.7" and argv.count("--server.address") == 0


def test_config_file_keeps_plain_streamlit_run_local_too():
    import tomllib

    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["server"]["address"] == "127.0.0.1"


def _listening(port: int) -> set[str]:
    """Local addresses of the sockets listening on `port`, from /proc/net/tcp and tcp6."""
    found = set()
    for name, width in (("tcp", 8), ("tcp6", 32)):
        path = Path("/proc/net") / name
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            local, state = fields[1], fields[3]
            addr, hexport = local.split(":")
            if state == "0A" and int(hexport, 16) == port:  # 0A = LISTEN
                raw = bytes.fromhex(addr)
                if width == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, raw[::-1]))
                else:  # four little-endian 32-bit words
                    words = b"".join(raw[i:i + 4][::-1] for i in range(0, 16, 4))
                    found.add(socket.inet_ntop(socket.AF_INET6, words))
    return found


@pytest.mark.skipif(not Path("/proc/net/tcp").exists(), reason="reads Linux's socket table")
def test_the_started_server_listens_on_loopback_only(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if k != "CXAUDIT_ADDRESS"}
    env["CXAUDIT_DATABASE_URL"] = f"sqlite:///{tmp_path / 'serve.sqlite'}"
    with open(tmp_path / "serve.log", "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ui.serve", "--server.headless", "true", "--server.port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            deadline = time.time() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1) as r:
                        if r.read() == b"ok":
                            break
                except OSError:
                    if time.time() > deadline or proc.poll() is not None:
                        raise AssertionError((tmp_path / "serve.log").read_text()) from None
                    time.sleep(0.2)
            assert _listening(port) == {"127.0.0.1"}
        finally:
            proc.terminate()
            proc.wait(10)
