// A timeline of mentions per publication day, drawn as SVG bars.

import { el, svg } from "./dom.js";

export function timelineChart(timeline) {
  if (!timeline || !timeline.length) return el("p", { class: "empty", text: "لا تواريخ نشر · no publication dates" });
  const width = 640, height = 180, pad = 28;
  const days = timeline.map((t) => Date.parse(t.date)).filter(Number.isFinite);
  const first = Math.min(...days), last = Math.max(...days);
  const span = Math.max(1, (last - first) / 86400000);
  const max = Math.max(...timeline.map((t) => t.mentions), 1);
  const barWidth = Math.max(3, Math.min(24, (width - 2 * pad) / (span + 1) - 2));
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, class: "timeline", role: "img",
    "aria-label": "الإشارات عبر الزمن · mentions over time" });
  root.append(svg("line", { x1: pad, x2: width - pad, y1: height - pad, y2: height - pad, class: "axis" }));
  for (const point of timeline) {
    const day = (Date.parse(point.date) - first) / 86400000;
    const x = pad + (span ? (day / span) * (width - 2 * pad - barWidth) : (width - 2 * pad - barWidth) / 2);
    const h = ((height - 2 * pad) * point.mentions) / max;
    const bar = svg("rect", { x, y: height - pad - h, width: barWidth, height: h, class: "bar" });
    bar.append(svg("title", { text: `${point.date}: ${point.mentions}` }));
    root.append(bar);
  }
  const label = (x, text, anchor) => svg("text", { x, y: height - 8, "text-anchor": anchor, class: "tick", text });
  root.append(label(pad, new Date(first).toISOString().slice(0, 10), "start"));
  if (last !== first) root.append(label(width - pad, new Date(last).toISOString().slice(0, 10), "end"));
  root.append(svg("text", { x: pad, y: 16, class: "tick", text: `max ${max}` }));
  return root;
}
