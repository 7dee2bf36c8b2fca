// A test's conversation as an inline SVG sequence diagram, for the HTML report: a lane
// per party (sequence-steps.ts), time down the left side, an arrow per message and a
// note per event. No script, no link, no font from elsewhere: it draws offline.

import type { TranscriptEntry } from '../core/transcript.js';
import { htmlText } from './escape.js';
import { GRADER, KEYBOARD, SCREEN, type Step, sequenceOf } from './sequence-steps.js';

const TIME_W = 64;
const LANE_GAP = 170;
const HEAD_H = 30;
const ROW_H = 30;
/** Width of one character of the diagram's 11px monospace text. */
const CHAR_W = 6.7;

function cut(text: string, chars: number): string {
  const flat = text.replace(/\s*\n\s*/g, ' ');
  return flat.length > chars ? `${flat.slice(0, Math.max(1, chars - 1))}…` : flat;
}

/** Arrows by kind: the grader's words, a program's, the keyboard's, the screen's, a signal. */
function arrowClass(s: Step): string {
  if (s.control) return 'ctl';
  if (s.from === KEYBOARD) return 'key';
  if (s.to === SCREEN) return 'out';
  return s.from === GRADER ? 'req' : 'rep';
}

function arrow(s: Step, y: number, x: (lane: string) => number): string {
  const x1 = x(s.from);
  const x2 = x(s.to ?? s.from);
  const dir = Math.sign(x2 - x1) || 1;
  const room = Math.max(16, Math.floor(Math.abs(x2 - x1) / CHAR_W) - 2);
  const text = cut(s.text, room);
  const tip = x2 - dir * 2;
  const head = `${tip},${y + 6} ${tip - dir * 8},${y + 2} ${tip - dir * 8},${y + 10}`;
  return [
    `<g class="${arrowClass(s)}"><title>${htmlText(s.text)}</title>`,
    `<line x1="${x1}" y1="${y + 6}" x2="${tip - dir * 6}" y2="${y + 6}"/>`,
    `<polygon points="${head}"/>`,
    `<text x="${(x1 + x2) / 2}" y="${y}" text-anchor="middle">${htmlText(text)}</text></g>`,
  ].join('');
}

/** A box on its lane, kept right of the time column and inside the diagram's `width`. */
function note(s: Step, y: number, x: (lane: string) => number, width: number): string {
  const chars = Math.floor((LANE_GAP * 1.8) / CHAR_W) - 2;
  const text = cut(s.text, chars);
  const w = Math.ceil(text.length * CHAR_W) + 10;
  const left = Math.max(TIME_W, Math.min(x(s.from) - w / 2, width - w - 2));
  return [
    `<g class="note"><title>${htmlText(s.text)}</title>`,
    `<rect x="${left}" y="${y - 10}" width="${w}" height="18" rx="3"/>`,
    `<text x="${left + w / 2}" y="${y + 3}" text-anchor="middle">${htmlText(text)}</text></g>`,
  ].join('');
}

/** The diagram, or '' when nothing happened. `caption`: what it shows, for a screen reader. */
export function sequenceSvg(entries: readonly TranscriptEntry[], caption: string, maxSteps = 40): string {
  if (entries.length === 0) return '';
  const { lanes, steps, earlier } = sequenceOf(entries, maxSteps);
  const x = (lane: string): number => TIME_W + LANE_GAP * (Math.max(0, lanes.indexOf(lane)) + 0.5);
  const rows = steps.length + (earlier > 0 ? 1 : 0);
  const width = TIME_W + LANE_GAP * lanes.length;
  const height = HEAD_H + 14 + rows * ROW_H;
  const parts = [`<svg class="seq" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}"><title>${htmlText(caption)}</title>`];
  for (const lane of lanes) {
    parts.push(`<line class="life" x1="${x(lane)}" y1="${HEAD_H}" x2="${x(lane)}" y2="${height}"/>`);
    parts.push(`<rect class="head" x="${x(lane) - 60}" y="2" width="120" height="${HEAD_H - 6}" rx="4"/>`);
    parts.push(`<text class="head" x="${x(lane)}" y="${HEAD_H / 2 + 3}" text-anchor="middle">${htmlText(cut(lane, 17))}</text>`);
  }
  parts.push(`<text class="time" x="4" y="${HEAD_H / 2 + 3}">time</text>`);
  let y = HEAD_H + 22;
  if (earlier > 0) {
    parts.push(`<text class="time" x="${TIME_W}" y="${y + 3}">(${earlier} earlier events not drawn)</text>`);
    y += ROW_H;
  }
  for (const s of steps) {
    parts.push(`<text class="time" x="4" y="${y + 3}">${(s.atMs / 1000).toFixed(3)} s</text>`);
    parts.push(s.to ? arrow(s, y, x) : note(s, y, x, width));
    y += ROW_H;
  }
  parts.push('</svg>');
  return parts.join('\n');
}
