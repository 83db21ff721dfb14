"""Sandbox for notebook kernels: no network but loopback, no writes into the checkout.

The notebook tests put this folder on the kernel's ``PYTHONPATH``; ``sitecustomize.py`` then
calls :func:`install` (and :func:`guard_writes` when ``COMPOUNDMAP_READONLY_ROOT`` is set)
at interpreter start. The kernel keeps talking to its client over loopback ZMQ (libzmq's
own sockets, untouched); any Python-level ``connect`` to another address, or a name lookup
of a non-local host, raises ``ConnectionRefusedError`` before a packet leaves the machine.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import sys
from typing import Any

#: Set on the patched functions so a test can tell the guard is active.
MARKER = "_compoundmap_nonet"

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def host_allowed(host: object) -> bool:
    """True for loopback addresses and names, and for a missing host (passive/bind use)."""
    if host is None or host == "" or host == b"":
        return True
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if not isinstance(host, str):
        return False
    name = host.strip("[]").split("%", 1)[0].lower()
    if name in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def address_allowed(family: int, address: Any) -> bool:
    """True when a ``connect`` to ``address`` stays on this machine."""
    if family not in (socket.AF_INET, socket.AF_INET6):
        return True  # AF_UNIX and friends never leave the machine
    host = address[0] if isinstance(address, tuple) and address else address
    return host_allowed(host)


def _refuse(what: object) -> ConnectionRefusedError:
    return ConnectionRefusedError(f"network disabled in this test run: refused {what!r}")


def install() -> None:
    """Patch ``socket`` so that only loopback connections and lookups succeed."""
    if getattr(socket.socket.connect, MARKER, False):
        return
    real_connect = socket.socket.connect
    real_connect_ex = socket.socket.connect_ex
    real_getaddrinfo = socket.getaddrinfo

    def connect(self: socket.socket, address: Any) -> None:
        if not address_allowed(self.family, address):
            raise _refuse(address)
        real_connect(self, address)

    def connect_ex(self: socket.socket, address: Any) -> int:
        if not address_allowed(self.family, address):
            raise _refuse(address)
        return real_connect_ex(self, address)

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if not host_allowed(host):
            raise _refuse(host)
        return real_getaddrinfo(host, *args, **kwargs)

    for fn in (connect, connect_ex, getaddrinfo):
        setattr(fn, MARKER, True)
    socket.socket.connect = connect  # type: ignore[method-assign]
    socket.socket.connect_ex = connect_ex  # type: ignore[method-assign]
    socket.getaddrinfo = getaddrinfo


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_APPEND | os.O_TRUNC
#: Audit events that change the file system, with the positions of their path arguments.
_FS_EVENTS = {
    "os.mkdir": (0,),
    "os.remove": (0,),
    "os.rmdir": (0,),
    "os.rename": (0, 1),
    "os.replace": (0, 1),
    "os.truncate": (0,),
    "os.symlink": (1,),
    "os.link": (1,),
    "os.chmod": (0,),
    "shutil.rmtree": (0,),
}


def opens_for_writing(mode: object, flags: object) -> bool:
    """True when an ``open`` audit event (``mode`` string or ``os.open`` flags) may write."""
    if isinstance(mode, str):
        return any(c in mode for c in "wax+")
    return isinstance(flags, int) and bool(flags & _WRITE_FLAGS)


def inside(path: object, root: str, exempt: tuple[str, ...] = ()) -> bool:
    """True when ``path`` (absolute, or relative to the working directory) lies in ``root``
    and in none of the ``exempt`` folders."""
    if isinstance(path, bytes):
        path = os.fsdecode(path)
    elif isinstance(path, os.PathLike):
        path = os.fspath(path)
    if not isinstance(path, str):
        return False  # a file descriptor
    full = os.path.abspath(path)
    if not (full == root or full.startswith(root.rstrip(os.sep) + os.sep)):
        return False
    return not any(full == e or full.startswith(e.rstrip(os.sep) + os.sep) for e in exempt)


def guard_writes(root: str) -> None:
    """Make any Python-level write under ``root`` (bar its ``.venv``) raise ``PermissionError``.

    An audit hook (PEP 578), so the notebook cell that writes fails with a traceback naming
    the path. Writes done inside C libraries (GDAL) are not seen here; the tests' ``git
    status`` comparison covers those.
    """
    root = os.path.abspath(root)
    exempt = (os.path.join(root, ".venv"),)

    def hook(event: str, args: tuple[Any, ...]) -> None:
        if event == "open":
            paths = (args[0],) if opens_for_writing(args[1], args[2]) else ()
        elif event in _FS_EVENTS:
            paths = tuple(args[i] for i in _FS_EVENTS[event] if i < len(args))
        else:
            return
        for path in paths:
            if inside(path, root, exempt):
                raise PermissionError(f"notebooks must not write into the repository: {path!r}")

    sys.addaudithook(hook)
