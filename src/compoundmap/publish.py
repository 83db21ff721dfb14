"""Publishing outputs safely: staged folders swapped into place, locks, manifests, path checks.

The last step of ``compoundmap build`` (and of ``write_tables``/``write_maps``): every file
is written into a staging folder beside its target, and the finished folder replaces the
target in one rename, so an interrupted build leaves the previous complete set or the new
one, never a mix or a truncated file. A lock beside each target makes a second build wait,
then stop with a clear message. A manifest, written last, lists the files a build wrote, so
the next build carries over files it did not write instead of deleting them. Inputs are
never outputs: an output folder may not hold the sources being read, and single-file
outputs are written to a temporary file and renamed, never through a symlink.
"""

from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import shutil
import sys
import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import DataFileError, PipelineError

__all__ = [
    "MANIFEST_NAME",
    "atomic_file",
    "check_not_input",
    "check_output_dirs",
    "published_dirs",
    "read_manifest",
]

#: File in every published folder listing what the build wrote (name → SHA-256).
MANIFEST_NAME = ".compoundmap-manifest.json"
#: Seconds a build waits for another build writing the same folder before it stops.
DEFAULT_LOCK_WAIT = 60.0

_STAGING = ".staging-"
_OLD = ".old-"


# ----------------------------------------------------------------------------- path checks


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _inside(path: Path, folder: Path) -> bool:
    """True when ``path`` is ``folder`` or lies below it (both resolved)."""
    return path == folder or folder in path.parents


def check_output_dirs(
    outputs: Mapping[str, Path], inputs: Iterable[Path], *, immutable: Iterable[Path] = ()
) -> None:
    """Refuse output folders that would overwrite an input or each other.

    Parameters
    ----------
    outputs : mapping of str to Path
        What each folder is for (``"processed directory"``) → the folder.
    inputs : iterable of Path
        Files and folders the build reads (sources, overrides, the registry folder).
    immutable : iterable of Path
        Input folders no output may even lie inside (the bundled ``data/raw``).

    Raises
    ------
    PipelineError
        If an output folder is a symlink, holds an input, lies inside an immutable input
        folder, or one output folder holds another.
    """
    inputs = list(inputs)
    immutable_dirs = {_real(Path(p)) for p in immutable}
    inputs += list(immutable)
    resolved: dict[str, Path] = {}
    for what, folder in outputs.items():
        folder = Path(folder)
        if folder.is_symlink():
            raise PipelineError(
                f"{what} {folder} is a symlink (to {os.readlink(folder)}); outputs are never "
                "written through symlinks: pass the real folder"
            )
        resolved[what] = _real(folder)
    for what, folder in resolved.items():
        for source in inputs:
            real = _real(Path(source))
            # An output folder replaces everything below it: it may not hold an input. It
            # may lie inside an input folder only if that folder is not immutable data.
            inside_immutable = real in immutable_dirs and _inside(folder, real)
            if _inside(real, folder) or inside_immutable:
                raise PipelineError(
                    f"{what} {outputs[what]} would overwrite an input ({source}); "
                    "choose an output folder that holds no sources"
                )
    names = list(resolved)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            if _inside(resolved[a], resolved[b]) or _inside(resolved[b], resolved[a]):
                raise PipelineError(
                    f"{a} {outputs[a]} and {b} {outputs[b]} overlap; use separate folders"
                )


def check_not_input(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse a single output file that is (or links to) an input, or is a symlink.

    Parameters
    ----------
    output : pathlib.Path
        The file about to be written (it need not exist).
    inputs : iterable of pathlib.Path
        Files the command reads; compared after resolving links.

    Raises
    ------
    PipelineError
        With the offending path.
    """
    output = Path(output)
    if output.is_symlink():
        raise PipelineError(
            f"output {output} is a symlink (to {os.readlink(output)}); outputs are never "
            "written through symlinks"
        )
    real = _real(output)
    for source in inputs:
        if _real(Path(source)) == real:
            raise PipelineError(f"output {output} is the input {source}; write elsewhere")


# ----------------------------------------------------------------------------- single files


@contextmanager
def atomic_file(path: str | Path, *, inputs: Iterable[Path] = ()) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; rename it into place when the block succeeds.

    A reader sees the old file or the complete new one, never a partial file; on error
    the temporary file is removed and ``path`` is untouched.

    Parameters
    ----------
    path : str or pathlib.Path
        The file to write; its folder must exist.
    inputs : iterable of pathlib.Path, default ()
        Files the command reads, which ``path`` must not be (:func:`check_not_input`).

    Yields
    ------
    pathlib.Path
        A hidden temporary file in the folder of ``path``, for the block to write; it is
        synced to disk and renamed to ``path`` when the block ends without error.

    Raises
    ------
    PipelineError
        If ``path`` is (or links to) an input, or is a symlink.
    DataFileError
        If the folder of ``path`` does not exist.

    Examples
    --------
    >>> with atomic_file("/tmp/cm-doc.txt") as tmp:  # doctest: +SKIP
    ...     tmp.write_text("hello")
    """
    target = Path(path)
    check_not_input(target, inputs)
    if not target.parent.is_dir():
        raise DataFileError(f"{target}: cannot write: folder {target.parent} does not exist")
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex[:12]}.tmp")
    try:
        yield tmp
        _fsync(tmp)
        os.replace(tmp, target)
    finally:
        if tmp.exists():
            tmp.unlink()


# ----------------------------------------------------------------------------- manifests


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _files(folder: Path) -> list[str]:
    """Relative paths of every file (or symlink) below ``folder``, sorted."""
    out: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        rel = Path(root).relative_to(folder)
        out += [(rel / f).as_posix() for f in sorted(files)]
        out += [(rel / d).as_posix() for d in dirs if (Path(root) / d).is_symlink()]
    return sorted(out)


def read_manifest(folder: str | Path) -> dict[str, str]:
    """Files a build wrote into ``folder`` (relative path → SHA-256); empty if none.

    Examples
    --------
    >>> read_manifest("/nonexistent")
    {}
    """
    path = Path(folder) / MANIFEST_NAME
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    files = data.get("files", {}) if isinstance(data, dict) else {}
    return {str(k): str(v) for k, v in files.items()} if isinstance(files, dict) else {}


def _write_manifest(stage: Path) -> None:
    files = {rel: _sha256(stage / rel) for rel in _files(stage) if rel != MANIFEST_NAME}
    text = json.dumps({"files": files}, indent=1, sort_keys=True) + "\n"
    (stage / MANIFEST_NAME).write_text(text, encoding="utf-8")


# ----------------------------------------------------------------------------- the swap


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two folders in one atomic step (Linux ``renameat2``); False if unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    done = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    if done == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(a))


def _recover(target: Path) -> None:
    """Undo what an interrupted build left beside ``target`` (called under the lock)."""
    olds = sorted(target.parent.glob(f".{target.name}{_OLD}*"))
    if olds and not target.exists():
        os.rename(olds[-1], target)  # the two-step swap stopped half-way: restore
        olds = olds[:-1]
    for leftover in [*olds, *target.parent.glob(f".{target.name}{_STAGING}*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def _ours(target: Path, known: Sequence[str]) -> set[str]:
    """Files in ``target`` that a build wrote: its manifest, else the names it writes."""
    listed = set(read_manifest(target))
    if listed:
        return listed | {MANIFEST_NAME}
    import fnmatch

    return {f for f in _files(target) if any(fnmatch.fnmatch(f, pat) for pat in known)}


def _carry_over(target: Path, stage: Path, known: Sequence[str]) -> None:
    """Link files the build did not write (a README, .gitkeep) into the new folder."""
    if not target.is_dir():
        return
    ours = _ours(target, known)
    foreign = [f for f in _files(target) if f not in ours and not (stage / f).exists()]
    if not read_manifest(target):
        visible = [f for f in foreign if not Path(f).name.startswith(".")]
        if visible:
            raise PipelineError(
                f"{target} is not a compoundmap output folder: it holds files a build did "
                f"not write ({', '.join(visible[:5])}{', ...' if len(visible) > 5 else ''}); "
                "choose a new or empty folder"
            )
    for rel in foreign:
        src, dst = target / rel, stage / rel
        dst.parent.mkdir(parents=True, exist_ok=True)
        if src.is_symlink():
            os.symlink(os.readlink(src), dst)
        else:
            try:
                os.link(src, dst)
            except OSError:
                shutil.copy2(src, dst)


def _swap_in(target: Path, stage: Path) -> None:
    """Put the finished ``stage`` folder at ``target``; remove what it replaces."""
    if target.exists():
        if not _exchange(stage, target):
            old = target.parent / f".{target.name}{_OLD}{uuid.uuid4().hex[:8]}"
            os.rename(target, old)
            os.rename(stage, target)
            stage = old
        shutil.rmtree(stage)  # now holds the previous build's files
    else:
        os.rename(stage, target)
    _fsync(target.parent)


@contextmanager
def published_dirs(
    targets: Sequence[Path],
    *,
    known: Mapping[Path, Sequence[str]] | None = None,
    wait: float = DEFAULT_LOCK_WAIT,
) -> Iterator[list[Path]]:
    """Lock each target folder and yield empty staging folders to write into.

    When the block succeeds, each staging folder gets the files of its target that no
    build wrote, then a manifest, and replaces its target in one rename; when it fails,
    the staging folders are removed and the targets are untouched.

    Parameters
    ----------
    targets : sequence of Path
        The folders to publish (created if missing). Check them first with
        :func:`check_output_dirs`.
    known : mapping, optional
        For each target, glob patterns of the files a build writes, used to recognise a
        folder written before manifests existed.
    wait : float, default 60
        Seconds to wait for another build holding a target's lock.

    Yields
    ------
    list of Path
        One empty staging folder per target, in the order of ``targets``: a hidden folder
        beside its target (on the same file system, so the final rename is atomic).

    Raises
    ------
    PipelineError
        If another build keeps a target locked for ``wait`` seconds, or a target holds
        files that no build wrote and has no manifest.
    """
    known = known or {}
    with ExitStack() as locks:
        for target in sorted({Path(t) for t in targets}, key=str):
            target.parent.mkdir(parents=True, exist_ok=True)
            lock_path = target.parent / f".{target.name}.lock"
            try:
                locks.enter_context(FileLock(lock_path, timeout=wait))
            except Timeout:
                raise PipelineError(
                    f"another compoundmap build is writing {target} (lock {lock_path}); "
                    f"waited {wait:g} s: try again when it has finished"
                ) from None
            _recover(target)
        stages = [
            t.parent / f".{t.name}{_STAGING}{os.getpid()}-{uuid.uuid4().hex[:8]}" for t in targets
        ]
        try:
            for stage in stages:
                stage.mkdir()
            yield stages
            for target, stage in zip(targets, stages, strict=True):
                _write_manifest(stage)  # lists what this build wrote, before carrying over
                _carry_over(Path(target), stage, known.get(Path(target), ()))
                for rel in _files(stage):
                    if not (stage / rel).is_symlink():
                        _fsync(stage / rel)
            for target, stage in zip(targets, stages, strict=True):
                _swap_in(Path(target), stage)
        finally:
            for stage in stages:
                if stage.exists():
                    shutil.rmtree(stage, ignore_errors=True)
