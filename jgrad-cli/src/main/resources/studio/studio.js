// The training tab: one run per tab on the server, its frames over server-sent events, controls as POSTs.
"use strict";
const $ = id => document.getElementById(id);
const S = { id: null, info: null, state: null, epochs: [], source: null, explain: null, pick: null, frames: 0 };
window.studio = S; // for the browser tests and the curious

async function api(method, path, body, raw) {
  const init = { method, headers: {} };
  if (body !== undefined) {
    init.body = raw ? body : JSON.stringify(body);
    init.headers["Content-Type"] = raw ? "text/csv" : "application/json";
  }
  const res = await fetch(path, init);
  const type = res.headers.get("Content-Type") || "";
  const data = type.startsWith("application/json") ? await res.json() : await res.text();
  if (!res.ok) throw new Error(data && data.error ? data.error : `${res.status} ${res.statusText}`);
  return data;
}

function showError(e) {
  const box = $("error");
  box.textContent = e ? (e.message || String(e)) : "";
  box.hidden = !e;
}
window.showError = showError;

function settings() {
  return {
    data: $("data").value, layers: $("layers").value, activation: $("activation").value, loss: $("loss").value,
    optimizer: $("optimizer").value, lr: $("lr").value, batch: $("batch").value, seed: $("seed").value,
    epochs: $("epochs").value, speed: Number($("speed").value),
  };
}

async function loadDatasets() {
  const { datasets } = await api("GET", "/api/datasets");
  const select = $("data");
  select.replaceChildren(...datasets.map(d => new Option(d.label, d.key)));
  select.value = datasets.some(d => d.key.startsWith("file:")) ? datasets.find(d => d.key.startsWith("file:")).key : "xor";
}

async function upload(file) {
  if (!file) return;
  try {
    const text = await file.text();
    const d = await api("POST", "/api/upload?name=" + encodeURIComponent(file.name), text, true);
    $("data").append(new Option(d.label, d.key));
    $("data").value = d.key;
    if (d.task === "regression") $("loss").value = "mse"; // cross-entropy needs classes
    await newRun();
  } catch (e) {
    showError(e);
  } finally {
    $("upload").value = "";
  }
}

function closeRun() {
  if (S.source) S.source.close();
  S.source = null;
  if (S.id) navigator.sendBeacon(`/api/runs/${S.id}/close`);
  S.id = null;
}

async function newRun() {
  let created;
  try {
    created = await api("POST", "/api/runs", settings());
  } catch (e) {
    showError(e);
    return;
  }
  closeRun();
  showError(null);
  S.id = created.id;
  S.info = created.info;
  S.epochs = [];
  S.state = null;
  S.explain = null;
  $("explain-lines").replaceChildren();
  $("sample").textContent = "";
  $("row").max = S.info.rows.train - 1;
  $("dl-model").href = `/api/runs/${S.id}/model`;
  setupCharts();
  listen(`/api/runs/${S.id}/events`);
}

function listen(url) {
  const source = new EventSource(url);
  source.addEventListener("frame", ev => {
    const f = JSON.parse(ev.data);
    if (f.restart) S.epochs = [];
    S.epochs.push(...f.epochs);
    S.state = f.state;
    S.frames++;
    render();
  });
  S.source = source;
}

let charts = {};
function setupCharts() {
  for (const c of Object.values(charts)) c.destroy();
  const score = S.info.task === "classification" ? "accuracy" : "R²";
  const make = (el, title, range) => new uPlot({
    title, width: 430, height: 220, scales: { x: { time: false }, y: range ? { range } : {} },
    series: [{ label: "epoch" }, { label: "training", stroke: "#1f6fb2", width: 2 }, { label: "validation", stroke: "#f08c1e", width: 2 }],
    axes: [{ label: "epoch" }, {}],
  }, [[], [], []], el);
  $("loss-chart").replaceChildren();
  $("score-chart").replaceChildren();
  charts = { loss: make($("loss-chart"), "loss"), score: make($("score-chart"), score, S.info.task === "classification" ? [0, 1] : null) };
}

const finite = v => { v = Number(v); return Number.isFinite(v) ? v : null; };

function render() {
  const st = S.state, info = S.info;
  if (!st || !info) return;
  const last = S.epochs[S.epochs.length - 1];
  const scoreName = info.task === "classification" ? "accuracy" : "R²";
  const parts = [st.status, `epoch ${st.epoch || (last ? last.epoch : 0)}`];
  if (st.batch_loss !== undefined && finite(st.batch_loss) !== null) parts.push(`batch ${st.batch}: loss ${Draw.fmt(st.batch_loss)}`);
  if (last) parts.push(`epoch loss ${Draw.fmt(last.loss)} · ${scoreName} ${Draw.fmt(last.score)} / validation ${Draw.fmt(last.val_score)}`);
  if (st.message) parts.push(st.message);
  if (st.test) parts.push("test " + Object.entries(st.test).filter(([k, v]) => typeof v === "number").map(([k, v]) => `${k} ${Draw.fmt(v)}`).join(", "));
  $("status").textContent = parts.join(" · ");
  $("play").textContent = st.status === "running" ? "Pause" : "Run";
  if (document.activeElement !== $("live-lr") && st.lr !== undefined) $("live-lr").value = st.lr;
  const x = S.epochs.map(e => e.epoch);
  charts.loss.setData([x, S.epochs.map(e => finite(e.loss)), S.epochs.map(e => finite(e.val_loss))]);
  charts.score.setData([x, S.epochs.map(e => finite(e.score)), S.epochs.map(e => finite(e.val_score))]);
  if (st.layers && st.layers.length) drawNetwork(st.layers);
  drawRegions();
}

function neuronName(l, j) {
  const w = S.info.widths;
  if (l === 0) return S.info.inputs[j];
  if (l === w.length - 1) return S.info.classes ? S.info.classes[j] : S.info.target || "ŷ";
  return "";
}

function drawNetwork(layers) {
  const net = Draw.network($("network"), S.info.widths, layers, neuronName, pickThing);
  const hidden = S.state.regions ? S.state.regions.hidden : null;
  const activation = S.info.activation;
  let k = 0;
  for (const c of net.canvases) {
    if (c.l === 0 || c.l === S.info.widths.length - 1 || !hidden) continue;
    const values = hidden[k++];
    if (!values) continue;
    const max = Math.max(1e-9, ...values.map(v => Math.abs(v)));
    const scale = v => activation === "sigmoid" ? 2 * v - 1 : activation === "tanh" ? v : v / max; // unbounded ones by their largest value
    const canvas = document.createElement("canvas");
    canvas.width = net.size; canvas.height = net.size;
    const n = S.state.regions.hidden_grid;
    Draw.raster(canvas, n, n, i => Draw.diverging(scale(values[i])), true);
    const img = document.createElementNS("http://www.w3.org/2000/svg", "image");
    img.setAttribute("href", canvas.toDataURL());
    img.setAttribute("x", c.x); img.setAttribute("y", c.y); img.setAttribute("width", net.size); img.setAttribute("height", net.size);
    img.style.pointerEvents = "none";
    net.svg.querySelector(`[data-neuron="${c.l},${c.j + 1}"]`).appendChild(img);
  }
  if (S.explain) labelValues(net.svg);
}

function drawRegions() {
  const canvas = $("regions"), info = S.info, reg = S.state.regions;
  canvas.hidden = !info.planar;
  if (info.live) {
    $("legend").textContent = "The curves grow as jgrad train reports each epoch; the trained network appears when it is done.";
    return;
  }
  if (!info.planar || !reg) {
    $("legend").textContent = info.planar ? "" : `Decision regions are drawn for data with 2 numeric features; ${info.data} has ${info.features.length} feature columns.`;
    return;
  }
  const binary = reg.class && info.classes.length === 2;
  const colour = reg.class
    ? (binary ? i => Draw.diverging(0.7 * (reg.class[i] === 1 ? 2 * reg.confidence[i] - 1 : 1 - 2 * reg.confidence[i])) : i => Draw.classColour(reg.class[i], 0.15 + 0.55 * (reg.confidence[i] - 1 / info.classes.length) / (1 - 1 / info.classes.length)))
    : (() => { const m = Math.max(1e-9, ...reg.value.map(Math.abs)); return i => Draw.diverging(reg.value[i] / m); })();
  const ctx = Draw.raster(canvas, 40, 40, colour, true);
  const [x0, x1, y0, y1] = info.bounds, W = canvas.width, H = canvas.height;
  const px = x => (x - x0) / (x1 - x0) * W, py = y => (y1 - y) / (y1 - y0) * H;
  const pointColour = p => reg.class ? (binary ? Draw.diverging(p[2] === 1 ? 1 : -1) : Draw.classColour(p[2], 1)) : Draw.diverging(p[2] / 2);
  for (const [points, filled] of [[info.train_points, true], [info.validation_points, false]]) {
    for (const p of points) {
      ctx.beginPath();
      ctx.arc(px(p[0]), py(p[1]), 3.2, 0, 2 * Math.PI);
      // region colours are paler than the dots, and a dark edge keeps a dot visible on its own class's region
      ctx.fillStyle = filled ? `rgb(${pointColour(p)})` : "#fff";
      ctx.strokeStyle = filled ? "#222" : `rgb(${pointColour(p)})`;
      ctx.lineWidth = filled ? 0.8 : 2;
      ctx.fill();
      ctx.stroke();
    }
  }
  const explained = S.explain && S.explain.x ? S.info.train_points[S.explain.row] : null;
  if (explained) {
    ctx.beginPath(); ctx.arc(px(explained[0]), py(explained[1]), 7, 0, 2 * Math.PI);
    ctx.strokeStyle = "#000"; ctx.lineWidth = 2; ctx.stroke();
  }
  ctx.fillStyle = "#333"; ctx.font = "11px monospace";
  ctx.fillText(`${info.features[0]} →`, W - 70, H - 6);
  ctx.save(); ctx.translate(12, 60); ctx.rotate(-Math.PI / 2); ctx.fillText(`${info.features[1]} →`, 0, 0); ctx.restore();
  const swatches = reg.class ? info.classes.map((c, k) => `<span class="swatch" style="background: rgb(${binary ? Draw.diverging(k === 1 ? 1 : -1) : Draw.classColour(k, 1)})"></span>${escapeHtml(c)}`).join("") : "";
  $("legend").innerHTML = `Output: ${reg.class ? "the class the network picks, paler where it is less sure" : "the predicted value"}. ${swatches}` +
    `<br>Filled dots: training rows; rings: validation rows. Each hidden neuron's box shows its activation over the same plane.`;
}

function escapeHtml(s) {
  return String(s).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

async function control(action, extra) {
  if (!S.id) return;
  try {
    await api("POST", `/api/runs/${S.id}/control`, Object.assign({ action }, extra || {}));
    showError(null);
  } catch (e) {
    showError(e);
  }
}

/** Each explain line "name = ... = value" by name (the last value on the line). */
function explainValues(lines) {
  const values = {};
  for (const line of lines) {
    const parts = line.trim().split(" = ");
    if (parts.length >= 2 && !parts[0].includes(" ")) values[parts[0]] = parts[parts.length - 1];
  }
  return values;
}

function labelValues(svg) {
  const w = S.info.widths, values = explainValues(S.explain.lines);
  for (let l = 1; l < w.length; l++) for (let j = 0; j < w[l]; j++) {
    const idx = w[l] === 1 ? "" : `[${j + 1}]`;
    const z = values[`z${l}${idx}`], a = values[l === w.length - 1 ? `ŷ${idx}` : `a${l}${idx}`] || values[`p${idx}`];
    const text = svg.querySelector(`[data-neuron="${l},${j + 1}"] text.value`);
    if (text && z !== undefined) text.textContent = `z=${z}` + (a !== undefined ? ` a=${a}` : "");
  }
}

async function explainRow() {
  if (!S.id) return;
  if (S.state && S.state.status === "running") await control("pause");
  try {
    S.explain = await api("GET", `/api/runs/${S.id}/explain?row=${encodeURIComponent($("row").value)}`);
    showError(null);
  } catch (e) {
    showError(e);
    return;
  }
  const target = S.info.classes ? `class ${S.explain.target}` : S.explain.target;
  $("sample").textContent = `row ${S.explain.row}: ${S.info.features.map((f, i) => `${f} = ${S.explain.input.split(",")[i]}`).join(", ")} → ${target}` +
    `   (the same numbers: jgrad explain --model jgrad-model.json --input ${S.explain.input} --target ${S.explain.target} --lr ${S.state.lr})`;
  showLines(null);
  render();
}

function showLines(pattern) {
  const pre = $("explain-lines");
  pre.replaceChildren(...S.explain.lines.map(line => {
    const div = document.createElement("div");
    div.textContent = line || " ";
    if (pattern && pattern.test(line)) div.className = "hit";
    return div;
  }));
  const hit = pre.querySelector(".hit");
  if (hit) hit.scrollIntoView({ block: "nearest" });
}

function pickThing(p) {
  if (!S.explain) { showError(new Error("Explain a row first (step mode, below): then a click on a neuron or weight finds its numbers.")); return; }
  const w = S.info.widths, esc = s => s.replace(/[[\]]/g, "\\$&");
  let name;
  if (p.layer) name = w[p.layer - 1] === 1 && w[p.layer] === 1 ? `w${p.layer}` : `w${p.layer}[${p.from},${p.to}]`;
  else if (p.neuron > 0) name = `z${p.neuron}${w[p.neuron] === 1 ? "" : `[${p.index}]`}`;
  else name = w[0] === 1 ? "x" : `x${p.index}`;
  showLines(new RegExp(`(^|[^A-Za-z0-9]|/d)${esc(name)}(?![0-9[])`)); // w2[1,1] alone or in dL/dw2[1,1]
}

function savePng(canvas, name) {
  const a = document.createElement("a");
  a.href = canvas.toDataURL("image/png");
  a.download = name;
  a.click();
}
window.savePng = savePng;

function downloadCharts() {
  const save = savePng;
  save($("loss-chart").querySelector("canvas"), "loss.png");
  save($("score-chart").querySelector("canvas"), S.info.task === "classification" ? "accuracy.png" : "r2.png");
  if (S.info.planar) save($("regions"), "regions.png");
}

async function startLive() {
  document.querySelectorAll("#tab-train .settings, .controls button, .controls label, .stepmode, #dl-model").forEach(e => e.hidden = true);
  try {
    S.info = await api("GET", "/api/live");
  } catch (e) {
    showError(e);
    return;
  }
  S.info.planar = false;
  S.info.live = true;
  $("status").before(document.createTextNode(S.info.title + "  "));
  setupCharts();
  listen("/api/live/events");
}

function tabs() {
  document.querySelectorAll("header nav button").forEach(b => b.addEventListener("click", () => {
    document.querySelectorAll("header nav button").forEach(o => o.classList.toggle("active", o === b));
    document.querySelectorAll(".tab").forEach(t => t.hidden = t.id !== `tab-${b.dataset.tab}`);
    showError(null);
    if (window.lessonOpened) window.lessonOpened(b.dataset.tab);
  }));
}

window.addEventListener("DOMContentLoaded", async () => {
  tabs();
  $("apply").addEventListener("click", newRun);
  $("data").addEventListener("change", newRun);
  $("upload").addEventListener("change", e => upload(e.target.files[0]));
  $("play").addEventListener("click", () => control(S.state && S.state.status === "running" ? "pause" : "run"));
  $("step").addEventListener("click", () => control("step"));
  $("reset").addEventListener("click", () => { S.explain = null; $("explain-lines").replaceChildren(); control("reset"); });
  $("live-lr").addEventListener("change", () => control("lr", { lr: $("live-lr").value }));
  $("explain").addEventListener("click", explainRow);
  $("dl-charts").addEventListener("click", downloadCharts);
  window.addEventListener("pagehide", closeRun);
  if (location.hash === "#live") return startLive();
  try {
    await loadDatasets();
  } catch (e) {
    showError(e);
    return;
  }
  await newRun();
});
