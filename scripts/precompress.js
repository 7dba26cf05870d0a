#!/usr/bin/env node
/**
 * Precompresses a built front end at build time, so the server sends files as they are
 * instead of compressing on every request: beside each text asset over 1 KB it writes
 * `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9), each only where it is
 * smaller. The server (server/src/front-ends.ts) picks the best one the browser accepts.
 *
 *   node scripts/precompress.js server/admin/dist
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const TEXT = /\.(js|mjs|css|html|svg|json|txt|xml|wasm)$/i;
const MIN_BYTES = 1024;

function* files(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (entry.isFile() && TEXT.test(entry.name)) yield full;
  }
}

function main() {
  const dir = path.resolve(process.argv[2] || '');
  if (!process.argv[2] || !fs.existsSync(dir)) {
    console.error('usage: node scripts/precompress.js <built folder>');
    process.exit(2);
  }
  let count = 0;
  let before = 0;
  let afterBr = 0;
  for (const file of files(dir)) {
    const raw = fs.readFileSync(file);
    if (raw.length < MIN_BYTES) continue;
    const br = zlib.brotliCompressSync(raw, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    const gz = zlib.gzipSync(raw, { level: 9 });
    if (br.length < raw.length) fs.writeFileSync(`${file}.br`, br);
    if (gz.length < raw.length) fs.writeFileSync(`${file}.gz`, gz);
    count += 1;
    before += raw.length;
    afterBr += Math.min(br.length, raw.length);
  }
  const kb = (n) => `${Math.round(n / 1024)} KB`;
  console.log(`precompressed ${count} files in ${path.relative(process.cwd(), dir) || '.'}: ${kb(before)} → ${kb(afterBr)} (brotli)`);
}

main();
