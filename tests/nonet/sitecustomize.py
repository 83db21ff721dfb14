"""Loaded at start-up by any Python that has ``tests/nonet`` on its ``PYTHONPATH``.

The notebook tests start their kernels that way, so the notebooks run with no network
(loopback excepted) and cannot write into the checkout: see ``_nonet.py``.
"""

import os

import _nonet

_nonet.install()
if os.environ.get("COMPOUNDMAP_READONLY_ROOT"):
    _nonet.guard_writes(os.environ["COMPOUNDMAP_READONLY_ROOT"])
