/* argmap's interactive page: search, details, filters and neighbourhood for
   the inline SVG map, with the view of panzoom.js and the details of
   details.js.

   The elements are found by the ids Graphviz writes as each group's <title>
   and described by the JSON in #argmap-data. Everything from the input is
   put into the page with textContent or as attribute values, never as
   markup; links are made only from http(s) addresses. */
"use strict";

(function () {
  const data = JSON.parse(document.getElementById("argmap-data").textContent);
  const map = document.getElementById("map");
  const svg = map.querySelector(":scope > svg:last-of-type"); // the full map; the overview, if any, comes first
  const overview = data.overview ? map.querySelector(":scope > svg:first-of-type") : null;
  const $ = (id) => document.getElementById(id);
  const details = $("details");
  const groups = new Map(); // id -> <g> of every node and cluster
  const edges = []; // { g, tail, head }
  const elements = []; // the drawn statements and arguments, in data order
  const positionsByTag = new Map(data.positions.map((p, i) => [p.tag, { ...p, index: i + 1 }]));
  let selected = null;
  let returnFocus = null;
  let matches = []; // the search's elements that are shown, in data order
  let current = 0;

  // ------------------------------------------------------------ the drawn elements

  const fold = (text) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

  for (const g of svg.querySelectorAll("g.node, g.cluster, g.edge")) {
    const title = g.querySelector(":scope > title");
    if (!title) continue;
    if (g.classList.contains("edge")) {
      const [tail, head] = title.textContent.split("->");
      edges.push({ g, tail, head });
    } else {
      groups.set(title.textContent, g);
    }
  }
  for (const [id, element] of Object.entries(data.elements)) {
    const g = groups.get(id);
    if (!g) continue;
    element.id = id;
    element.g = g;
    // a premise drawn only inside its argument's structure is found through the argument
    const inside = (element.pcs || []).filter((row) => !row[4] || !groups.has(row[4])).flatMap((row) => [row[1], row[2]]);
    element.search = fold([element.title, element.text, ...element.quotes.map((q) => q[1]), ...inside].join("\n"));
    g.dataset.title = element.title;
    g.dataset.kind = element.kind;
    g.setAttribute("tabindex", "0");
    g.setAttribute("role", "button");
    g.setAttribute("aria-label", `${element.title} (${element.kind})`);
    g.classList.add("element");
    const shape = g.querySelector("a > :is(polygon, path, ellipse)");
    if (shape) shape.classList.add("shape");
    elements.push(element);
  }
  svg.setAttribute("role", "group");
  svg.setAttribute("aria-label", "Argument map: Tab to its elements, Enter for details; + and − zoom, 0 fits");
  // The views measure the page: made after the marking above, the browser lays the map out once.
  const view = argmapPanZoom(svg);
  const overviewView = overview ? argmapPanZoom(overview) : null;
  const describe = argmapDetails(data, positionsByTag, (id) => groups.has(id));

  // An element's unit for neighbourhoods: an argument drawn as a frame stands for what is inside it.
  function unitOf(id) {
    let unit = id;
    for (let at = data.parents[id]; at; at = data.parents[at]) if (data.elements[at]) unit = at;
    return unit;
  }

  // Whether an element is wholly in the part of the map the details leave free.
  function onScreen(g) {
    const r = g.getBoundingClientRect();
    const free = map.getBoundingClientRect();
    const right = details.hidden ? free.right : details.getBoundingClientRect().left;
    return r.left >= free.left && r.top >= free.top && r.right <= right && r.bottom <= free.bottom;
  }
  // Move the view to an element, beside the details when they are open.
  function reveal(box, minScale) {
    view.show(box, minScale, details.hidden ? 0 : details.getBoundingClientRect().width);
  }

  // ------------------------------------------------------------ selection and details

  function select(id, { move = true, focus = false } = {}) {
    const element = data.elements[id];
    if (!element || !element.g) return;
    showPicture("map");
    if (selected) selected.g.classList.remove("selected");
    selected = element;
    element.g.classList.add("selected");
    describe(element);
    details.hidden = false;
    if (location.hash !== "#" + id) history.replaceState(null, "", "#" + id);
    if (focusDepth !== null) neighbourhood(focusDepth);
    if (move) reveal(view.boxOf(element.g), 0.8);
    else if (!onScreen(element.g)) reveal(view.boxOf(element.g));
    if (focus) {
      returnFocus = element.g;
      details.focus();
    }
  }
  function closeDetails() {
    if (!selected) return;
    selected.g.classList.remove("selected");
    const back = returnFocus || selected.g;
    selected = null;
    returnFocus = null;
    details.hidden = true;
    clearNeighbourhood();
    history.replaceState(null, "", location.pathname + location.search);
    if (back && !back.classList.contains("filtered")) back.focus({ preventScroll: true });
  }

  // ------------------------------------------------------------ search

  function search(query) {
    const terms = fold(query).split(/\s+/).filter(Boolean);
    const found = [];
    for (const element of elements) {
      const hit = terms.length > 0 && terms.every((term) => element.search.includes(term));
      if (hit !== Boolean(element.hit)) element.g.classList.toggle("match", hit);
      element.hit = hit;
      if (hit) found.push(element);
    }
    svg.classList.toggle("searching", terms.length > 0);
    const visible = found.filter((element) => !element.g.classList.contains("filtered"));
    let status = "";
    if (terms.length) {
      status = found.length === 0 ? "nothing found" : `${found.length} found`;
      if (visible.length < found.length) status += `, ${found.length - visible.length} hidden by filters`;
    }
    $("search-status").textContent = status;
    matches = visible;
    current = 0;
    if (visible.length) reveal(view.boxOf(visible[0].g), 0.8);
  }
  const input = $("search");
  input.addEventListener("input", () => {
    if (input.value.trim()) showPicture("map");
    search(input.value);
  });
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && matches.length) {
      event.preventDefault();
      current = (current + (event.shiftKey ? matches.length - 1 : 1)) % matches.length;
      reveal(view.boxOf(matches[current].g), 0.8);
      $("search-status").textContent = `${current + 1} of ${matches.length}`;
    }
  });

  // ------------------------------------------------------------ filters

  const filters = $("filters");
  function applyFilters() {
    const off = (name) => new Set([...filters.querySelectorAll(`input[name=${name}]`)].filter((i) => !i.checked).map((i) => i.value));
    const positionsOff = off("position");
    const sourcesOff = off("source");
    const hidden = new Set();
    for (const element of elements) {
      const byPosition = positionsOff.has(element.position ?? "");
      const bySource = element.sources.length > 0 && element.sources.every((s) => sourcesOff.has(s));
      if (byPosition || bySource) hidden.add(element.id);
    }
    const isHidden = (id) => {
      for (let at = id; at; at = data.parents[at]) if (hidden.has(at)) return true;
      return false;
    };
    const members = new Map(); // frame -> [shown?] of what it holds directly
    for (const [id, g] of groups) {
      const gone = isHidden(id);
      g.classList.toggle("filtered", gone);
      const parent = data.parents[id];
      if (parent && !data.elements[parent]) {
        if (!members.has(parent)) members.set(parent, []);
        members.get(parent).push(!gone);
      }
    }
    for (const [frame, shown] of members) {
      const g = groups.get(frame);
      if (g && !data.elements[frame]) g.classList.toggle("filtered", !shown.some(Boolean));
    }
    for (const edge of edges) {
      const a = groups.get(edge.tail);
      const b = groups.get(edge.head);
      edge.g.classList.toggle("filtered", Boolean((a && a.classList.contains("filtered")) || (b && b.classList.contains("filtered"))));
    }
    if (selected && selected.g.classList.contains("filtered")) closeDetails();
    if (input.value) search(input.value);
  }
  filters.addEventListener("change", applyFilters);
  filters.addEventListener("submit", (event) => event.preventDefault());
  function showFilters(open) {
    filters.hidden = !open;
    $("filters-toggle").setAttribute("aria-expanded", String(open));
  }
  $("filters-toggle").addEventListener("click", () => showFilters(filters.hidden));
  if (matchMedia("(max-width: 700px)").matches) showFilters(false); // on a phone they would cover the map

  // ------------------------------------------------------------ neighbourhood

  let focusDepth = null;
  const adjacent = new Map();
  for (const edge of edges) {
    const a = unitOf(edge.tail);
    const b = unitOf(edge.head);
    if (!adjacent.has(a)) adjacent.set(a, new Set());
    if (!adjacent.has(b)) adjacent.set(b, new Set());
    adjacent.get(a).add(b);
    adjacent.get(b).add(a);
  }
  function neighbourhood(depth) {
    if (!selected) return;
    focusDepth = depth;
    const near = new Set([unitOf(selected.id)]);
    let ring = [...near];
    for (let step = 0; step < depth; step++) {
      const next = [];
      for (const unit of ring) for (const other of adjacent.get(unit) || []) if (!near.has(other)) { near.add(other); next.push(other); }
      ring = next;
    }
    for (const [id, g] of groups) g.classList.toggle("far", !near.has(unitOf(id)));
    for (const edge of edges) edge.g.classList.toggle("far", !(near.has(unitOf(edge.tail)) && near.has(unitOf(edge.head))));
    svg.classList.add("focusing");
    $("neighbourhood").setAttribute("aria-pressed", "true");
    $("neighbourhood").textContent = "Show everything";
  }
  function clearNeighbourhood() {
    focusDepth = null;
    svg.classList.remove("focusing");
    $("neighbourhood").setAttribute("aria-pressed", "false");
    $("neighbourhood").textContent = "Show neighbourhood";
  }
  const depthInput = $("neighbourhood-depth");
  const depth = () => Math.min(Math.max(parseInt(depthInput.value, 10) || 1, 1), 9);
  $("neighbourhood").addEventListener("click", () => (focusDepth === null ? neighbourhood(depth()) : clearNeighbourhood()));
  depthInput.addEventListener("change", () => { if (focusDepth !== null) neighbourhood(depth()); });

  // ------------------------------------------------------------ clicks, keys, address

  svg.addEventListener("click", (event) => {
    if (event.target.closest("a[href], a[*|href]")) return; // a source badge: its link
    const g = event.target.closest("g.element");
    if (g) select(g.querySelector(":scope > title").textContent, { move: false });
  });
  details.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-goto]");
    if (button) select(button.dataset.goto, { focus: true });
  });
  $("details-close").addEventListener("click", closeDetails);
  svg.addEventListener("focusin", (event) => {
    const g = event.target.closest("g.element");
    if (!g) return;
    if (!onScreen(g)) reveal(view.boxOf(g));
  });
  svg.addEventListener("keydown", (event) => {
    const g = event.target.closest && event.target.closest("g.element");
    if (g && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      select(g.querySelector(":scope > title").textContent, { move: false, focus: true });
    }
  });
  const PAN = 80;
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && selected) {
      event.preventDefault();
      closeDetails();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey || event.target.closest("input, select, textarea")) return;
    const actions = {
      "+": () => shown().zoomBy(1.25), "=": () => shown().zoomBy(1.25), "-": () => shown().zoomBy(0.8), "0": () => shown().fit(),
      ArrowLeft: () => shown().panBy(PAN, 0), ArrowRight: () => shown().panBy(-PAN, 0), ArrowUp: () => shown().panBy(0, PAN), ArrowDown: () => shown().panBy(0, -PAN),
    };
    const action = actions[event.key];
    if (!action || (event.key.startsWith("Arrow") && !map.contains(event.target) && event.target !== document.body)) return;
    event.preventDefault();
    action();
  });
  $("zoom-in").addEventListener("click", () => shown().zoomBy(1.25));
  $("zoom-out").addEventListener("click", () => shown().zoomBy(0.8));
  $("zoom-fit").addEventListener("click", () => shown().fit());

  // ------------------------------------------------------------ overview and full map

  const onOverview = () => Boolean(overview) && !overview.classList.contains("off");
  const shown = () => (onOverview() ? overviewView : view);
  function showPicture(name) {
    if (!overview) return;
    overview.classList.toggle("off", name !== "overview");
    svg.classList.toggle("off", name === "overview");
    $("view-overview").setAttribute("aria-pressed", String(name === "overview"));
    $("view-map").setAttribute("aria-pressed", String(name !== "overview"));
  }
  // A position's box opens the full map on that position's claims and arguments.
  function showPosition(tag) {
    showPicture("map");
    const found = elements.filter((e) => (e.position ?? null) === tag && !e.g.classList.contains("filtered"));
    if (!found.length) return view.fit();
    const boxes = found.map((e) => view.boxOf(e.g));
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    view.show({ x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y });
    found[0].g.focus({ preventScroll: true }); // Tab goes on from the position's first element
  }
  if (overview) {
    for (const g of overview.querySelectorAll("g.node")) {
      const id = g.querySelector(":scope > title").textContent;
      if (!(id in data.overview)) continue;
      const tag = data.overview[id];
      const label = tag === null ? "No single position" : positionsByTag.get(tag).label;
      g.dataset.title = label;
      g.dataset.kind = "position";
      g.setAttribute("tabindex", "0");
      g.setAttribute("role", "button");
      g.setAttribute("aria-label", `${label}: show its claims on the full map`);
      g.classList.add("element");
      const shape = g.querySelector("a > :is(polygon, path, ellipse)");
      if (shape) shape.classList.add("shape");
      const open = () => showPosition(tag);
      g.addEventListener("click", open);
      g.addEventListener("keydown", (event) => { if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); } });
    }
    overview.setAttribute("role", "group");
    overview.setAttribute("aria-label", "Overview of the positions: Tab to a position, Enter to see its claims on the full map");
    $("view-overview").addEventListener("click", () => showPicture("overview"));
    $("view-map").addEventListener("click", () => showPicture("map"));
  }

  function fromAddress() {
    const id = decodeURIComponent(location.hash.slice(1));
    if (data.elements[id] && data.elements[id].g) {
      select(id);
      map.scrollIntoView({ block: "nearest" });
    }
  }
  window.addEventListener("hashchange", fromAddress);

  // Printing needs nothing: the print style shows both pictures whole, at the page's width.

  showPicture("overview"); // overview first; an address naming an element opens the full map on it
  fromAddress();
  performance.mark("argmap-ready"); // how long the page took to be usable, for anyone measuring it
  document.documentElement.dataset.ready = "";
})();
