#!/usr/bin/env node
/**
 * Draws the installed app's icons (apps/web/public/icons/*.png, named in the web manifest of apps/web/vite.config.mts):
 * the letters "JV" in white on the header's navy (`--navy-900` of apps/web/src/styles.css), 192 and 512 px, and a
 * maskable 512 px one whose letters keep inside the central 80 % circle that any launcher mask leaves visible.
 * The PNGs are committed; run this again only when the design changes: `node tools/make-app-icons.mjs`.
 * Shapes are drawn with 4×4 supersampling so the edges are smooth without a font or a canvas package.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

const OUT = path.resolve(fileURLToPath(new URL('.', import.meta.url)), '../apps/web/public/icons');
const NAVY = [0x0b, 0x1f, 0x3a];
const WHITE = [0xff, 0xff, 0xff];
const ACCENT = [0xf5, 0xb7, 0x00];
const SAMPLES = 4;

/** Distance from point p to the segment a–b (all in unit coordinates). */
function toSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

/** The letters and the bar under them on a 0..1 square, centred; `scale` shrinks them for the maskable icon. */
function glyph(x, y, scale) {
  const u = 0.5 + (x - 0.5) / scale;
  const v = 0.5 + (y - 0.5) / scale;
  const stroke = 0.055;
  // J: a stem and a hook
  const j =
    toSegment(u, v, 0.4, 0.28, 0.4, 0.56) < stroke ||
    (v > 0.56 && Math.abs(Math.hypot(u - 0.3, v - 0.56) - 0.1) < stroke && u >= 0.2 - stroke) ||
    toSegment(u, v, 0.3, 0.28, 0.46, 0.28) < stroke;
  // V: two strokes meeting at the bottom
  const vee = toSegment(u, v, 0.52, 0.28, 0.64, 0.68) < stroke || toSegment(u, v, 0.76, 0.28, 0.64, 0.68) < stroke;
  if (j || vee) return WHITE;
  if (u > 0.2 && u < 0.8 && v > 0.76 && v < 0.8) return ACCENT;
  return null;
}

/** `rounded`: the plain icon's corners; the maskable one is full-bleed, the launcher cuts its own shape. */
function draw(size, { scale, rounded }) {
  const png = new PNG({ width: size, height: size });
  const radius = rounded ? 0.18 : 0;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const x = (px + (sx + 0.5) / SAMPLES) / size;
          const y = (py + (sy + 0.5) / SAMPLES) / size;
          const cx = Math.max(radius - x, 0, x - (1 - radius));
          const cy = Math.max(radius - y, 0, y - (1 - radius));
          if (radius > 0 && Math.hypot(cx, cy) > radius) continue;
          const colour = glyph(x, y, scale) ?? NAVY;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
          sum[3] += 255;
        }
      }
      const n = SAMPLES * SAMPLES;
      const at = (py * size + px) * 4;
      const covered = sum[3] / 255;
      for (let c = 0; c < 3; c++) png.data[at + c] = covered ? Math.round(sum[c] / covered) : 0;
      png.data[at + 3] = Math.round(sum[3] / n);
    }
  }
  return PNG.sync.write(png);
}

mkdirSync(OUT, { recursive: true });
const icons = [
  ['icon-192.png', 192, { scale: 1, rounded: true }],
  ['icon-512.png', 512, { scale: 1, rounded: true }],
  ['icon-maskable-512.png', 512, { scale: 0.7, rounded: false }],
];
for (const [name, size, options] of icons) {
  writeFileSync(path.join(OUT, name), draw(size, options));
  process.stdout.write(`${path.relative(process.cwd(), path.join(OUT, name))}\n`);
}
