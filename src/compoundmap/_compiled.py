"""Whether the geocoder's modules run compiled (mypyc) or as Python source.

``tools/compile_geocoder.py`` (run by ``make``) compiles the modules of
:data:`COMPILED_MODULES` with mypyc into extension modules beside their sources and
writes :data:`RECORD`: each compiled module's name and the SHA-256 of the source it was
built from. Python imports an extension module before a source file of the same name, so a
source edited after the build would be shadowed by stale machine code. :func:`activate`,
called first thing by ``import compoundmap``, prevents that: when any recorded source
has changed (or ``COMPOUNDMAP_PURE_PYTHON=1`` is set), *every* recorded module is loaded
from its source instead (the compiled modules call each other directly, so a mix is never
loaded), with a warning for a stale build. Answers are the same either way (the
compiled build is tested against the source in ``tests/test_compiled.py``); only speed
differs.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import sys
import warnings
from collections.abc import Sequence
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path
from types import ModuleType

__all__ = [
    "COMPILED_MODULES",
    "PURE_ENV",
    "RECORD",
    "activate",
    "source_digest",
    "source_module",
    "status",
]

_PACKAGE_DIR = Path(__file__).resolve().parent

#: The environment variable that makes every module load from its source.
PURE_ENV = "COMPOUNDMAP_PURE_PYTHON"
#: What the build wrote: ``{"modules": {name: sha256 of its source}}`` (not in git).
RECORD = _PACKAGE_DIR / "_compiled.json"


def _geocoder_modules() -> tuple[str, ...]:
    names = sorted(p.stem for p in (_PACKAGE_DIR / "geocode").glob("*.py") if p.stem != "__init__")
    # (``online`` talks to a web service: nothing to gain; the package ``__init__`` only
    # re-exports, and a compiled package would need its own loader below)
    return (
        "compoundmap._cleantext",
        "compoundmap.normalize",
        *(f"compoundmap.geocode.{n}" for n in names if n != "online"),
    )


#: The modules the build compiles: the text cleaner, the tokeniser and every module of the
#: geocoder.
COMPILED_MODULES: tuple[str, ...] = _geocoder_modules()

_state = "not built"


def source_path(module: str) -> Path:
    """The source file of ``module`` (a name of :data:`COMPILED_MODULES`)."""
    return _PACKAGE_DIR.joinpath(*module.split(".")[1:]).with_suffix(".py")


def source_digest(module: str) -> str:
    """SHA-256 (hex) of ``module``'s source file."""
    return hashlib.sha256(source_path(module).read_bytes()).hexdigest()


class _SourceFirst(importlib.abc.MetaPathFinder):
    """Loads the recorded modules from their ``.py`` files, whatever extension modules lie
    beside them."""

    def __init__(self, modules: Sequence[str]) -> None:
        self.modules = frozenset(modules)

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        if fullname not in self.modules:
            return None
        return importlib.util.spec_from_file_location(fullname, source_path(fullname))


def activate() -> str:
    """Decide, once per process and before any geocoder module is imported, whether the
    compiled build is used; return :func:`status`.

    Returns
    -------
    str
        ``"compiled"``, ``"source"`` (no build), ``"source (COMPOUNDMAP_PURE_PYTHON)"`` or
        ``"source (stale build: …)"``.
    """
    global _state
    if _state != "not built":
        return _state
    try:
        recorded: dict[str, str] = json.loads(RECORD.read_text(encoding="utf-8"))["modules"]
    except (OSError, ValueError, KeyError, TypeError):
        recorded = {}
    # (an extension module with no record, left by a build stopped midway, counts as stale)
    built = [m for m in sorted({*COMPILED_MODULES, *recorded}) if _extension_exists(m)]
    if not built:
        _state = "source"
        return _state
    stale = [
        m
        for m in built
        if m not in recorded or not source_path(m).exists() or source_digest(m) != recorded[m]
    ]
    if os.environ.get(PURE_ENV) == "1":
        _state = f"source ({PURE_ENV})"
    elif stale:
        _state = f"source (stale build: {', '.join(stale[:3])}{' …' if len(stale) > 3 else ''})"
        warnings.warn(
            f"compoundmap: {len(stale)} compiled geocoder module(s) are older than their "
            "sources; running every geocoder module from source (same answers, slower). "
            "Run `make compiled` (or `python tools/compile_geocoder.py`) to rebuild.",
            RuntimeWarning,
            stacklevel=2,
        )
    else:
        _state = "compiled"
        return _state
    sys.meta_path.insert(0, _SourceFirst(built))
    return _state


def _extension_exists(module: str) -> bool:
    """Whether a compiled extension module lies beside ``module``'s source."""
    src = source_path(module)
    return any(src.with_name(src.stem + suffix).exists() for suffix in EXTENSION_SUFFIXES)


def status() -> str:
    """How the geocoder's modules run in this process: ``"compiled"`` or ``"source …"``
    (see :func:`activate`)."""
    return activate()


def source_module(name: str) -> ModuleType:
    """The module ``name`` as Python source: the imported module itself, or, for a module
    running compiled, a fresh copy executed from its ``.py`` file (a compiled module's
    functions carry no docstring examples that ``doctest`` can find).

    Parameters
    ----------
    name : str
        A module of the package (``"compoundmap.geocode.result"``).

    Returns
    -------
    module
        A module whose functions are Python functions.
    """
    module = importlib.import_module(name)
    if name not in COMPILED_MODULES or str(module.__file__).endswith(".py"):
        return module
    spec = importlib.util.spec_from_file_location(f"{name}__source", source_path(name))
    if spec is None or spec.loader is None:
        raise ImportError(f"no source for {name}")
    copy = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = copy  # (dataclasses look their module up while being built)
    spec.loader.exec_module(copy)
    return copy
