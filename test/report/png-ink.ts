// How much of a screenshot is drawn: a PNG decoded with node's zlib (no image library),
// its pixels counted where they are not near white. A blank page counts none.

import { inflateSync } from 'node:zlib';

export interface Ink {
  width: number;
  height: number;
  /** Pixels darker than near-white in some channel. */
  inked: number;
}

/** The Paeth predictor of the PNG specification. */
function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** 8-bit RGB or RGBA, not interlaced: what Chromium writes. */
export function pngInk(png: Buffer): Ink {
  if (png.subarray(0, 8).toString('hex') !== '89504e470d0a1a0a') throw new Error('not a PNG file');
  let off = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const data: Buffer[] = [];
  while (off < png.length) {
    const len = png.readUInt32BE(off);
    const type = png.toString('latin1', off + 4, off + 8);
    const body = png.subarray(off + 8, off + 8 + len);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const [depth, color, , , interlace] = body.subarray(8, 13);
      if (depth !== 8 || (color !== 2 && color !== 6) || interlace !== 0) throw new Error(`a PNG of bit depth ${depth}, colour type ${color}, interlace ${interlace}: not decoded here`);
      channels = color === 6 ? 4 : 3;
    } else if (type === 'IDAT') data.push(body);
    off += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  let prev = Buffer.alloc(stride);
  let inked = 0;
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? line[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      const add = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      line[i] = (line[i] + add) & 0xff;
    }
    for (let x = 0; x < stride; x += channels) if (line[x] < 235 || line[x + 1] < 235 || line[x + 2] < 235) inked++;
    prev = line;
  }
  return { width, height, inked };
}
