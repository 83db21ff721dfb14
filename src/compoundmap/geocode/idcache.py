"""A cache of what is derived from an object, keyed by the object's identity.

The geocoder derives the same things again and again from the entry tuples of its name
index (a name's readings for an admin word, the codes they span, the scope they open).
Those tuples live as long as the index, and hashing one by value costs more than deriving
from it again: :class:`IdentityCache` keys them by ``id`` instead, checked by identity.
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Generic, TypeVar

from ..settings import on_settings_change

__all__ = ["IdentityCache"]

_K = TypeVar("_K")
_V = TypeVar("_V")


class IdentityCache(Generic[_K, _V]):
    """Values derived from objects (and a few hashable arguments), keyed by each object's
    ``id`` and checked by identity.

    An ``id`` is reused once its object is gone, so each entry keeps its object alive and a
    hit must be that very object. The cache is emptied when it outgrows ``maxsize`` and
    whenever the settings change (:func:`compoundmap.settings.override`). ``None`` is never
    stored: :meth:`get` returns it for a miss.

    Parameters
    ----------
    maxsize : int
        How many entries it holds before it starts again from empty.

    Examples
    --------
    >>> cache: IdentityCache[tuple[int, ...], int] = IdentityCache(maxsize=100)
    >>> numbers = (1, 2, 3)
    >>> cache.get(numbers) is None
    True
    >>> cache.put(numbers, sum(numbers))
    6
    >>> cache.get(numbers), cache.get((1, 2, 3))  # an equal tuple is another object
    (6, None)
    >>> cache.put(numbers, max(numbers), "max"), cache.get(numbers, "max")
    (3, 3)
    """

    __slots__ = ("_entries", "_maxsize")

    def __init__(self, maxsize: int) -> None:
        self._entries: dict[Hashable, tuple[_K, _V]] = {}
        self._maxsize = maxsize
        on_settings_change(self.clear)

    def get(self, obj: _K, *args: Hashable) -> _V | None:
        """What was stored for ``obj`` (and ``args``), or ``None``.

        Parameters
        ----------
        obj : object
            The object the value was derived from (looked up by identity).
        *args : hashable
            The other arguments the value was derived with (compared by value).

        Returns
        -------
        object or None
            The stored value, or ``None`` for a miss.
        """
        hit = self._entries.get((id(obj), *args) if args else id(obj))
        if hit is not None and hit[0] is obj:
            return hit[1]
        return None

    def put(self, obj: _K, value: _V, *args: Hashable) -> _V:
        """Store ``value`` for ``obj`` (and ``args``); returns ``value``.

        Parameters
        ----------
        obj : object
            The object the value is derived from (kept alive by the cache).
        value : object
            What was derived (not ``None``: that reads as a miss).
        *args : hashable
            The other arguments it was derived with.

        Returns
        -------
        object
            ``value``, so that a caller can return what it stores.
        """
        if len(self._entries) > self._maxsize:
            self._entries.clear()
        self._entries[(id(obj), *args) if args else id(obj)] = (obj, value)
        return value

    def clear(self) -> None:
        """Forget every entry."""
        self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
