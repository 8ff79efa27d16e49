"""Run deploy/nginx.conf on loopback for the benchmarks: a local CA, a certificate for localhost, and
the example's paths and ports pointed at a throwaway folder. Needs Debian's nginx and openssl."""

import contextlib
import os
import pwd
import shutil
import subprocess
import time
import urllib.request
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
DEPLOY = PROJECT / "deploy"


def available():
    return bool(shutil.which("nginx") and shutil.which("openssl"))


def make_certificates(folder):
    """A local certificate authority and a localhost certificate it signs; returns (ca, cert, key)."""
    folder = Path(folder)
    ca_key, ca, key, csr, cert = (folder / name for name in ("ca.key", "ca.pem", "site.key", "site.csr", "site.pem"))
    run = lambda *args: subprocess.run(["openssl", *args], check=True, capture_output=True)  # noqa: E731
    run("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(ca_key), "-out", str(ca), "-days", "2",
        "-subj", "/CN=Pain site bench CA")  # fmt: skip
    run("req", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(csr), "-subj", "/CN=localhost")
    extensions = folder / "san.ext"
    extensions.write_text("subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\n")
    run("x509", "-req", "-in", str(csr), "-CA", str(ca), "-CAkey", str(ca_key), "-CAcreateserial", "-out", str(cert),
        "-days", "2", "-extfile", str(extensions))  # fmt: skip
    return ca, cert, key


def site_config(folder, app_port, http_port, https_port, static_root, media_root, cert, key):
    """deploy/nginx.conf with its example values replaced by the loopback ones."""
    text = (DEPLOY / "nginx.conf").read_text()
    replacements = {
        "/var/cache/nginx/pain-site": str(Path(folder) / "cache"),
        "server 127.0.0.1:8000;": f"server 127.0.0.1:{app_port};",
        "listen 80;": f"listen 127.0.0.1:{http_port};",
        "listen [::]:80;\n": "",
        "listen 443 ssl http2;": f"listen 127.0.0.1:{https_port} ssl http2;",
        "listen [::]:443 ssl http2;\n": "",
        "server_name library.example.org;": "server_name localhost 127.0.0.1;",
        "/etc/letsencrypt/live/library.example.org/fullchain.pem": str(cert),
        "/etc/letsencrypt/live/library.example.org/privkey.pem": str(key),
        "/srv/pain-site/staticfiles/": str(static_root).rstrip("/") + "/",
        "/srv/pain-site/media/renditions/": str(Path(media_root) / "renditions") + "/",
        "/etc/nginx/conf.d/pain-site-proxy.inc": str(DEPLOY / "pain-site-proxy.inc"),
    }
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new)
    return text


def main_config(folder, site, static_port, static_dir, static_tls_port, cert, key):
    """A whole nginx.conf: the site, plus a static server (plain and TLS) for the baselines."""
    folder = Path(folder)
    # Workers must read the throwaway folder, which only its owner may enter.
    user = f"user {pwd.getpwuid(os.geteuid()).pw_name};" if os.geteuid() == 0 else ""
    return f"""
{user}
worker_processes 2;
pid {folder / "nginx.pid"};
error_log {folder / "error.log"} warn;
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    keepalive_requests 100000;
    client_body_temp_path {folder / "body"};
    proxy_temp_path {folder / "proxy"};
    fastcgi_temp_path {folder / "fastcgi"};
    uwsgi_temp_path {folder / "uwsgi"};
    scgi_temp_path {folder / "scgi"};
    {site}
    server {{
        listen 127.0.0.1:{static_port};
        listen 127.0.0.1:{static_tls_port} ssl http2;
        ssl_certificate {cert};
        ssl_certificate_key {key};
        root {static_dir};
        location / {{ try_files $uri $uri/index.html =404; }}
    }}
}}
"""


@contextlib.contextmanager
def running_nginx(folder, app_port, static_root, media_root, static_dir, http_port, https_port, static_port, static_tls_port):
    folder = Path(folder)
    (folder / "cache").mkdir(parents=True, exist_ok=True)
    ca, cert, key = make_certificates(folder)
    site = site_config(folder, app_port, http_port, https_port, static_root, media_root, cert, key)
    config = folder / "nginx.conf"
    config.write_text(main_config(folder, site, static_port, static_dir, static_tls_port, cert, key))
    subprocess.run(["nginx", "-t", "-c", str(config)], check=True, capture_output=True)
    subprocess.run(["nginx", "-c", str(config)], check=True)
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{static_port}/", timeout=1)  # noqa: S310 (loopback)
                break
            except urllib.error.HTTPError:
                break
            except OSError:
                time.sleep(0.1)
        yield ca
    finally:
        subprocess.run(["nginx", "-c", str(config), "-s", "quit"], capture_output=True)
        time.sleep(0.5)
