"""Running one step of a large build in a child Python process (private).

A step that needs much memory for a while (the front of a large build: validating and
locating a million reports) runs in a fresh interpreter, so the build's own process never
holds that step's working memory, its caches or the heap it leaves fragmented: what the
step returns comes back pickled, and its large tables wait in the build's
:class:`~compoundmap._store.TableStore`. The child is started with :mod:`subprocess`
(the running interpreter, importing this same ``compoundmap``), not :mod:`multiprocessing`,
so nothing of the caller's ``__main__`` (a script, a notebook) is run again.

An exception in the child is raised again in the parent (the same class and message; one
that cannot be pickled becomes a :class:`~compoundmap.errors.PipelineError` naming it),
and warnings are issued again in the parent. The child ends with its parent: Ctrl-C stops
the parent, which kills and reaps the child before the interrupt goes on (the child
itself ignores it, so it prints nothing), and a child
whose parent has died stops when its stdin pipe closes.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import tempfile
import threading
import traceback
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from .errors import CompoundmapError, PipelineError

__all__ = ["run_in_child"]

T = TypeVar("T")

# The child imports the same compoundmap as the parent (its folder first on sys.path).
_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from compoundmap._child import _serve; _serve(sys.argv[2])"
)


def run_in_child(func: Callable[..., T], *args: Any, folder: str | Path | None = None) -> T:
    """``func(*args)`` in a child Python process; its result, error or warnings here.

    Parameters
    ----------
    func : callable
        A module-level function of compoundmap (pickled by name).
    *args
        Its arguments (pickled).
    folder : path, optional
        Where the call and its result are written (a private temporary folder by default).

    Returns
    -------
    object
        What ``func`` returned.

    Raises
    ------
    Exception
        What ``func`` raised, raised again here.
    PipelineError
        If the child could not start or stopped without a result (killed, out of memory).
    """
    with tempfile.TemporaryDirectory(prefix="call-", dir=folder) as tmp:
        call = Path(tmp) / "call.pickle"
        with open(call, "wb") as fh:
            pickle.dump((func, args), fh, protocol=pickle.HIGHEST_PROTOCOL)
        root = str(Path(__file__).resolve().parent.parent)
        name = getattr(func, "__qualname__", repr(func))
        try:
            proc = subprocess.Popen(
                [sys.executable, "-c", _BOOT, root, str(call)], stdin=subprocess.PIPE
            )
        except OSError as exc:
            raise PipelineError(f"could not start a child process for {name}: {exc}") from exc
        try:
            code = proc.wait()
        except BaseException:  # Ctrl-C or another interruption: no orphan is left
            proc.kill()
            proc.wait()
            raise
        finally:
            if proc.stdin is not None:
                proc.stdin.close()
        result = call.with_name("result.pickle")
        if not result.is_file():
            raise PipelineError(f"the child process for {name} stopped (exit code {code})")
        with open(result, "rb") as fh:
            status, value, caught = pickle.load(fh)
    for message, category in caught:
        warnings.warn(message, category, stacklevel=2)
    if status == "error":
        raise value
    return value


def _watch_parent() -> None:
    """Stop this child when its parent's end of stdin closes (the parent died)."""
    try:
        while os.read(0, 4096):  # the raw descriptor: no lock held at exit
            pass
    finally:
        os._exit(1)


def _picklable(exc: Exception) -> Exception:
    """The exception to raise again in the parent: a compoundmap error as it is; any other
    (a bug) with the child's traceback as a note; a PipelineError naming the class and
    message of one that cannot be pickled."""
    add_note = getattr(exc, "add_note", None)  # Python 3.11+
    if not isinstance(exc, CompoundmapError) and add_note is not None:
        add_note("in a child process of the build:\n" + traceback.format_exc().rstrip())
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return PipelineError(f"{type(exc).__name__}: {exc}")
    return exc


def _serve(call: str) -> None:
    """The child's side: run the call, write ``(status, value, warnings)`` beside it, and
    leave at once (no teardown of the step's heap)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's: it stops us
    threading.Thread(target=_watch_parent, daemon=True).start()
    code = 1
    try:
        with open(call, "rb") as fh:
            func, args = pickle.load(fh)
        with warnings.catch_warnings(record=True) as caught:
            try:
                out: tuple[str, Any] = ("ok", func(*args))
            except Exception as exc:
                out = ("error", _picklable(exc))
        seen = [(str(w.message), w.category) for w in caught]
        result = Path(call).with_name("result.pickle")
        part = result.with_suffix(".part")
        with open(part, "wb") as fh:
            pickle.dump((*out, seen), fh, protocol=pickle.HIGHEST_PROTOCOL)
        part.rename(result)
        code = 0
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
