/* Pan and zoom for an inline SVG in a frame that clips it: mouse wheel (and
   a touchpad's pinch, which browsers send as a wheel with ctrlKey), drag
   with a mouse, pen or one finger, pinch with two fingers. Written small for
   argmap's page, so that the page needs no library.

   The SVG keeps its own size (one unit of its viewBox is one CSS pixel) and
   is moved and scaled by a CSS transform: the browser then only composites
   and re-rasters it, where changing the viewBox would lay out every element
   of a large map again (measured: ~150 ms for 1 000 statements, against
   under 25 ms).

   argmapPanZoom(svg) returns the view: zoomBy, panBy, fit, show (centre a
   box), boxOf and scale. A drag longer than a few
   pixels swallows the click that ends it, so dragging across an element
   does not select it. */
"use strict";

function argmapPanZoom(svg) {
  const frame = svg.parentElement;
  const box = svg.viewBox.baseVal;
  const home = { x: box.x, y: box.y, w: box.width || 1, h: box.height || 1 };
  const view = { s: 1, tx: 0, ty: 0 }; // pixels per unit, and where the SVG's corner is in the frame
  const pointers = new Map();
  let dragged = false;
  let start = null;
  let fitted = true; // follow the frame's size until the reader moves the view

  svg.classList.add("panzoom");
  svg.style.width = `${home.w}px`;
  svg.style.height = `${home.h}px`;

  function size() {
    const rect = frame.getBoundingClientRect();
    return { w: rect.width || 1, h: rect.height || 1, left: rect.left, top: rect.top };
  }
  const fitScale = () => {
    const s = size();
    return Math.min(s.w / home.w, s.h / home.h);
  };
  function limits() {
    const fit = fitScale();
    return { min: fit * 0.5, max: Math.max(fit * 2, 6) };
  }
  function apply() {
    svg.style.transform = `translate(${view.tx}px, ${view.ty}px) scale(${view.s})`;
  }
  // The SVG point under a point of the screen, and back.
  function toSvg(clientX, clientY) {
    const s = size();
    return { x: home.x + (clientX - s.left - view.tx) / view.s, y: home.y + (clientY - s.top - view.ty) / view.s };
  }

  function zoomBy(factor, clientX, clientY) {
    const s = size();
    const bounds = limits();
    factor = Math.min(Math.max(view.s * factor, bounds.min), bounds.max) / view.s;
    if (!isFinite(factor) || factor === 1) return;
    const x = (clientX ?? s.left + s.w / 2) - s.left;
    const y = (clientY ?? s.top + s.h / 2) - s.top;
    view.tx = x - (x - view.tx) * factor;
    view.ty = y - (y - view.ty) * factor;
    view.s *= factor;
    fitted = false;
    apply();
  }
  function panBy(dx, dy) {
    view.tx += dx;
    view.ty += dy;
    fitted = false;
    apply();
  }
  function fit() {
    const s = size();
    view.s = fitScale();
    view.tx = (s.w - home.w * view.s) / 2;
    view.ty = (s.h - home.h * view.s) / 2;
    fitted = true;
    apply();
  }
  // Centre an SVG rectangle in the part of the frame `inset` pixels from its
  // right edge leave free, zooming in to at least `minScale` pixels per unit
  // (and out so that it fits), keeping the zoom otherwise.
  function show(rect, minScale, inset = 0) {
    const s = size();
    const free = Math.max(s.w - inset, s.w / 3);
    let scale = view.s;
    if (minScale && scale < minScale) scale = Math.min(minScale, limits().max);
    scale = Math.min(scale, (free * 0.9) / rect.width, (s.h * 0.9) / rect.height);
    view.s = Math.max(scale, limits().min);
    view.tx = free / 2 - (rect.x + rect.width / 2 - home.x) * view.s;
    view.ty = s.h / 2 - (rect.y + rect.height / 2 - home.y) * view.s;
    fitted = false;
    apply();
  }
  // An element's box in SVG units.
  function boxOf(element) {
    const r = element.getBoundingClientRect();
    const a = toSvg(r.left, r.top);
    const b = toSvg(r.right, r.bottom);
    return { x: a.x, y: a.y, width: b.x - a.x, height: b.y - a.y };
  }
  // The frame listens (the SVG may not cover it); of its pictures, the one shown moves.
  const shown = () => !svg.classList.contains("off");
  frame.addEventListener("wheel", (event) => {
    if (!shown()) return;
    event.preventDefault();
    const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? 400 : 1;
    zoomBy(Math.exp(-event.deltaY * lines * (event.ctrlKey ? 0.01 : 0.0015)), event.clientX, event.clientY);
  }, { passive: false });

  frame.addEventListener("pointerdown", (event) => {
    if (event.button !== 0 || !shown()) return;
    pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
    if (pointers.size === 1) {
      start = { x: event.clientX, y: event.clientY };
      dragged = false;
    }
  });
  frame.addEventListener("pointermove", (event) => {
    const last = pointers.get(event.pointerId);
    if (!last) return;
    const moved = { x: event.clientX, y: event.clientY };
    if (pointers.size === 2) {
      const [a, b] = [...pointers.values()];
      const other = a === last ? b : a;
      const before = Math.hypot(last.x - other.x, last.y - other.y);
      const after = Math.hypot(moved.x - other.x, moved.y - other.y);
      panBy((moved.x - last.x) / 2, (moved.y - last.y) / 2);
      if (before > 0) zoomBy(after / before, (moved.x + other.x) / 2, (moved.y + other.y) / 2);
      dragged = true;
    } else if (pointers.size === 1) {
      if (!dragged && Math.hypot(moved.x - start.x, moved.y - start.y) > 4) {
        dragged = true;
        frame.setPointerCapture(event.pointerId);
        frame.classList.add("dragging");
      }
      if (dragged) panBy(moved.x - last.x, moved.y - last.y);
    }
    pointers.set(event.pointerId, moved);
  });
  function release(event) {
    pointers.delete(event.pointerId);
    if (pointers.size === 0) frame.classList.remove("dragging");
  }
  frame.addEventListener("pointerup", release);
  frame.addEventListener("pointercancel", release);
  frame.addEventListener("click", (event) => {
    if (dragged) {
      event.stopPropagation();
      event.preventDefault();
      dragged = false;
    }
  }, true);
  // A map nobody has moved yet stays fitted when the window (or the frame) changes size.
  new ResizeObserver(() => { if (fitted) fit(); }).observe(frame);

  fit();
  return { zoomBy, panBy, fit, show, boxOf, scale: () => view.s };
}
