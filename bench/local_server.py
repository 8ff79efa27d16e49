"""Start the shipped site in production mode (gunicorn, debug off) on a free loopback port.

Used by the browser tests, Lighthouse and the load benchmarks, so all of
them measure the same thing `make serve` runs.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url, process, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as response:  # noqa: S310 (our own loopback server)
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server did not become healthy")


def production_env(workdir, port, **extra):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "pain_site.settings",
        "DJANGO_DEBUG": "",
        "DJANGO_SECRET_KEY": os.environ.get("DJANGO_SECRET_KEY") or "local-check-secret-key-0123456789-0123456789",
        "DATABASE_URL": f"sqlite:///{Path(workdir) / 'db.sqlite3'}",
        "STATIC_ROOT": str(Path(workdir) / "static"),
        "MEDIA_ROOT": str(Path(workdir) / "media"),
        "CONTENT_DIR": str(PROJECT / "content"),
        "SITE_URL": f"http://127.0.0.1:{port}",
        "HOST": "127.0.0.1",
        "PORT": str(port),
    }
    env.pop("CACHE_URL", None)
    env.update(extra)
    return env


# What `make serve` runs before it starts gunicorn, in its order.
SETUP_COMMANDS = (["migrate", "--noinput"], ["collectstatic", "--noinput"], ["load_starter"], ["sync_content"])


def prepare(env):
    Path(env["STATIC_ROOT"]).parent.mkdir(parents=True, exist_ok=True)
    manage = [sys.executable, str(PROJECT / "manage.py")]
    for command in SETUP_COMMANDS:
        subprocess.run(manage + command, env=env, check=True, capture_output=True, cwd=PROJECT)


@contextlib.contextmanager
def running_server(workdir, **extra):
    """Yield (base URL, gunicorn master process, environment) of a freshly prepared production-mode site."""
    port = free_port()
    env = production_env(workdir, port, **extra)
    prepare(env)
    gunicorn = Path(sys.executable).parent / "gunicorn"
    process = subprocess.Popen(
        [str(gunicorn), "--config", str(PROJECT / "deploy" / "gunicorn.conf.py")],
        env=env,
        cwd=PROJECT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_healthy(url, process)
        yield url, process, env
    finally:
        process.terminate()
        process.wait(timeout=30)


@contextlib.contextmanager
def serving_shipped_content(prefix):
    """`make serve` as shipped, on a copy of the shipped content: yield (base URL, master, environment, work folder).

    The content is at work folder / "content", for a run that edits it.
    """
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        workdir = Path(tmp)
        content = workdir / "content"
        shutil.copytree(PROJECT / "content", content)
        with running_server(workdir / "app", CONTENT_DIR=str(content)) as (site, master, env):
            yield site, master, env, workdir


@contextlib.contextmanager
def running_site(workdir, **extra):
    """Yield the base URL of a freshly prepared production-mode site; stop it afterwards."""
    with running_server(workdir, **extra) as (url, _, _):
        yield url


def worker_pids(master_pid):
    """The gunicorn workers: the master's child processes."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError, IndexError, ValueError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[1]) == master_pid:
                children.append(int(stat.parent.name))
    return sorted(children)


def rss_mb(pid):
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0
