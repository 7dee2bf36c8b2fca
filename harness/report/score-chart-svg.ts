// A class's score distribution as an inline SVG bar chart: how many students got each
// score (or each tenth of the points, when there are many), for the class dashboard.

import { htmlText } from './escape.js';

const W = 480;
const H = 200;
const LEFT = 36;
const BOTTOM = 34;
const TOP = 12;

interface Bin {
  label: string;
  count: number;
}

/** One bin per score up to 20 points; ten equal bins above. */
function bins(scores: readonly number[], max: number): Bin[] {
  if (max <= 20) return Array.from({ length: max + 1 }, (_, s) => ({ label: String(s), count: scores.filter((x) => x === s).length }));
  const size = max / 10;
  return Array.from({ length: 10 }, (_, i) => {
    const lo = Math.round(i * size);
    const hi = i === 9 ? max : Math.round((i + 1) * size) - 1;
    return { label: `${lo}–${hi}`, count: scores.filter((x) => x >= lo && x <= hi).length };
  });
}

export function scoreChart(scores: readonly number[], max: number, caption: string): string {
  const bs = bins(scores, Math.max(0, max));
  const top = Math.max(1, ...bs.map((b) => b.count));
  const slot = (W - LEFT - 8) / bs.length;
  const plotH = H - TOP - BOTTOM;
  const parts = [`<svg class="chart" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}"><title>${htmlText(caption)}</title>`];
  parts.push(`<line class="axis" x1="${LEFT}" y1="${H - BOTTOM}" x2="${W - 4}" y2="${H - BOTTOM}"/>`);
  for (const tick of [0, Math.ceil(top / 2), top]) {
    const y = H - BOTTOM - (tick / top) * plotH;
    parts.push(`<text class="tick" x="${LEFT - 6}" y="${y + 4}" text-anchor="end">${tick}</text><line class="grid" x1="${LEFT}" y1="${y}" x2="${W - 4}" y2="${y}"/>`);
  }
  bs.forEach((b, i) => {
    const h = (b.count / top) * plotH;
    const x = LEFT + i * slot + slot * 0.12;
    parts.push(`<rect class="bar" x="${x}" y="${H - BOTTOM - h}" width="${slot * 0.76}" height="${h}"><title>${b.count} with ${htmlText(b.label)} points</title></rect>`);
    if (b.count > 0) parts.push(`<text class="count" x="${x + slot * 0.38}" y="${H - BOTTOM - h - 3}" text-anchor="middle">${b.count}</text>`);
    parts.push(`<text class="tick" x="${x + slot * 0.38}" y="${H - BOTTOM + 14}" text-anchor="middle">${htmlText(b.label)}</text>`);
  });
  parts.push(`<text class="tick" x="${LEFT + (W - LEFT) / 2}" y="${H - 4}" text-anchor="middle">points (of ${max})</text>`);
  parts.push('</svg>');
  return parts.join('\n');
}
