#!/usr/bin/env node
/**
 * Draws the four tab-bar icons (81×81 PNG, WeChat's recommended size) from simple
 * shapes, so the repository needs no design files. Run: node tools/make-tab-icons.js
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const SIZE = 81;
const OUT = path.join(__dirname, '..', 'src', 'assets');

function crc32(buf) {
  let c;
  const table = [];
  for (let n = 0; n < 256; n++) {
    c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  let crc = 0xffffffff;
  for (const b of buf) crc = table[(crc ^ b) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(alphaAt, [r, g, b]) {
  const raw = Buffer.alloc((SIZE * 4 + 1) * SIZE);
  for (let y = 0; y < SIZE; y++) {
    raw[y * (SIZE * 4 + 1)] = 0;
    for (let x = 0; x < SIZE; x++) {
      // 4× supersampling for smooth edges
      let cover = 0;
      for (let sy = 0; sy < 4; sy++) for (let sx = 0; sx < 4; sx++) cover += alphaAt(x + (sx + 0.5) / 4, y + (sy + 0.5) / 4) ? 1 : 0;
      const o = y * (SIZE * 4 + 1) + 1 + x * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((cover / 16) * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const ring = (x, y, cx, cy, r, w) => inCircle(x, y, cx, cy, r) && !inCircle(x, y, cx, cy, r - w);

const shapes = {
  home: (x, y) => {
    const roof = y >= 12 && y <= 40 && Math.abs(x - 40.5) <= (y - 12) * 1.15 + 3 && Math.abs(x - 40.5) >= (y - 12) * 1.15 - 4;
    const walls = inRect(x, y, 18, 36, 63, 68) && !inRect(x, y, 24, 42, 57, 62);
    const door = inRect(x, y, 35, 48, 46, 68);
    return roof || walls || door;
  },
  tickets: (x, y) => {
    const frame = inRect(x, y, 16, 10, 65, 71) && !inRect(x, y, 22, 16, 59, 65);
    const lines = [28, 40, 52].some((ly) => inRect(x, y, 29, ly - 2, 53, ly + 2));
    return frame || lines;
  },
  notices: (x, y) => {
    const bell = (inCircle(x, y, 40.5, 36, 20) && y <= 36) || inRect(x, y, 20.5, 36, 60.5, 56);
    const hollow = (inCircle(x, y, 40.5, 36, 14) && y <= 36) || inRect(x, y, 26.5, 36, 54.5, 52);
    const base = inRect(x, y, 14, 54, 67, 59);
    const clapper = inCircle(x, y, 40.5, 66, 6);
    return (bell && !hollow) || base || clapper;
  },
  me: (x, y) => ring(x, y, 40.5, 27, 14, 6) || (y >= 50 && ring(x, y, 40.5, 78, 30, 6) && y <= 72),
};

fs.mkdirSync(OUT, { recursive: true });
for (const [name, shape] of Object.entries(shapes)) {
  fs.writeFileSync(path.join(OUT, `tab-${name}.png`), png(shape, [0x8a, 0x8f, 0x99]));
  fs.writeFileSync(path.join(OUT, `tab-${name}-on.png`), png(shape, [0x1a, 0x7f, 0x64]));
}
console.log(`wrote ${Object.keys(shapes).length * 2} icons to ${OUT}`);
