"""A step of a large build run in a child process behaves as if run in the build's own.

:func:`compoundmap._child.run_in_child` runs the front of a large build (validating and
locating) in a fresh interpreter; what it returns, raises or warns must reach the caller
unchanged, and the child must never outlive the call (Ctrl-C, a dead parent). The bytes
of a build made that way are compared in ``test_chunked.py``.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
import time
import warnings
from pathlib import Path

import pytest

from compoundmap import _child, _store
from compoundmap.errors import MissingColumnError, SourceValidationError
from compoundmap.pipeline import build


def test_the_result_and_warnings_of_the_child_come_back() -> None:
    assert _child.run_in_child(divmod, 17, 5) == (3, 2)
    with pytest.warns(UserWarning, match="said in the child"):
        _child.run_in_child(warnings.warn, "said in the child", UserWarning)


def test_an_error_in_the_child_is_raised_again_with_its_class() -> None:
    with pytest.raises(ValueError, match="invalid literal") as caught:
        _child.run_in_child(int, "not a number")
    assert any("child process" in note for note in getattr(caught.value, "__notes__", []))


def test_a_missing_column_error_travels_whole() -> None:
    err = MissingColumnError("report_id", ["a", "b"], "reports.csv")
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is MissingColumnError and str(back) == str(err)
    assert (back.column, back.found, back.where) == ("report_id", ["a", "b"], "reports.csv")


def test_a_file_level_problem_found_in_the_child_is_the_usual_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "reports.csv"
    bad.write_text("report_id,location_text\nT-1,Bavet\n", encoding="utf-8")
    monkeypatch.setattr(_store, "CHILD_MIN_BYTES", 0)
    assert _store.in_child(bad)
    with pytest.raises(SourceValidationError, match="reports.csv") as caught:
        build(bad, tmp_path / "out", maps=False)
    assert caught.value.problems  # the problems travel with the error
    assert not (tmp_path / "out").exists()


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(p) for p in path.read_text().split()] if path.exists() else []


def _gone(pid: int, seconds: float = 10.0) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        state = Path(f"/proc/{pid}/stat")
        if state.exists() and state.read_text().split(") ")[-1].startswith("Z"):
            return True  # a zombie has stopped; its parent (init) reaps it
        time.sleep(0.1)
    return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_stops_and_reaps_the_child() -> None:
    started: list[int] = []
    # processes other tests left (a browser, a kernel) are not the one to wait for, and
    # Ctrl-C raises KeyboardInterrupt here whatever handler an earlier test installed
    before = set(_children(os.getpid()))

    def interrupt() -> None:
        deadline = time.monotonic() + 30
        while not set(_children(os.getpid())) - before and time.monotonic() < deadline:
            time.sleep(0.05)
        started.extend(sorted(set(_children(os.getpid())) - before))
        time.sleep(2)  # the child is running its step
        os.kill(os.getpid(), signal.SIGINT)

    previous = signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        timer = threading.Thread(target=interrupt)
        timer.start()
        with pytest.raises(KeyboardInterrupt):
            _child.run_in_child(time.sleep, 60)
        timer.join()
    finally:
        signal.signal(signal.SIGINT, previous)
    assert len(started) == 1
    assert _gone(started[0]) and started[0] not in _children(os.getpid())


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_the_child_stops_when_its_parent_dies(tmp_path: Path) -> None:
    script = "import time; from compoundmap import _child; _child.run_in_child(time.sleep, 60)"
    parent = subprocess.Popen([sys.executable, "-c", script], env={**os.environ})
    try:
        deadline = time.monotonic() + 30
        while not _children(parent.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        (child,) = _children(parent.pid)
        parent.kill()
        parent.wait()
        assert _gone(child)
    finally:
        parent.kill()
        parent.wait()
