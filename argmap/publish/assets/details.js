/* The details of an element of argmap's page: title, kind, position, text,
   premise–conclusion structure, each source with its verbatim quotes and a
   link, and the relations, written into the #details region's parts.

   argmapDetails(data, positionsByTag, drawn) returns describe(element).
   Everything from the input goes in with textContent; a link is made only
   from an http(s) address; a related element that is drawn (drawn(id)) is a
   button whose data-goto names it, for the page to move the view there. */
"use strict";

function argmapDetails(data, positionsByTag, drawn) {
  const sourcesById = new Map(data.sources.map((s) => [s.id, s]));
  const $ = (id) => document.getElementById(id);

  function text(tag, content, className) {
    const node = document.createElement(tag);
    if (content !== undefined) node.textContent = content;
    if (className) node.className = className;
    return node;
  }
  function link(url, content) {
    if (!/^https?:\/\//i.test(url)) return text("span", content);
    const a = text("a", content);
    a.href = url;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }
  function goTo(id) {
    const button = text("button", data.elements[id].title);
    button.type = "button";
    button.dataset.goto = id;
    return button;
  }
  function fill(id, ...children) {
    const box = $(id);
    box.replaceChildren(...children);
  }

  function describe(element) {
    $("details-kind").textContent = element.kind;
    $("details-title").textContent = element.title;
    const position = positionsByTag.get(element.position);
    fill("details-position", ...(position && !element.untagged
      ? [text("span", "", `swatch swatch-${position.index}`), text("span", `Position: ${position.label}`)]
      : [text("span", "", "swatch swatch-0"), text("span", position
        ? `No position of its own (used by ${position.label} arguments)` : "No single position")]));
    // whose claim, how sure, whether the mapper added it: one line each
    fill("details-voice", ...(element.voice || []).map((line) => text("p", line)));
    $("details-text").textContent = element.text;
    fill("details-verdict", ...(element.verdict
      ? [text("strong", element.verdict[0].toUpperCase(), `verdict verdict-${element.verdict[0]}`), " ", element.verdict[1]]
      : []));
    fill("details-pcs", ...pcsOf(element));
    fill("details-sources", ...sourcesOf(element));
    fill("details-relations", ...relationsOf(element));
  }
  function pcsOf(element) {
    if (!element.pcs) return [];
    const list = text("div", undefined, "pcs");
    for (const [number, name, words, rules, id] of element.pcs) {
      if (rules) list.append(text("p", rules, "inference"));
      const line = text("p");
      line.append(text("span", number, "number"));
      if (name) line.append(id && id !== element.id ? goTo(id) : text("strong", name), " ");
      line.append(words);
      list.append(line);
    }
    return [text("h3", "Premises and conclusion"), list];
  }
  function sourcesOf(element) {
    if (!element.sources.length && !element.quotes.length) return [];
    const out = [text("h3", element.sources.length === 1 ? "Source" : "Sources")];
    const ids = [...element.sources];
    for (const [source] of element.quotes) if (!ids.includes(source)) ids.push(source);
    for (const id of ids) {
      const source = sourcesById.get(id);
      const block = text("div", undefined, "source");
      const cite = text("p");
      cite.append(text("span", source ? String(source.number) : "?", "badge"), " ",
        link(source ? source.url : "", source ? source.name : id));
      if (source && source.date) cite.append(` (${source.date})`);
      block.append(cite);
      for (const [from, quote] of element.quotes) {
        if (from === id) block.append(text("blockquote", `“${quote}”`));
      }
      out.push(block);
    }
    return out;
  }
  function relationsOf(element) {
    if (!element.relations.length) return [];
    const list = text("ul");
    for (const [verb, name, id, mapper] of element.relations) {
      const item = text("li", verb.charAt(0).toUpperCase() + verb.slice(1) + " ");
      item.append(id && drawn(id) ? goTo(id) : text("span", name));
      if (mapper !== undefined) item.append(text("span", mapper ? ` (the mapper's link: ${mapper})` : " (the mapper's link)", "mapper"));
      list.append(item);
    }
    return [text("h3", "Relations"), list];
  }

  return describe;
}
