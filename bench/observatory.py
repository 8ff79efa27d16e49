"""The MDN HTTP Observatory scanner against the site behind deploy/nginx.conf, with TLS on loopback.

The scanner's install scripts download data, so it is installed with --ignore-scripts and an empty
HSTS preload list. It scans the default ports, so nginx listens on 127.0.0.1:80 and :443 here (root).
Its certificate comes from a throwaway local CA that the scanner is told to trust.
Goal: grade A+ with the highest score the scanner gives.
"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.local_server import PROJECT, free_port, running_site  # noqa: E402
from bench.nginx_local import available, running_nginx  # noqa: E402

VERSION = "1.4.8"
INSTALL = PROJECT / "bench" / ".cache" / "observatory"


def install():
    package = INSTALL / "node_modules" / "@mdn" / "mdn-http-observatory"
    if not package.exists():
        INSTALL.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            ["npm", "install", "--ignore-scripts", "--no-audit", "--no-fund", "--prefix", str(INSTALL),
             f"@mdn/mdn-http-observatory@{VERSION}"],
            check=True, capture_output=True,
        )  # fmt: skip
    preload = package / "conf" / "hsts-preload.json"
    if not preload.exists():
        preload.write_text("{}")
    return package


def scan(package, ca):
    env = {**os.environ, "NODE_EXTRA_CA_CERTS": str(ca)}
    result = subprocess.run(["node", str(package / "src" / "scan.js"), "localhost"], env=env, capture_output=True, text=True)
    return json.loads(result.stdout)


def main():
    if not available() or not shutil.which("node"):
        print("== HTTP Observatory: needs nginx, openssl and node; skipped")
        return
    package = install()
    with tempfile.TemporaryDirectory(prefix="observatory-") as tmp:
        workdir = Path(tmp)
        extra = {"DJANGO_HTTPS": "1", "AXES_PROXY_COUNT": "1", "SITE_URL": "https://localhost"}
        with running_site(workdir / "app", **extra) as url:
            app_port = int(url.rsplit(":", 1)[1])
            static_dir = workdir / "plain"
            static_dir.mkdir()
            with running_nginx(workdir / "nginx", app_port, workdir / "app" / "static", workdir / "app" / "media",
                               static_dir, 80, 443, free_port(), free_port()) as ca:  # fmt: skip
                result = scan(package, ca)
    if "error" in result:
        print(f"== HTTP Observatory: the scan failed: {result['error']}")
        return
    summary = result["scan"]
    print(f"== HTTP Observatory {VERSION} (nginx + TLS on loopback)")
    print(
        f"  grade {summary['grade']}, score {summary['score']}, tests passed {summary['testsPassed']}/{summary['testsQuantity']}"
    )
    for name, test in sorted(result["tests"].items()):
        marker = "pass" if test.get("pass") else "FAIL"
        print(f"    {marker} {name}: {test.get('result')} ({test.get('scoreModifier', 0):+d})")


if __name__ == "__main__":
    main()
