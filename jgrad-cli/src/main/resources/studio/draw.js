// Drawing helpers of the studio: colour maps, rasters, the network. They only draw numbers the server sent.
"use strict";
const Draw = (() => {
  const POS = [31, 111, 178], NEG = [240, 140, 30], MID = [245, 245, 245];
  const CLASSES = [[31, 111, 178], [240, 140, 30], [60, 160, 70], [200, 60, 60], [140, 90, 180], [140, 100, 70], [220, 120, 180], [120, 120, 120], [180, 180, 40], [40, 180, 190]];

  /** v in [-1, 1]: orange for negative, blue for positive, white for 0. */
  function diverging(v) {
    const t = Math.max(-1, Math.min(1, Number.isFinite(v) ? v : 0));
    const c = t >= 0 ? POS : NEG, a = Math.abs(t);
    return [0, 1, 2].map(i => Math.round(MID[i] + (c[i] - MID[i]) * a));
  }

  function classColour(k, confidence) {
    const c = CLASSES[k % CLASSES.length], a = Math.max(0, Math.min(1, confidence));
    return [0, 1, 2].map(i => Math.round(MID[i] + (c[i] - MID[i]) * a));
  }

  const VIRIDIS = [[68, 1, 84], [72, 40, 120], [62, 74, 137], [49, 104, 142], [38, 130, 142], [31, 158, 137], [53, 183, 121], [109, 205, 89], [180, 222, 44], [253, 231, 37]];
  function viridis(t) {
    t = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 1)) * (VIRIDIS.length - 1);
    const i = Math.min(VIRIDIS.length - 2, Math.floor(t)), f = t - i;
    return [0, 1, 2].map(k => Math.round(VIRIDIS[i][k] + (VIRIDIS[i + 1][k] - VIRIDIS[i][k]) * f));
  }

  /** Paints an n×m raster (row 0 at the top) of RGB triples scaled to the whole canvas. */
  function raster(canvas, cols, rows, colourAt, smooth) {
    const off = document.createElement("canvas");
    off.width = cols; off.height = rows;
    const octx = off.getContext("2d"), img = octx.createImageData(cols, rows);
    for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) {
      const rgb = colourAt(r * cols + c), o = 4 * (r * cols + c);
      img.data[o] = rgb[0]; img.data[o + 1] = rgb[1]; img.data[o + 2] = rgb[2]; img.data[o + 3] = 255;
    }
    octx.putImageData(img, 0, 0);
    const ctx = canvas.getContext("2d");
    ctx.imageSmoothingEnabled = !!smooth;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(off, 0, 0, canvas.width, canvas.height);
    return ctx;
  }

  /** Banded colours for a cost or formula surface: log-scaled so that valleys and plateaus both show. */
  function bands(values, levels) {
    const finite = values.map(Number).filter(Number.isFinite);
    const lo = Math.min(...finite), hi = Math.max(...finite);
    return i => {
      const v = Number(values[i]);
      if (!Number.isFinite(v)) return [255, 255, 255];
      const t = Math.log1p(v - lo) / Math.log1p(hi - lo || 1);
      return viridis(Math.floor(t * levels) / levels);
    };
  }

  const num = v => typeof v === "number" ? v : Number(v);
  const fmt = v => { v = num(v); return !Number.isFinite(v) ? "–" : Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toPrecision(4); };

  /**
   * The network as SVG: a column per layer, a box per neuron (a small canvas with its decision
   * region when the data are 2-D), each weight a line coloured by sign and as thick as its size.
   */
  function network(container, widths, layers, names, onPick) {
    // wide layers (digits has 64 inputs) shrink the boxes so that the drawing stays about 600 pixels tall
    const tallest = Math.max(...widths);
    const box = tallest <= 10 ? 38 : Math.max(5, Math.floor(600 / tallest) - 4), gapY = tallest <= 10 ? 16 : 4, colW = 190, top = 24;
    const W = colW * (widths.length - 1) + box + 300, H = top + tallest * (box + gapY) + 10; // room for the output neurons' z and a
    const y = (l, j) => top + (tallest - widths[l]) * (box + gapY) / 2 + j * (box + gapY);
    const x = l => 90 + l * colW;
    let maxW = 1e-9;
    layers.forEach(L => L.weight.forEach(r => r.forEach(w => maxW = Math.max(maxW, Math.abs(num(w))))));
    const svgNS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("width", W); svg.setAttribute("height", H);
    layers.forEach((L, l) => L.weight.forEach((row, i) => row.forEach((w, j) => {
      const line = document.createElementNS(svgNS, "line");
      line.setAttribute("x1", x(l) + box); line.setAttribute("y1", y(l, i) + box / 2);
      line.setAttribute("x2", x(l + 1)); line.setAttribute("y2", y(l + 1, j) + box / 2);
      const c = diverging(num(w) / maxW);
      line.setAttribute("stroke", `rgb(${c})`);
      line.setAttribute("stroke-width", (0.6 + 5 * Math.abs(num(w)) / maxW).toFixed(2));
      line.dataset.weight = `${l + 1},${i + 1},${j + 1}`;
      const title = document.createElementNS(svgNS, "title");
      title.textContent = `w${l + 1}[${i + 1},${j + 1}] = ${fmt(w)}`;
      line.appendChild(title);
      line.addEventListener("click", () => onPick({ layer: l + 1, from: i + 1, to: j + 1 }));
      svg.appendChild(line);
    })));
    const canvases = [];
    widths.forEach((n, l) => {
      const label = document.createElementNS(svgNS, "text");
      label.setAttribute("x", x(l)); label.setAttribute("y", 14);
      label.textContent = l === 0 ? "input" : l === widths.length - 1 ? "output" : `hidden ${l}`;
      svg.appendChild(label);
      for (let j = 0; j < n; j++) {
        const g = document.createElementNS(svgNS, "g");
        g.setAttribute("class", "node");
        g.dataset.neuron = `${l},${j + 1}`;
        const rect = document.createElementNS(svgNS, "rect");
        rect.setAttribute("x", x(l)); rect.setAttribute("y", y(l, j)); rect.setAttribute("width", box); rect.setAttribute("height", box);
        g.appendChild(rect);
        const text = document.createElementNS(svgNS, "text");
        text.setAttribute("x", l === 0 ? x(l) - 4 : x(l) + box + 4);
        text.setAttribute("y", y(l, j) + box / 2 + 4);
        text.setAttribute("text-anchor", l === 0 ? "end" : "start");
        text.textContent = box >= 12 || l === widths.length - 1 ? names(l, j) : "";
        if (l === 0) g.appendChild(text); else text.setAttribute("class", "value");
        if (l > 0) {
          const b = layers[l - 1].bias[j], t = document.createElementNS(svgNS, "title");
          t.textContent = `b${l}[${j + 1}] = ${fmt(b)}`;
          g.appendChild(t);
          g.appendChild(text);
        }
        g.addEventListener("click", () => onPick({ neuron: l, index: j + 1 }));
        svg.appendChild(g);
        canvases.push({ l, j, x: x(l) + 2, y: y(l, j) + 2 });
      }
    });
    container.replaceChildren(svg);
    return { svg, canvases, size: Math.max(2, box - 4) };
  }

  return { diverging, classColour, viridis, raster, bands, network, fmt, num };
})();
