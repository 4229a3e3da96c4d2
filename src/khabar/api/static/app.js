// Khabar's web page: the analyze view (paste or upload → highlighted text, tables, map) and the corpus view.
// Views are picked by the URL hash: #analyze, #corpus, #entity/KEY, #doc/ID.

import { entityHref, loadCorpusSide, loadEvents, runSearch, showEntity } from "./corpus.js";
import { api, el, fillEventTypes } from "./dom.js";
import { renderDocument } from "./render.js";

const $ = (id) => document.getElementById(id);
const entityLink = (e) => entityHref(e.kb_id || e.name);
let corpusLoaded = false;

function show(view) {
  for (const section of document.querySelectorAll(".view")) section.hidden = section.id !== `view-${view}`;
  for (const tab of document.querySelectorAll(".tab[data-view]")) tab.classList.toggle("active", tab.dataset.view === view);
  if (view === "corpus" && !corpusLoaded) {
    corpusLoaded = true;
    loadCorpusSide();
    loadEvents();
  }
}

function status(text, isError = false) {
  const node = $("analyze-status");
  node.textContent = text;
  node.classList.toggle("error", isError);
}

async function analyze(event) {
  event.preventDefault();
  const text = $("text").value;
  if (!text.trim()) { status("النص فارغ · the text is empty", true); return; }
  const body = { text };
  if ($("published").value) body.published = $("published").value;
  if ($("source").value.trim()) body.source = $("source").value.trim();
  const headers = { "Content-Type": "application/json" };
  const key = $("api-key").value || sessionStorage.getItem("khabar-api-key");
  if (key) headers["X-API-Key"] = key;
  $("analyze-button").disabled = true;
  status("جارٍ التحليل… · analyzing…");
  const started = performance.now();
  try {
    const save = $("save").checked ? "?save=true" : "";
    const doc = await api(`/analyze${save}`, { method: "POST", headers, body: JSON.stringify(body) });
    if (key) sessionStorage.setItem("khabar-api-key", key);
    const result = $("result");
    result.replaceChildren(renderDocument(doc, { entityLink }));
    result.hidden = false;
    status(`تم · done in ${Math.round(performance.now() - started)} ms — ${doc.entities.length} كيان · entities, `
      + `${doc.quotes.length} اقتباس · quotes, ${doc.events.length} حدث · events`);
  } catch (error) {
    if (error.status === 401) $("key-label").hidden = false;
    status(error.message, true);
  } finally {
    $("analyze-button").disabled = false;
  }
}

function readFile() {
  const file = $("file").files[0];
  if (!file) return;
  if (file.size > 2 * 1024 * 1024) { status("الملف كبير جدًا · file too large (2 MB max)", true); return; }
  const reader = new FileReader();
  reader.onload = () => { $("text").value = String(reader.result); status(`${file.name} ✓`); };
  reader.onerror = () => status("تعذرت قراءة الملف · cannot read the file", true);
  reader.readAsText(file, "utf-8");
}

async function showDocument(id) {
  show("analyze");
  status("…");
  try {
    const doc = await api(`/documents/${encodeURIComponent(id)}`);
    $("result").replaceChildren(renderDocument(doc, { entityLink }));
    $("result").hidden = false;
    status(`وثيقة من الأرشيف · stored document ${doc.id}`);
  } catch (error) {
    status(error.message, true);
  }
}

function route() {
  const hash = decodeURIComponent(location.hash.slice(1));
  if (hash.startsWith("entity/")) { show("corpus"); showEntity(hash.slice(7)); }
  else if (hash.startsWith("doc/")) showDocument(hash.slice(4));
  else show(hash === "corpus" ? "corpus" : "analyze");
}

document.addEventListener("DOMContentLoaded", () => {
  fillEventTypes();
  $("analyze-form").addEventListener("submit", analyze);
  $("file").addEventListener("change", readFile);
  $("search-form").addEventListener("submit", (event) => { event.preventDefault(); $("entity-page").hidden = true; runSearch(); });
  $("events-form").addEventListener("submit", (event) => { event.preventDefault(); loadEvents(); });
  window.addEventListener("hashchange", route);
  route();
  api("/health").then((health) => { if (!health.store) $("save").disabled = true; }).catch(() => {});
});
