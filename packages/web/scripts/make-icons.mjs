// Draws the app icons (home screen, install prompt) as plain PNGs: a white ring around the
// 共 of 共治 drawn in bars, on the platform's red. Run once; the PNGs are committed in public/icons/.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const RED = [0xb7, 0x18, 0x1e];
const WHITE = [0xff, 0xff, 0xff];

function crc32(buf) {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** `safe` is the share of the icon the mark may use (maskable icons keep it inside the 80 % circle). */
function icon(size, safe) {
  const rows = [];
  const c = size / 2;
  const r = (size * safe) / 2;
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3);
    for (let x = 0; x < size; x++) {
      const dx = (x + 0.5 - c) / r;
      const dy = (y + 0.5 - c) / r;
      const d = Math.hypot(dx, dy);
      const ring = d > 0.78 && d < 0.92;
      // 共: a short upper bar, two posts down to a long lower bar, and two feet
      const bar = (Math.abs(dx) < 0.4 && Math.abs(dy + 0.12) < 0.06) || (Math.abs(dx) < 0.56 && Math.abs(dy - 0.16) < 0.06);
      const post = dy > -0.48 && dy < 0.16 && Math.abs(Math.abs(dx) - 0.2) < 0.06;
      const foot = dy > 0.3 && dy < 0.52 && Math.abs(Math.abs(dx) - (0.18 + (dy - 0.3) * 0.6)) < 0.06;
      const px = ring || bar || post || foot ? WHITE : RED;
      row.set(px, 1 + x * 3);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
  return png;
}

const out = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'public', 'icons');
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'icon-192.png'), icon(192, 0.9));
fs.writeFileSync(path.join(out, 'icon-512.png'), icon(512, 0.9));
fs.writeFileSync(path.join(out, 'icon-maskable-512.png'), icon(512, 0.7));
fs.writeFileSync(path.join(out, 'apple-touch-icon.png'), icon(180, 0.9));
