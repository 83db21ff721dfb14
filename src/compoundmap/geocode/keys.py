"""The keys a gazetteer name is filed under in the geocoder's index (:func:`keys_for`), and
what a name's own admin word says of it (split from ``builder.py`` in round 11).
"""

from __future__ import annotations

from ..normalize import ADMIN_WORDS, admin_words, place_key, tokenize

__all__ = [
    "OFFICIAL_KINDS",
    "alias_hint",
    "keeps_town_word",
    "keys_for",
    "place_keys",
    "is_town_alias",
]

#: A name whose key would be one word shorter than this once its end stopwords go keeps them.
_SHORT_KEY = 6
#: Kinds of ``Gazetteer.aliases`` that are official names (their keys keep their end words).
OFFICIAL_KINDS = frozenset({"name_en_2025", "name_km_2025", "name_en_hdx_2018"})

_KHMER_PREFIXES = tuple(
    sorted((w for w in ADMIN_WORDS if "\u1780" <= w[0] <= "\u17ff"), key=len, reverse=True)
)


def alias_hint(name: str) -> int | None:
    """The level an alias's own admin word gives it ("Koh Kong town" → district)."""
    toks = tokenize(name)
    for t in (toks[-1:] + toks[:1]) if toks else ():
        if t.admin is not None:
            return t.admin
    return None


_TOWN_WORDS = frozenset(w.word for w in admin_words() if w.kind == "town")


def is_town_alias(name: str) -> bool:
    """Whether an alias's own admin word is a town word ("Koh Kong town", "Krong Bokor")."""
    toks = tokenize(name)
    return any(t.text in _TOWN_WORDS for t in (toks[-1:] + toks[:1]) if t.admin is not None)


def keeps_town_word(key: str) -> bool:
    """Whether an index key still begins or ends with a town word: Latin keys lose their
    admin words, keys in scripts without spaces keep them ("暹粒市", "ក្រុងសៀមរាប")."""
    return any(not w.isascii() and (key.startswith(w) or key.endswith(w)) for w in _TOWN_WORDS)


def place_keys(name: str) -> list[str]:
    """Keys of a GeoNames alternate name: one glued to a Khmer admin prefix ("ភូមិអន្លង់វិល",
    village Anlong Vil) only without it, so the whole word does not hide the villages and
    communes of that name (the prefix is then read as the admin word it is)."""
    keys = keys_for(name)
    if len(keys) > 1 and keys[0].startswith(_KHMER_PREFIXES):
        return keys[1:]
    return keys


def keys_for(name: str, official: bool = False) -> list[str]:
    """Index keys of a gazetteer name: its compact key, plus the key without a Khmer admin
    prefix written without a space ("ភូមិបាវិត" → "បាវិត").

    An official unit name keeps the admin words and stopwords at its ends: they are part of
    the name ("Phnum Srok", "Phnum Den", "Svay At"), and without them the key would be an
    ordinary word ("phnom", "svay") that many other names start with. Only a number stays
    a key of its own ("Lekh Bei" → "3", "Sangkat 3").

    Parameters
    ----------
    name : str
        A name as the gazetteer or a curated file writes it.
    official : bool, default False
        The name is an admin unit's official name (admin words and stopwords at its ends
        are kept).

    Returns
    -------
    list of str
        The keys, the compact key first; empty when the name leaves no key.
    """
    key = place_key(name)
    toks = tokenize(name)
    if official:
        full = "".join(t.text for t in toks)
        key = full if not key.isdigit() else key
        keys = [full, key] if full != key else [full]
        keys = [k for k in keys if k]
    else:
        # admin words and stopwords at the ends go ("Koh Kong town", "Golden Phoenix
        # casino"), unless what is left is one short word, which other names and ordinary
        # words share: "my" of "My Casino", "phnom" of "Phnom Den", "amber" of "Amber Casino"
        full = "".join(t.text for t in toks)
        core = [t for t in toks if not (t.stop or t.admin is not None)]
        if key != full and len(core) < 2 and len(key) < _SHORT_KEY and not key.isdigit():
            key = full
        keys = [key] if key else []
    for prefix in _KHMER_PREFIXES:
        if key.startswith(prefix) and len(key) > len(prefix):
            keys.append(key[len(prefix) :])
            break
    return keys
