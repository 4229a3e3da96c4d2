// One analyzed document: the text right-to-left with entities, quotes, numbers, dates and event triggers marked,
// then the entity list, the quotes and events tables and the map. Offsets are Unicode code points.

import { drawMap } from "./map.js";
import { TYPE_LABELS, el, table } from "./dom.js";

function entityName(entity) {
  return entity ? (entity.name_en ? `${entity.name} (${entity.name_en})` : entity.name) : "";
}

function marksOf(doc, byId) {
  const marks = [];
  for (const entity of doc.entities || []) {
    for (const m of entity.mentions || []) {
      marks.push({ start: m.start, end: m.end, classes: ["ent", entity.type], entity: entity.id,
        title: `${TYPE_LABELS[entity.type] || entity.type}: ${entityName(entity)}` });
    }
  }
  for (const quote of doc.quotes || []) {
    const speaker = byId.get(quote.speaker);
    const who = speaker ? entityName(speaker) : (quote.speaker_text ? quote.speaker_text.text : "؟ unknown");
    marks.push({ start: quote.content.start, end: quote.content.end, classes: ["quote", quote.kind], quote: quote.id,
      speaker: who, title: `اقتباس من ${who} · quote by ${who} (${quote.kind})` });
    if (quote.cue) marks.push({ start: quote.cue.start, end: quote.cue.end, classes: ["cue"], title: "فعل القول · speech cue" });
  }
  for (const n of doc.numbers || []) {
    marks.push({ start: n.start, end: n.end, classes: ["num"], title: `رقم · number = ${JSON.stringify(n.value)}${n.about ? " (" + n.about + ")" : ""}` });
  }
  for (const d of doc.dates || []) {
    marks.push({ start: d.start, end: d.end, classes: ["date"], title: `تاريخ · date = ${d.value || "غير محدد · unresolved"}` });
  }
  for (const e of doc.events || []) {
    marks.push({ start: e.trigger.start, end: e.trigger.end, classes: ["trigger"], title: `حدث · event ${e.type} (${e.status})` });
  }
  return marks.filter((m) => Number.isInteger(m.start) && Number.isInteger(m.end) && m.end > m.start);
}

export function highlightedText(doc) {
  const chars = Array.from(doc.text);  // code points, as the offsets count them
  const byId = new Map((doc.entities || []).map((e) => [e.id, e]));
  const marks = marksOf(doc, byId);
  const cuts = new Set([0, chars.length]);
  for (const m of marks) { cuts.add(Math.min(m.start, chars.length)); cuts.add(Math.min(m.end, chars.length)); }
  const points = [...cuts].sort((a, b) => a - b);
  const container = el("div", { class: "doc-text", dir: "rtl", lang: "ar" });
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const piece = chars.slice(start, end).join("");
    const active = marks.filter((m) => m.start <= start && end <= m.end);
    if (!active.length) { container.append(piece); continue; }
    const classes = new Set(active.flatMap((m) => m.classes));
    const entity = active.find((m) => m.entity);
    const quote = active.find((m) => m.quote);
    container.append(el("span", {
      class: [...classes].join(" "), title: [...new Set(active.map((m) => m.title))].join(" | "),
      "data-entity": entity ? entity.entity : null, "data-quote": quote ? quote.quote : null,
      "data-speaker": quote ? quote.speaker : null,
    }, piece));
  }
  container.addEventListener("mouseover", (event) => {
    const id = event.target.dataset ? event.target.dataset.entity : null;
    for (const node of container.querySelectorAll(".same")) node.classList.remove("same");
    if (id) for (const node of container.querySelectorAll(`[data-entity="${CSS.escape(id)}"]`)) node.classList.add("same");
  });
  return container;
}

function legend() {
  return el("p", { class: "legend" },
    ["PER", "ORG", "GPE", "LOC", "NORP", "MISC"].map((t) => el("span", { class: `ent ${t}`, text: TYPE_LABELS[t] })),
    el("span", { class: "quote", text: "اقتباس · quote" }), el("span", { class: "num", text: "رقم · number" }),
    el("span", { class: "date", text: "تاريخ · date" }), el("span", { class: "trigger", text: "حدث · event" }));
}

export function renderDocument(doc, { entityLink } = {}) {
  const byId = new Map((doc.entities || []).map((e) => [e.id, e]));
  const name = (id) => entityName(byId.get(id));
  const warnings = (doc.warnings || []).map((w) => el("li", { text: w }));
  const entities = el("ul", { class: "entity-list" }, (doc.entities || []).map((e) => el("li", {},
    el("span", { class: `ent ${e.type}`, "data-entity": e.id, text: e.name }),
    e.name_en ? ` ${e.name_en}` : "", ` · ${e.type} ×${(e.mentions || []).length}`,
    entityLink ? el("a", { href: entityLink(e), class: "small", text: " ↗" }) : "")));
  const quotes = table(["المتحدث · Speaker", "النوع · Kind", "الفعل · Cue", "النص · Content", "الوسيلة · Channel"],
    (doc.quotes || []).map((q) => [q.speaker ? name(q.speaker) : (q.speaker_text ? q.speaker_text.text : "؟"), q.kind,
      q.cue ? q.cue.text : "", q.content.text, q.channel || ""]), "data quotes-table");
  const events = table(["النوع · Type", "الحالة · Status", "الفعل · Trigger", "الفاعل · Actors", "المستهدف · Targets",
    "المكان · Place", "التاريخ · Date", "القتلى · Fatalities"],
    (doc.events || []).map((e) => [e.type + (e.mode ? ` (${e.mode})` : ""), e.status, e.trigger.text,
      (e.actors || []).map(name).join("، "), (e.targets || []).map(name).join("، "), e.location ? name(e.location) : "",
      e.date ? (e.date.value || e.date.text || "") : "", e.fatalities ?? ""]), "data events-table");
  const places = (doc.entities || []).filter((e) => e.geo && Number.isFinite(e.geo.lat) && Number.isFinite(e.geo.lon));
  const mapBox = el("div", { class: "map", id: "map" });
  drawMap(mapBox, places.map((e) => ({ lat: e.geo.lat, lon: e.geo.lon, label: e.name, title: entityName(e) })));
  const meta = doc.meta || {};
  return el("div", { class: "document", "data-doc": doc.id },
    meta.title ? el("h2", { text: meta.title }) : null,
    el("p", { class: "meta" }, [meta.source, meta.published, `id ${doc.id}`].filter(Boolean).join(" · ")),
    warnings.length ? el("ul", { class: "warnings" }, warnings) : null,
    legend(),
    el("div", { class: "columns" },
      highlightedText(doc),
      el("aside", { class: "side" }, el("h3", { text: "الخريطة · Map" }), mapBox,
        el("h3", { text: `الكيانات · Entities (${(doc.entities || []).length})` }), entities)),
    el("h3", { text: `الاقتباسات · Quotes (${(doc.quotes || []).length})` }), quotes,
    el("h3", { text: `الأحداث · Events (${(doc.events || []).length})` }), events);
}
