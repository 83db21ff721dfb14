"""folium glue: data blocks outside templates, vendored assets inlined, stable ids.

Source text never passes through Jinja: folium re-parses rendered macros as templates, so
every payload goes into a JSON data block (:class:`DataBlocks`) and a map's scripts only
name it. Template arguments are checked to be data references or short constants.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Sequence
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import folium
from branca.element import Element, MacroElement
from folium.map import Layer
from folium.template import Template

from ..errors import MapError
from ._fonts import khmer_font_css
from ._html import js_json

# Vendored assets in the order the page needs them (see static/VENDORED.md).
_CSS_ASSETS = (
    "leaflet/leaflet.css",
    "leaflet.markercluster/MarkerCluster.css",
    "leaflet.markercluster/MarkerCluster.Default.css",
    "leaflet.fullscreen/Control.FullScreen.css",
    "compoundmap/compoundmap.css",
)
_JS_ASSETS = (
    "leaflet/leaflet.js",
    "leaflet.markercluster/leaflet.markercluster.js",
    "leaflet.fullscreen/Control.FullScreen.js",
    "compoundmap/compoundmap.js",
)
_MIME = {".png": "image/png", ".svg": "image/svg+xml"}


class Raw(Element):
    """Markup emitted verbatim (never through Jinja: vendored JS may contain ``{{``)."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._markup = markup

    def render(self, **kwargs: Any) -> str:
        """The markup, as it was given."""
        return self._markup


# What may appear inside a folium template: a reference to a data block, or a short constant.
_SAFE_ARG = re.compile(r'compoundmap\.data\("cm-data-\d+"\)|"[a-z-]+"|true|false|null')


def _checked_args(args: Sequence[str]) -> list[str]:
    """Refuse any template argument that could carry source text (see :class:`_DataBlocks`)."""
    for arg in args:
        if not _SAFE_ARG.fullmatch(arg):
            raise MapError(f"internal: map script argument is not a data reference: {arg[:60]!r}")
    return list(args)


class JsLayer(Layer):
    """A Leaflet layer built by the compoundmap runtime from a JSON payload."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        var {{ this.get_name() }} = compoundmap.{{ this.factory }}({{ this.args | join(", ") }});
        {% endmacro %}
        """
    )

    def __init__(
        self,
        factory: str,
        args: Sequence[str],
        *,
        name: str,
        overlay: bool = True,
        show: bool = True,
    ) -> None:
        super().__init__(name=name, overlay=overlay, control=True, show=show)
        self._name = "CmLayer"
        self.factory = factory
        self.args = _checked_args(args)


class JsCall(MacroElement):
    """``compoundmap.<fn>(map, *args, *refs)``; refs are elements named at render time."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        compoundmap.{{ this.fn }}({{ this._parent.get_name() }}
        {%- for a in this.args %}, {{ a }}{% endfor %}
        {%- for r in this.refs %}, {{ r.get_name() }}{% endfor %});
        {% endmacro %}
        """
    )

    def __init__(self, fn: str, args: Sequence[str] = (), refs: Sequence[Element] = ()) -> None:
        super().__init__()
        self._name = "CmCall"
        self.fn = fn
        self.args = _checked_args(args)
        self.refs = list(refs)


@cache
def _asset(path: str) -> str:
    """The text of a vendored file under ``compoundmap/static/`` (read once, then cached)."""
    return (resources.files("compoundmap") / "static" / path).read_text(encoding="utf-8")


@cache
def _inline_css(path: str) -> str:
    """The stylesheet with ``url(file)`` references turned into data URIs."""
    base = resources.files("compoundmap") / "static" / path.rsplit("/", 1)[0]

    def data_uri(match: re.Match[str]) -> str:
        ref = match.group(2)
        if ref.startswith(("#", "data:")):
            return match.group(0)
        blob = (base / ref).read_bytes()
        mime = _MIME[Path(ref).suffix]
        return f"url(data:{mime};base64,{base64.b64encode(blob).decode('ascii')})"

    return re.sub(r"url\((['\"]?)([^'\")]+)\1\)", data_uri, _asset(path))


def add_assets(m: folium.Map) -> None:
    """Inline the vendored scripts and styles and the Khmer font; drop folium's CDN links."""
    # Drop folium's CDN defaults (jQuery, Bootstrap, awesome-markers): nothing here needs them.
    m.default_js = []
    m.default_css = []
    header = m.get_root().header  # type: ignore[attr-defined]
    header.add_child(Raw(f"<style>{khmer_font_css()}</style>"), name="cm:khmer-font")
    for path in _CSS_ASSETS:
        header.add_child(Raw(f"<style>{_inline_css(path)}</style>"), name=f"cm:{path}")
    for path in _JS_ASSETS:
        js = re.sub(r"//# sourceMappingURL=\S+", "", _asset(path))
        if re.search(r"</script|<!--", js, flags=re.IGNORECASE):
            raise MapError(f"vendored asset {path} cannot be inlined: contains </script or <!--")
        header.add_child(Raw(f"<script>{js}</script>"), name=f"cm:{path}")


def stable_ids(root: Element, html_text: str) -> str:
    """Replace folium's random element names by a counter so builds are byte-identical.

    folium names elements ``<kind>_<32 hex digits>`` from ``uuid4``; the rendered page is
    rewritten after rendering (element objects are never modified), in the order the
    elements appear in the tree.
    """
    names: list[str] = []
    stack = [root]
    while stack:
        element = stack.pop(0)
        names.append(element.get_name())
        stack[0:0] = list(getattr(element, "_children", {}).values())
    for n, name in enumerate(dict.fromkeys(names)):
        prefix = name.rsplit("_", 1)[0]
        html_text = html_text.replace(name, f"{prefix}_{n}")
    return html_text


class DataBlocks:
    """Source-derived data for one map, as JSON blocks outside every template.

    Text from the sources never goes through Jinja (folium re-parses rendered macros as
    templates, so ``{{ 7*7 }}`` in a compound name would be evaluated): each payload is a
    ``<script type="application/json">`` block emitted verbatim, and the map's scripts only
    name it, ``compoundmap.data("cm-data-N")``.
    """

    def __init__(self, m: folium.Map) -> None:
        self._header = m.get_root().header  # type: ignore[attr-defined]

    def ref(self, obj: object) -> str:
        """Store ``obj`` in a new block; return the JavaScript expression that reads it."""
        n = sum(1 for key in self._header._children if str(key).startswith("cm-data-")) + 1
        block = f"cm-data-{n}"
        self._header.add_child(
            Raw(f'<script type="application/json" id="{block}">{js_json(obj)}</script>'),
            name=block,
        )
        return f'compoundmap.data("{block}")'


def render(m: folium.Map) -> bytes:
    """The page's HTML as UTF-8 bytes, with stable element ids.

    Raises
    ------
    MapError
        If the page would load a script or stylesheet from elsewhere.
    """
    root = m.get_root()
    text = stable_ids(root, root.render())
    external = re.search(r"<(?:script|link)\b[^>]*\b(?:src|href)\s*=", text, re.IGNORECASE)
    if external:
        raise MapError(f"map would load an external resource: {external.group(0)!r}")
    return text.encode("utf-8")
