// Draws images/icon.png (256×256): a report page with a health cross and a
// check badge on the extension's green. No image tools needed: shapes are
// rasterized here with 4×4 supersampling and written as a PNG with zlib.
//   node scripts/make-icon.mjs
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 256;
const SS = 4;
const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), 255];

const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
};
const circle = (cx, cy, r) => (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const segDist = (x, y, ax, ay, bx, by) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy));
};
const stroke = (pts, w) => (x, y) => {
  for (let i = 0; i + 1 < pts.length; i++) if (segDist(x, y, ...pts[i], ...pts[i + 1]) <= w / 2) return true;
  return false;
};
// The page: a rectangle with its top-right corner folded.
const FOLD = 36;
const page = (x, y) => x >= 62 && x <= 186 && y >= 30 && y <= 222 && !(x > 186 - FOLD && y < 30 + FOLD && x - (186 - FOLD) > y - 30);
const fold = (x, y) => x > 186 - FOLD && x <= 186 && y >= 30 && y < 30 + FOLD && x - (186 - FOLD) <= y - 30;

// Top-most first.
const layers = [
  [stroke([[160, 196], [176, 212], [206, 176]], 11), hex('#0E3B30')],
  [circle(183, 194, 44), hex('#F2B705')],
  [circle(183, 194, 50), hex('#0E5E4B')],
  [roundRect(94, 58, 106, 98, 2), hex('#D7263D')],
  [roundRect(80, 72, 120, 84, 2), hex('#D7263D')],
  [roundRect(82, 118, 166, 128, 5), hex('#8FB3A7')],
  [roundRect(82, 140, 166, 150, 5), hex('#8FB3A7')],
  [roundRect(82, 162, 140, 172, 5), hex('#8FB3A7')],
  [fold, hex('#C9DED6')],
  [page, hex('#FAFAF5')],
  [roundRect(0, 0, SIZE - 1, SIZE - 1, 44), hex('#0E5E4B')],
];

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const acc = [0, 0, 0, 0];
    for (let sy = 0; sy < SS; sy++)
      for (let sx = 0; sx < SS; sx++) {
        const px = x + (sx + 0.5) / SS, py = y + (sy + 0.5) / SS;
        const hit = layers.find(([inside]) => inside(px, py));
        if (!hit) continue;
        const [r, g, b, a] = hit[1];
        acc[0] += r * a; acc[1] += g * a; acc[2] += b * a; acc[3] += a;
      }
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    const alpha = acc[3] / (SS * SS);
    for (let c = 0; c < 3; c++) raw[o + c] = acc[3] ? Math.round(acc[c] / acc[3]) : 0;
    raw[o + 3] = Math.round(alpha);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'images', 'icon.png');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
