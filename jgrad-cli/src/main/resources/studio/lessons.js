// The seeds' lessons: gradient descent on a typed formula, and the NOT gate's two cost surfaces.
"use strict";
const L = { formula: null, surface: null, timers: [] };
window.lesson = L;

function stopAnimations() {
  L.timers.forEach(clearInterval);
  L.timers = [];
}

/** Reveals a path point by point, calling draw(k) with the number of points shown. */
function animate(count, draw) {
  let k = 1;
  draw(k);
  const t = setInterval(() => {
    k++;
    draw(k);
    if (k >= count) clearInterval(t);
  }, Math.max(15, Math.min(120, 3000 / count)));
  L.timers.push(t);
}

function formulaRequest(withStart) {
  const body = { formula: $("f-formula").value };
  if (!withStart) return body;
  const start = {};
  document.querySelectorAll("#f-start input").forEach(i => start[i.dataset.var] = i.value);
  return Object.assign(body, {
    start, lr: $("f-lr").value, iterations: $("f-iterations").value, rule: $("f-rule").value, limit: $("f-limit").value, method: $("f-method").value,
  });
}

async function derive() {
  stopAnimations();
  let r;
  try {
    r = await api("POST", "/api/formula", Object.assign(formulaRequest(false), { derive_only: true }));
  } catch (e) {
    // a formula without start values still reports its derivative when it parses; show any other message
    showError(e);
    return null;
  }
  showError(null);
  return r;
}

function showDerivative(r) {
  const grad = r.variables.length === 1 ? `f'(${r.variables[0]}) = ${r.gradient[0]}` : `∇f = [${r.gradient.join(", ")}]`;
  $("f-derivative").textContent = `f(${r.variables.join(", ")}) = ${r.formula}\n${grad}`;
  const box = $("f-start"), old = {};
  box.querySelectorAll("input").forEach(i => old[i.dataset.var] = i.value);
  const defaults = [4, -4];
  box.replaceChildren(...r.variables.map((v, i) => {
    const label = document.createElement("label");
    label.textContent = `start ${v} `;
    const input = document.createElement("input");
    input.dataset.var = v;
    input.value = old[v] !== undefined ? old[v] : defaults[i] !== undefined ? defaults[i] : 1;
    label.appendChild(input);
    return label;
  }));
}

async function descend() {
  stopAnimations();
  let r;
  try {
    if (!$("f-start").querySelector("input")) {
      const d = await derive();
      if (!d) return;
      showDerivative(d);
    }
    r = await api("POST", "/api/formula", formulaRequest(true));
  } catch (e) {
    showError(e);
    return;
  }
  showError(null);
  L.formula = r;
  showDerivative(r);
  const trace = r.path.slice(1).map(p => `Iteration ${p.iteration}: ` + r.variables.map((v, i) => `${v} = ${Number(p.point[i]).toFixed(4)}`).join(", ") +
    `, f = ${Number(p.value).toFixed(4)}`);
  $("f-trace").textContent = `Start: ${r.variables.map((v, i) => `${v} = ${r.path[0].point[i]}`).join(", ")}, f = ${r.path[0].value}\n` + trace.join("\n");
  $("f-stop").textContent = `Stopped (${r.stopped_by}): ${r.message}`;
  const canvas = $("f-plot");
  animate(r.path.length, k => drawFormula(canvas, r, k));
}

function drawFormula(canvas, r, shown) {
  const ctx = canvas.getContext("2d"), W = canvas.width, H = canvas.height, pad = 40;
  ctx.clearRect(0, 0, W, H);
  const path = r.path.filter(p => p.point.every(v => Number.isFinite(Number(v))));
  let px, py;
  if (r.plot.kind === "contour") {
    const [lo, hi] = r.plot.range, n = r.plot.n;
    const inner = document.createElement("canvas");
    inner.width = W - 2 * pad; inner.height = H - 2 * pad;
    Draw.raster(inner, n, n, Draw.bands(r.plot.z, 14), false);
    ctx.drawImage(inner, pad, pad);
    px = x => pad + (x - lo) / (hi - lo) * (W - 2 * pad);
    py = y => pad + (hi - y) / (hi - lo) * (H - 2 * pad);
    axes(ctx, W, H, pad, [lo, hi], [lo, hi], r.variables[0], r.variables[1]);
  } else {
    const xs = r.plot.x, ys = r.plot.y.map(Number), fin = ys.filter(Number.isFinite);
    const ylo = Math.min(...fin), yhi = Math.max(...fin), xlo = xs[0], xhi = xs[xs.length - 1];
    px = x => pad + (x - xlo) / (xhi - xlo) * (W - 2 * pad);
    py = y => pad + (yhi - y) / (yhi - ylo || 1) * (H - 2 * pad);
    ctx.strokeStyle = "#1f6fb2"; ctx.lineWidth = 2; ctx.beginPath();
    xs.forEach((x, i) => Number.isFinite(ys[i]) && (i ? ctx.lineTo(px(x), py(ys[i])) : ctx.moveTo(px(x), py(ys[i]))));
    ctx.stroke();
    axes(ctx, W, H, pad, [xlo, xhi], [ylo, yhi], r.variables[0], "f");
  }
  const pts = path.slice(0, shown).map(p => r.plot.kind === "contour" ? [px(Number(p.point[0])), py(Number(p.point[1]))] : [px(Number(p.point[0])), py(Number(p.value))]);
  ctx.strokeStyle = "#e0201b"; ctx.fillStyle = "#e0201b"; ctx.lineWidth = 2;
  ctx.beginPath(); pts.forEach(([x, y], i) => i ? ctx.lineTo(x, y) : ctx.moveTo(x, y)); ctx.stroke();
  pts.forEach(([x, y]) => { ctx.beginPath(); ctx.arc(x, y, 3.5, 0, 2 * Math.PI); ctx.fill(); });
  ctx.fillStyle = "#222"; ctx.font = "13px system-ui";
  ctx.fillText(`gradient descent on f = ${r.formula}, rate ${$("f-lr").value}: iteration ${Math.max(0, Math.min(shown, path.length) - 1)}`, pad, 22);
}

function axes(ctx, W, H, pad, xr, yr, xl, yl) {
  ctx.strokeStyle = "#555"; ctx.lineWidth = 1; ctx.strokeRect(pad, pad, W - 2 * pad, H - 2 * pad);
  ctx.fillStyle = "#333"; ctx.font = "11px monospace";
  for (let k = 0; k <= 4; k++) {
    const xv = xr[0] + (xr[1] - xr[0]) * k / 4, yv = yr[0] + (yr[1] - yr[0]) * k / 4;
    ctx.fillText(Draw.fmt(xv), pad + (W - 2 * pad) * k / 4 - 10, H - pad + 14);
    ctx.fillText(Draw.fmt(yv), 2, H - pad - (H - 2 * pad) * k / 4 + 4);
  }
  ctx.fillText(xl, W / 2, H - 6);
  ctx.fillText(yl, 4, pad - 8);
}

async function surfaces() {
  stopAnimations();
  let r;
  try {
    r = await api("POST", "/api/surface", { w0: $("s-w0").value, w1: $("s-w1").value, lr: $("s-lr").value, steps: $("s-steps").value, grid: 80 });
  } catch (e) {
    showError(e);
    return;
  }
  showError(null);
  L.surface = r;
  const n = r.axis.length, [lo, hi] = r.range;
  const draw = (canvas, grid, path, end, label) => k => {
    // grid[i][j] is the cost at w0 = axis[i], w1 = axis[j]: w0 across, w1 up
    const flat = [];
    for (let row = 0; row < n; row++) for (let col = 0; col < n; col++) flat.push(grid[col][n - 1 - row]);
    const ctx = Draw.raster(canvas, n, n, Draw.bands(flat, 12), false);
    const px = w => (w - lo) / (hi - lo) * canvas.width, py = w => (hi - w) / (hi - lo) * canvas.height;
    const pts = path.slice(0, k);
    ctx.strokeStyle = "#e0201b"; ctx.lineWidth = 2; ctx.beginPath();
    pts.forEach((p, i) => i ? ctx.lineTo(px(p[0]), py(p[1])) : ctx.moveTo(px(p[0]), py(p[1]))); ctx.stroke();
    ctx.fillStyle = "#fff"; ctx.beginPath(); ctx.arc(px(path[0][0]), py(path[0][1]), 5, 0, 2 * Math.PI); ctx.fill();
    const p = pts[pts.length - 1];
    ctx.fillStyle = "#e0201b"; ctx.beginPath(); ctx.arc(px(p[0]), py(p[1]), 4, 0, 2 * Math.PI); ctx.fill();
    ctx.fillStyle = "#fff"; ctx.font = "12px monospace"; ctx.fillText("w0 →", canvas.width - 44, canvas.height - 6); ctx.fillText("w1 ↑", 4, 14);
    $(end).textContent = `step ${pts.length - 1}: w0 = ${Draw.fmt(p[0])}, w1 = ${Draw.fmt(p[1])}, ${label} = ${Draw.fmt(p[2])}`;
  };
  const a = draw($("s-mse"), r.mse, r.mse_path, "s-mse-end", "cost"), b = draw($("s-ce"), r.cross_entropy, r.cross_entropy_path, "s-ce-end", "cost");
  const count = r.mse_path.length;
  animate(count, k => { a(k); b(k); });
}

function pickStart(canvas, ev) {
  const rect = canvas.getBoundingClientRect(), [lo, hi] = L.surface ? L.surface.range : [-15, 15];
  const w0 = lo + (ev.clientX - rect.left) / rect.width * (hi - lo), w1 = hi - (ev.clientY - rect.top) / rect.height * (hi - lo);
  $("s-w0").value = w0.toFixed(2);
  $("s-w1").value = w1.toFixed(2);
  surfaces();
}

window.lessonOpened = tab => {
  if (tab === "surface" && !L.surface) surfaces();
  if (tab === "formula" && !L.formula) descend();
};

window.addEventListener("DOMContentLoaded", () => {
  $("f-derive").addEventListener("click", async () => { const r = await derive(); if (r) showDerivative(r); });
  $("f-formula").addEventListener("keydown", async e => { if (e.key === "Enter") { const r = await derive(); if (r) showDerivative(r); } });
  $("f-run").addEventListener("click", descend);
  $("s-run").addEventListener("click", surfaces);
  $("f-png").addEventListener("click", () => savePng($("f-plot"), "formula-path.png"));
  $("s-png").addEventListener("click", () => { savePng($("s-mse"), "surface-mse.png"); savePng($("s-ce"), "surface-cross-entropy.png"); });
  $("s-mse").addEventListener("click", e => pickStart($("s-mse"), e));
  $("s-ce").addEventListener("click", e => pickStart($("s-ce"), e));
});
