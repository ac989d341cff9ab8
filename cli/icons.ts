// Draws Hashiya's icon (a page with a note in its margin) at every size the stores ask for and
// writes PNGs to public/icon/. Run `npm run icons` after changing the drawing; the PNGs are committed
// so a build needs no image tooling.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZES = [16, 32, 48, 96, 128];
const OUT = 'public/icon';

type RGBA = [number, number, number, number];
const GREEN: RGBA = [31, 111, 92, 255];
const PAPER: RGBA = [253, 250, 240, 255];
const INK: RGBA = [120, 116, 104, 255];
const GOLD: RGBA = [232, 170, 48, 255];

/** Colour of the point (x, y) in a 1×1 design square, or null for transparent. */
function shade(x: number, y: number): RGBA | null {
  const r = 0.2;
  const cx = Math.min(Math.max(x, r), 1 - r);
  const cy = Math.min(Math.max(y, r), 1 - r);
  if ((x - cx) ** 2 + (y - cy) ** 2 > r * r) return null; // rounded tile
  const inPage = x > 0.18 && x < 0.66 && y > 0.16 && y < 0.84;
  if (inPage) {
    const line = [0.3, 0.42, 0.54, 0.66].some((ly) => Math.abs(y - ly) < 0.03) && x > 0.25 && x < 0.59;
    return line ? INK : PAPER;
  }
  const inNote = x > 0.7 && x < 0.86 && y > 0.22 && y < 0.5;
  if (inNote) return GOLD;
  return GREEN;
}

function crc32(buf: Uint8Array): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function png(size: number): Buffer {
  const ss = 4; // supersampling for smooth edges
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++)
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size);
          if (!c) continue;
          for (let i = 0; i < 3; i++) acc[i] += c[i] * c[3];
          acc[3] += c[3];
        }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / (ss * ss);
      for (let i = 0; i < 3; i++) raw[o + i] = acc[3] ? Math.round(acc[i] / acc[3]) : 0;
      raw[o + 3] = Math.round(a);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([
    sig,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array()),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const size of SIZES) writeFileSync(`${OUT}/${size}.png`, png(size));
console.log(`wrote ${SIZES.map((s) => `${OUT}/${s}.png`).join(', ')}`);
