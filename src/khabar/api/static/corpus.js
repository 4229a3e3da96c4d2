// The corpus view: search with filters, statistics (top speakers and entities), an entity page with a timeline,
// and an events table with filters and export links.

import { timelineChart } from "./chart.js";
import { TYPE_LABELS, api, el, query, table } from "./dom.js";

const $ = (id) => document.getElementById(id);

export const entityHref = (key) => `#entity/${encodeURIComponent(key)}`;

function snippet(hit) {
  const chars = Array.from(hit.snippet || "");
  const spans = (hit.highlights || []).slice().sort((a, b) => a[0] - b[0]);
  const node = el("p", { class: "snippet", dir: "rtl" });
  let last = 0;
  for (const [start, end] of spans) {
    if (start < last) continue;
    node.append(chars.slice(last, start).join(""), el("mark", {}, chars.slice(start, end).join("")));
    last = end;
  }
  node.append(chars.slice(last).join(""));
  return node;
}

function searchFilters() {
  return { entity: $("f-entity").value.trim(), type: $("f-type").value, place: $("f-place").value.trim(),
    speaker: $("f-speaker").value.trim(), event_type: $("f-event-type").value, since: $("f-since").value,
    until: $("f-until").value };
}

export async function runSearch() {
  const box = $("search-results");
  const q = $("q").value.trim();
  box.replaceChildren(el("p", { class: "status", text: "جارٍ البحث… · searching…" }));
  try {
    const page = await api(`/search?${query({ q, ...searchFilters(), limit: 20 })}`);
    const items = page.items.map((hit) => el("li", { class: "hit" },
      el("a", { href: `#doc/${encodeURIComponent(hit.doc_id)}`, class: "hit-title", text: hit.title || hit.doc_id }),
      el("span", { class: "meta", text: [hit.source, hit.published].filter(Boolean).join(" · ") }),
      snippet(hit)));
    box.replaceChildren(el("h2", { text: `النتائج · Results (${page.items.length})` }),
      items.length ? el("ol", { class: "hits" }, items) : el("p", { class: "empty", text: "لا نتائج · no results" }));
  } catch (error) {
    box.replaceChildren(el("p", { class: "error", text: error.message }));
  }
}

export async function loadCorpusSide() {
  const side = $("corpus-side");
  try {
    const stats = await api("/stats?top=10");
    $("corpus-status").textContent = `${stats.documents} وثيقة · documents, ${stats.entities} كيان · entities, `
      + `${stats.quotes} اقتباس · quotes, ${stats.events} حدث · events`;
    const speakers = stats.top_speakers.map((s) => [el("a", { href: entityHref(s.speaker), text: s.name || s.speaker }),
      s.quotes, s.documents]);
    const entities = stats.top_entities.map((e) => [el("a", { href: entityHref(e.key), class: `ent ${e.type}`, text: e.name }),
      e.type, e.n_documents]);
    side.replaceChildren(
      el("h3", { text: "أبرز المتحدثين · Top speakers" }),
      table(["المتحدث · Speaker", "اقتباسات · Quotes", "وثائق · Docs"], speakers, "data small"),
      el("h3", { text: "أبرز الكيانات · Top entities" }),
      table(["الكيان · Entity", "النوع · Type", "وثائق · Docs"], entities, "data small"));
  } catch (error) {
    $("corpus-status").textContent = error.status === 503
      ? "لا توجد قاعدة بيانات · no corpus database: start the server with --db" : error.message;
    side.replaceChildren();
  }
}

function eventRows(events) {
  return events.map((e) => [e.type, e.status, e.trigger_text, (e.actors || []).join("، "), (e.targets || []).join("، "),
    e.location_name || "", e.day || "", e.fatalities ?? "",
    el("a", { href: `#doc/${encodeURIComponent(e.doc_id)}`, text: e.title || e.doc_id })]);
}

const EVENT_HEADERS = ["النوع · Type", "الحالة · Status", "الفعل · Trigger", "الفاعل · Actors", "المستهدف · Targets",
  "المكان · Place", "اليوم · Day", "القتلى · Fatalities", "الوثيقة · Document"];

export async function loadEvents() {
  const filters = { event_type: $("e-type").value, place: $("e-place").value.trim(), entity: $("e-entity").value.trim(),
    since: $("e-since").value, until: $("e-until").value };
  for (const format of ["csv", "acled", "jsonl"]) $(`export-${format}`).href = `/export?${query({ format, ...filters })}`;
  const box = $("corpus-events");
  try {
    const page = await api(`/events?${query({ ...filters, limit: 100 })}`);
    box.replaceChildren(table(EVENT_HEADERS, eventRows(page.items), "data events-table"));
  } catch (error) {
    box.replaceChildren(el("p", { class: "error", text: error.message }));
  }
}

export async function showEntity(key) {
  const page = $("entity-page");
  page.hidden = false;
  page.replaceChildren(el("p", { class: "status", text: "…" }));
  try {
    const report = await api(`/entities/${encodeURIComponent(key)}`);
    const e = report.entity;
    page.replaceChildren(
      el("h2", {}, el("span", { class: `ent ${e.type}`, text: e.name }), e.name_en ? ` · ${e.name_en}` : "",
        el("small", { text: ` ${TYPE_LABELS[e.type] || e.type} — ${e.n_documents} وثائق · documents, `
          + `${e.n_mentions} إشارة · mentions, ${e.n_quotes} اقتباس · quotes, ${e.n_events} حدث · events` })),
      el("h3", { text: "الإشارات عبر الزمن · Mentions over time" }), timelineChart(report.timeline),
      el("h3", { text: "اقتباساته · Quotes by this speaker" }),
      table(["النص · Content", "الفعل · Cue", "الوثيقة · Document"], report.quotes.map((q) => [q.content, q.cue || "",
        el("a", { href: `#doc/${encodeURIComponent(q.doc_id)}`, text: q.title || q.published || q.doc_id })]), "data"),
      el("h3", { text: "الأحداث · Events" }), table(EVENT_HEADERS, eventRows(report.events), "data events-table"),
      el("h3", { text: "الإشارات · Mentions" }),
      el("ul", { class: "mentions" }, report.mentions.slice(0, 50).map((m) => el("li", { dir: "rtl" },
        `…${m.before}`, el("mark", { text: m.text }), `${m.after}… `,
        el("a", { href: `#doc/${encodeURIComponent(m.doc_id)}`, class: "small", text: m.published || m.doc_id })))));
    page.scrollIntoView({ block: "start" });
  } catch (error) {
    page.replaceChildren(el("p", { class: "error", text: error.message }));
  }
}
