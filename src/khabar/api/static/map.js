// An offline map: equirectangular projection (x = longitude, y = -latitude), a coarse land outline built from
// the GLOBE land mask (land.json, see build_land.py), a graticule and one labelled point per place.

import { el, svg } from "./dom.js";

let landPromise = null;
function loadLand() {
  if (!landPromise) landPromise = fetch("/static/land.json").then((r) => (r.ok ? r.json() : null)).catch(() => null);
  return landPromise;
}

const MIDDLE_EAST = { west: 24, east: 64, south: 10, north: 44 };
const MIN_WIDTH = 16;   // degrees of longitude shown at least
const MIN_HEIGHT = 11;

function viewFor(points) {
  if (!points.length) return { ...MIDDLE_EAST };
  let west = Math.min(...points.map((p) => p.lon)), east = Math.max(...points.map((p) => p.lon));
  let south = Math.min(...points.map((p) => p.lat)), north = Math.max(...points.map((p) => p.lat));
  const padX = Math.max(2, (east - west) * 0.15), padY = Math.max(1.5, (north - south) * 0.15);
  west -= padX; east += padX; south -= padY; north += padY;
  if (east - west < MIN_WIDTH) { const c = (east + west) / 2; west = c - MIN_WIDTH / 2; east = c + MIN_WIDTH / 2; }
  if (north - south < MIN_HEIGHT) { const c = (north + south) / 2; south = c - MIN_HEIGHT / 2; north = c + MIN_HEIGHT / 2; }
  // keep a pleasant 3:2 aspect ratio
  const width = east - west, height = north - south;
  if (width / height < 1.5) { const c = (east + west) / 2, w = height * 1.5; west = c - w / 2; east = c + w / 2; }
  else { const c = (north + south) / 2, h = width / 1.5; south = c - h / 2; north = c + h / 2; }
  return { west: Math.max(-180, west), east: Math.min(180, east), south: Math.max(-85, south), north: Math.min(85, north) };
}

function landPath(land, view) {
  const parts = [];
  const step = land.step;
  land.rows.forEach((runs, row) => {
    const top = land.north - row * step;
    if (top - step > view.north || top < view.south) return;
    for (const [column, length] of runs) {
      const x = land.west + column * step;
      if (x > view.east || x + length * step < view.west) continue;
      parts.push(`M${x.toFixed(2)} ${(-top).toFixed(2)}h${(length * step).toFixed(2)}v${(step * 1.05).toFixed(3)}h${(-length * step).toFixed(2)}z`);
    }
  });
  return parts.join("");
}

export async function drawMap(container, points) {
  const view = viewFor(points);
  const width = view.east - view.west, height = view.north - view.south;
  const unit = width / 100;  // one percent of the map width, in degrees
  const root = svg("svg", { viewBox: `${view.west} ${-view.north} ${width} ${height}`, class: "map-svg",
    role: "img", "aria-label": "خريطة الأماكن · map of the places", preserveAspectRatio: "xMidYMid meet" });
  root.append(svg("rect", { x: view.west, y: -view.north, width, height, class: "sea" }));
  const landGroup = svg("path", { class: "land", d: "" });
  root.append(landGroup);
  const grid = svg("g", { class: "grid" });
  const gridStep = width > 60 ? 20 : width > 25 ? 10 : 5;
  for (let lon = Math.ceil(view.west / gridStep) * gridStep; lon <= view.east; lon += gridStep) {
    grid.append(svg("line", { x1: lon, x2: lon, y1: -view.north, y2: -view.south, "stroke-width": unit * 0.15 }));
    grid.append(svg("text", { x: lon + unit * 0.5, y: -view.south - unit * 0.8, "font-size": unit * 2.4, text: `${lon}°` }));
  }
  for (let lat = Math.ceil(view.south / gridStep) * gridStep; lat <= view.north; lat += gridStep) {
    grid.append(svg("line", { x1: view.west, x2: view.east, y1: -lat, y2: -lat, "stroke-width": unit * 0.15 }));
    grid.append(svg("text", { x: view.west + unit * 0.8, y: -lat - unit * 0.6, "font-size": unit * 2.4, text: `${lat}°` }));
  }
  root.append(grid);
  const marks = svg("g", { class: "places" });
  for (const p of points) {
    const group = svg("g", { class: "place" });
    group.append(svg("title", { text: `${p.title} (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})` }));
    group.append(svg("circle", { cx: p.lon, cy: -p.lat, r: unit * 1.2 }));
    group.append(svg("text", { x: p.lon, y: -p.lat - unit * 2, "font-size": unit * 3.6, "text-anchor": "middle",
      direction: "rtl", text: p.label }));
    marks.append(group);
  }
  root.append(marks);
  container.replaceChildren(root, el("p", { class: "map-note",
    text: points.length ? `${points.length} أماكن · places — خطوط الطول والعرض · lat/lon grid, land: GLOBE mask`
      : "لا أماكن بإحداثيات · no places with coordinates" }));
  const land = await loadLand();
  if (land) landGroup.setAttribute("d", landPath(land, view));
}
