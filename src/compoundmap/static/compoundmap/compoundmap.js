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
        // Height capped in CSS (.cm-scroll), not by Leaflet's maxHeight, which is measured
        // only once and so ignores a site's details opened later.
        l.bindPopup(f.properties.popup_html, { maxWidth: 380, className: "cm-scroll" });
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

  // Marker size per precision: the vaguer the place, the larger the ring.
  var SIZES = { 1: 14, 2: 24, 3: 28, 4: 32 };

  // How many of a marker's sites have an event in the chosen year (all without a filter).
  function shown(item) {
    if (!cm.year) return item.count;
    return item.site_years.filter(function (ys) {
      return ys.indexOf(cm.year) >= 0;
    }).length;
  }

  function markerTitle(item, n) {
    if (!cm.year || n === item.count) return item.label;
    return item.label + " (" + n + " with a reported event in " + cm.year + ")";
  }

  // A site pin is one site; every other marker shows how many sites it stands for.
  function markerIcon(item, n) {
    var size = SIZES[item.precision] || 14;
    var box = el("div");
    if (item.precision !== 1) box.appendChild(el("span", "cm-count", String(n)));
    return L.divIcon({
      className: "cm-marker cm-prec-" + item.precision,
      iconSize: [size, size],
      html: box.innerHTML, // digits only
    });
  }

  // A cluster's number counts the sites of its markers, never just the markers; its
  // title says both.
  function clusterIcon(cluster) {
    var children = cluster.getAllChildMarkers();
    var sites = 0;
    children.forEach(function (m) {
      sites += m.cmShown;
    });
    var words = sites + (sites === 1 ? " site" : " sites") + " in " + children.length +
      (children.length === 1 ? " marker" : " markers") + "; click to zoom in";
    var size = sites < 10 ? 34 : sites < 100 ? 40 : 46;
    var box = el("div");
    var label = el("span", null, String(sites));
    label.title = words;
    label.setAttribute("aria-label", words);
    box.appendChild(label);
    return L.divIcon({
      className: "cm-cluster",
      iconSize: [size, size],
      html: box.innerHTML, // built with textContent and attributes, serialised escaped
    });
  }

  cm.compoundLayer = function (items) {
    var group = L.markerClusterGroup({
      showCoverageOnHover: false,
      maxClusterRadius: 40,
      spiderfyOnMaxZoom: true,
      iconCreateFunction: clusterIcon,
    });
    cm.markers = items.map(function (c) {
      var m = L.marker([c.lat, c.lon], {
        icon: markerIcon(c, c.count),
        title: c.label,
        alt: c.label,
      });
      m.bindPopup(c.popup_html, { maxWidth: 400, className: "cm-scroll" });
      m.cm = c;
      m.cmShown = c.count;
      return m;
    });
    group.addLayers(cm.markers);
    cm.cluster = group;
    return group;
  };

  // The year filter on timelines: events of other years (and undated ones) are hidden,
  // and so are listed sites with no event in that year; a note says what is hidden.
  cm.applyYear = function (root) {
    if (!root) return;
    var year = cm.year;
    root.querySelectorAll("li[data-year]").forEach(function (li) {
      li.hidden = !!year && li.getAttribute("data-year") !== year;
    });
    root.querySelectorAll("details[data-years]").forEach(function (d) {
      var years = (d.getAttribute("data-years") || "").split(" ");
      d.hidden = !!year && years.indexOf(year) < 0;
    });
    root.querySelectorAll(".cm-timeline").forEach(function (ul) {
      var note = ul.previousElementSibling;
      if (!note || !note.classList.contains("cm-yearnote")) {
        note = el("p", "cm-note cm-yearnote");
        ul.parentNode.insertBefore(note, ul);
      }
      var hidden = ul.querySelectorAll(":scope > li[hidden]").length;
      note.textContent = year && hidden
        ? "Year filter " + year + ": " + hidden + (hidden === 1 ? " event" : " events") +
          " of other years or undated not shown."
        : "";
      note.hidden = !note.textContent;
    });
  };

  function applyYearToOpen() {
    document.querySelectorAll(".leaflet-popup-content, .cm-about").forEach(cm.applyYear);
  }

  // Only markers that change are touched, so a popup left open stays open and is filtered.
  cm.filterYear = function (year) {
    cm.year = year || "";
    var gone = [];
    var come = [];
    var changed = [];
    var result = { markers: 0, sites: 0 };
    cm.markers.forEach(function (m) {
      var n = shown(m.cm);
      if (n !== m.cmShown) {
        m.cmShown = n;
        m.setIcon(markerIcon(m.cm, n));
        changed.push(m);
      }
      var words = markerTitle(m.cm, n);
      m.options.title = words;
      m.options.alt = words;
      if (m._icon) m._icon.title = words; // an icon already on the page keeps its element
      var visible = n > 0;
      if (visible !== cm.cluster.hasLayer(m)) (visible ? come : gone).push(m);
      if (visible) {
        result.markers += 1;
        result.sites += n;
      }
    });
    cm.cluster.removeLayers(gone);
    cm.cluster.addLayers(come);
    cm.cluster.refreshClusters(changed);
    applyYearToOpen();
    return result;
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

  cm.totalSites = function () {
    var n = 0;
    cm.markers.forEach(function (m) {
      n += m.cm.count;
    });
    return n;
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
      sel.setAttribute("aria-label", "Show sites and events of this year");
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
      var note = el("div", "cm-note", "Applies to markers and listed events; shading counts all years.");
      box.appendChild(note);
      sel.addEventListener("change", function () {
        var n = cm.filterYear(sel.value);
        cm.status(
          sel.value
            ? n.sites + " of " + cm.totalSites() + " drawn sites (" + n.markers + " of " +
              cm.markers.length + " markers) have a reported event in " + sel.value
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
      if (cm.year && shown(hit.cm) === 0) {
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
    return "No site matches \u201c" + query + "\u201d.";
  };

  cm.searchControl = function (map, names) {
    var ctl = L.control({ position: "topleft" });
    ctl.onAdd = function () {
      var box = el("div", "cm-panel cm-search");
      var form = el("form");
      form.setAttribute("role", "search");
      var input = el("input");
      input.type = "search";
      input.placeholder = "Search site or place";
      input.setAttribute("aria-label", "Search by site name, alias or place");
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
    // Popup content is rebuilt from its HTML each time it opens: filter it then.
    map.on("popupopen", function (e) {
      cm.applyYear(e.popup.getElement());
    });

    root.compoundmapReady = {
      ms: performance.now(),
      provinces: n,
      markers: cm.markers.length,
      sites: cm.totalSites(),
    };
    document.documentElement.setAttribute("data-cm-ready", "1");
  };
})(window);
