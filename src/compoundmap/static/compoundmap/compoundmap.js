/* compoundmap map runtime. MIT licence, compoundmap contributors.
 *
 * Data rule: a field whose name ends in "_html" was built and escaped in Python
 * (compoundmap.maps); every other string is plain text and reaches the page only through
 * textContent, .value or .title, never through innerHTML.
 */
(function (root) {
  "use strict";
  var cm = (root.compoundmap = root.compoundmap || {});
  cm.markers = [];
  cm.unpinned = [];
  cm.year = "";

  // Source-derived data arrives as JSON data blocks (script elements of type JSON), never
  // inside the page's scripts, so no template engine ever sees it (compoundmap.maps).
  cm.data = function (id) {
    return JSON.parse(document.getElementById(id).textContent);
  };

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }

  function isolate(box) {
    L.DomEvent.disableClickPropagation(box);
    L.DomEvent.disableScrollPropagation(box);
  }

  cm.provinceLayer = function (data, focus) {
    var layer = L.geoJSON(data, {
      style: function (f) {
        var focused = focus && f.properties.code === focus;
        return {
          className: "cm-province",
          color: focused ? "#222" : "#666",
          weight: focused ? 2.5 : 0.8,
          fillColor: f.properties.fill,
          fillOpacity: focus && !focused ? 0.35 : 0.7,
        };
      },
      onEachFeature: function (f, l) {
        l.bindTooltip(f.properties.tooltip_html, { sticky: true });
        l.bindPopup(f.properties.popup_html, { maxWidth: 380, maxHeight: 360 });
        l.on("mouseover", function () {
          l.setStyle({ weight: 2.5 });
        });
        l.on("mouseout", function () {
          layer.resetStyle(l);
        });
      },
    });
    cm.provinces = layer;
    return layer;
  };

  cm.districtLayer = function (data, interactive) {
    var layer = L.geoJSON(data, {
      style: function () {
        return {
          className: "cm-district",
          color: "#333",
          weight: interactive ? 1.2 : 0.5,
          opacity: 0.7,
          fill: false,
        };
      },
      interactive: !!interactive,
      onEachFeature: function (f, l) {
        if (interactive) l.bindTooltip(f.properties.tooltip_html, { sticky: true });
      },
    });
    cm.districts = layer;
    return layer;
  };

  var SIZES = { 1: 14, 2: 22, 3: 30 };

  cm.compoundLayer = function (items) {
    var group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
    });
    cm.markers = items.map(function (c) {
      var size = SIZES[c.precision] || 14;
      var icon = L.divIcon({
        className: "cm-marker cm-prec-" + c.precision,
        iconSize: [size, size],
        html: "",
      });
      var m = L.marker([c.lat, c.lon], { icon: icon, title: c.label, alt: c.label });
      m.bindPopup(c.popup_html, { maxWidth: 400, maxHeight: 380 });
      m.cm = c;
      return m;
    });
    group.addLayers(cm.markers);
    cm.cluster = group;
    return group;
  };

  cm.filterYear = function (year) {
    cm.year = year || "";
    var keep = cm.markers.filter(function (m) {
      return !cm.year || m.cm.years.indexOf(cm.year) >= 0;
    });
    cm.cluster.clearLayers();
    cm.cluster.addLayers(keep);
    return keep.length;
  };

  cm.htmlControl = function (map, html, position, cls) {
    var ctl = L.control({ position: position });
    ctl.onAdd = function () {
      var box = el("div", "cm-panel " + cls);
      box.innerHTML = html; // escaped in Python (see the data rule above)
      isolate(box);
      return box;
    };
    ctl.addTo(map);
    return ctl;
  };

  cm.status = function (text) {
    var s = document.querySelector(".cm-title .cm-status");
    if (s) s.textContent = text;
  };

  cm.yearControl = function (map, years) {
    var ctl = L.control({ position: "topright" });
    ctl.onAdd = function () {
      var box = el("div", "cm-panel cm-year");
      var label = el("label", null, "Year of reported event ");
      var sel = el("select");
      sel.setAttribute("aria-label", "Show compounds with a reported event in this year");
      var all = el("option", null, "all years");
      all.value = "";
      sel.appendChild(all);
      years.forEach(function (y) {
        var o = el("option", null, y);
        o.value = y;
        sel.appendChild(o);
      });
      label.appendChild(sel);
      box.appendChild(label);
      var note = el("div", "cm-note", "Applies to pins; shading counts all years.");
      box.appendChild(note);
      sel.addEventListener("change", function () {
        var n = cm.filterYear(sel.value);
        cm.status(
          sel.value
            ? n + " of " + cm.markers.length + " pinned compounds have a reported event in " + sel.value
            : ""
        );
      });
      cm.yearSelect = sel;
      isolate(box);
      return box;
    };
    ctl.addTo(map);
    return ctl;
  };

  function matches(item, q) {
    var names = [item.name].concat(item.aliases || []);
    return names.some(function (n) {
      return n.toLowerCase().indexOf(q) >= 0;
    });
  }

  cm.search = function (map, query) {
    var q = (query || "").trim().toLowerCase();
    if (!q) return "";
    var hit = cm.markers.filter(function (m) {
      return matches(m.cm, q);
    })[0];
    if (hit) {
      if (cm.year && hit.cm.years.indexOf(cm.year) < 0) {
        if (cm.yearSelect) cm.yearSelect.value = "";
        cm.filterYear("");
      }
      cm.cluster.zoomToShowLayer(hit, function () {
        hit.openPopup();
      });
      return "Found: " + hit.cm.name;
    }
    var other = cm.unpinned.filter(function (u) {
      return matches(u, q);
    })[0];
    if (other) {
      if (cm.provinces && other.province_code) {
        cm.provinces.eachLayer(function (l) {
          if (l.feature.properties.code === other.province_code) {
            map.fitBounds(l.getBounds());
            l.openPopup(l.getBounds().getCenter());
          }
        });
      }
      return other.name + ": " + other.why;
    }
    return "No compound matches \u201c" + query + "\u201d.";
  };

  cm.searchControl = function (map, names) {
    var ctl = L.control({ position: "topleft" });
    ctl.onAdd = function () {
      var box = el("div", "cm-panel cm-search");
      var form = el("form");
      form.setAttribute("role", "search");
      var input = el("input");
      input.type = "search";
      input.placeholder = "Search compound name";
      input.setAttribute("aria-label", "Search by compound name or alias");
      input.setAttribute("list", "cm-names");
      var list = el("datalist");
      list.id = "cm-names";
      names.forEach(function (n) {
        var o = el("option");
        o.value = n;
        list.appendChild(o);
      });
      var button = el("button", null, "Find");
      button.type = "submit";
      var out = el("div", "cm-search-result");
      out.setAttribute("aria-live", "polite");
      form.appendChild(input);
      form.appendChild(button);
      box.appendChild(form);
      box.appendChild(list);
      box.appendChild(out);
      form.addEventListener("submit", function (ev) {
        ev.preventDefault();
        out.textContent = cm.search(map, input.value);
      });
      isolate(box);
      return box;
    };
    ctl.addTo(map);
    return ctl;
  };

  cm.watchTiles = function (map, tiles) {
    var warned = false;
    tiles.on("tileerror", function () {
      if (warned) return;
      warned = true;
      cm.status("Base map tiles could not load (offline?). Boundaries and reports are unaffected.");
    });
    map.on("baselayerchange", function (e) {
      if (e.layer === tiles && navigator.onLine === false) {
        cm.status("Offline: the base map needs a connection. Boundaries and reports are unaffected.");
      }
    });
  };

  cm.attribution = function (map, html) {
    map.attributionControl.addAttribution(html); // escaped in Python
  };

  cm.setUnpinned = function (map, items) {
    cm.unpinned = items;
  };

  // Called before the pins are added, so the cluster layer starts at the final zoom
  // instead of animating into it.
  cm.fit = function (map, focus) {
    if (!cm.provinces) return;
    var bounds = cm.provinces.getBounds();
    cm.provinces.eachLayer(function (l) {
      if (focus && l.feature.properties.code === focus) bounds = l.getBounds();
    });
    if (bounds.isValid()) map.fitBounds(bounds, { animate: false });
  };

  cm.ready = function (map) {
    var n = 0;
    if (cm.provinces) cm.provinces.eachLayer(function () { n += 1; });
    cm.map = map;
    root.compoundmapReady = {
      ms: performance.now(),
      provinces: n,
      markers: cm.markers.length,
    };
    document.documentElement.setAttribute("data-cm-ready", "1");
  };
})(window);
