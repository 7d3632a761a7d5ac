"""``resume-tool serve``: the tool as a local web app (see app.py, security.py, jobs.py).

``run`` starts uvicorn with the access log off (a URL can name a file, and nothing about
a resume is logged), prints the address, and opens it in a browser when asked.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
import socket
import sys
import threading
import webbrowser
from pathlib import Path

from .app import Config, create_app
from .security import LOOPBACK

__all__ = ["Config", "check_bindable", "create_app", "needs_token", "run"]


def needs_token(host: str) -> bool:
    """Anything but the loopback interface needs a token."""
    name = host.strip("[]").lower()
    if name in LOOPBACK:
        return False
    try:
        return not ipaddress.ip_address(name).is_loopback
    except ValueError:
        return True


def desktop_present() -> bool:
    """Open a browser by default only where one can be shown."""
    if sys.platform in ("darwin", "win32"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as s:
        s.bind((host.strip("[]"), 0))
        return int(s.getsockname()[1])


def check_bindable(host: str, port: int) -> None:
    """A port in use is a one-line error (exit 2), not a server log line."""
    from ..errors import InputError

    name = host.strip("[]") or "0.0.0.0"
    try:
        infos = socket.getaddrinfo(name, port, type=socket.SOCK_STREAM)
    except OSError as err:
        raise InputError(None, f"cannot listen on {host!r} ({err})",
                         "Use --host 127.0.0.1, or a name or address of this computer") from None
    family, _, _, _, address = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(address)
        except OSError as err:
            raise InputError(None, f"cannot listen on {host}:{port} ({err.strerror})",
                             "Choose another --port, or stop the program that uses it") from None


def url_for(host: str, port: int, token: str | None) -> str:
    shown = "127.0.0.1" if host in ("0.0.0.0", "") else ("[::1]" if host == "::" else host)
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    return f"http://{shown}:{port}/" + (f"?token={token}" if token else "")


def run(host: str = "127.0.0.1", port: int = 8765, *, open_browser: bool | None = None,
        token: str | None = None, workers: int = 2, lists: list[Path] | None = None) -> None:
    """Serve until Ctrl-C; a token is made up when the host is not loopback and none is given."""
    import uvicorn

    if token is None and needs_token(host):
        token = secrets.token_urlsafe(24)
    if port == 0:
        port = free_port(host if host not in ("0.0.0.0", "::", "") else "127.0.0.1")
    check_bindable(host, port)
    config = Config(host=host, port=port, token=token, workers=workers,
                    lists=tuple(str(Path(p).resolve()) for p in lists or []))
    app = create_app(config)
    url = url_for(host, port, token)
    print(f"resume-tool serve: {url}", flush=True)
    print("Everything stays on this computer. Press Ctrl-C to stop "
          "(uploads and results are deleted).", flush=True)
    if open_browser if open_browser is not None else desktop_present():
        threading.Timer(1.5, webbrowser.open, args=(url,)).start()
    uvicorn.run(app, host=host.strip("[]"), port=port, access_log=False, log_level="warning",
                server_header=False, lifespan="on", timeout_graceful_shutdown=5)
