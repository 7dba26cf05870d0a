// Prints the gzip size of what the first page load fetches (entry + modulepreloads + CSS)
// and of the largest lazy chunks. Run after `vite build`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\/admin\/(assets\/[^"]+)"/g)].map((m) => m[1]);
const kb = (file) => gzipSync(readFileSync(join(dist, file))).length / 1024;
const entry = initial.find((f) => /index-.*\.js$/.test(f));

let total = 0;
console.log('initial load (gzip):');
for (const f of initial) {
  const size = kb(f);
  total += size;
  console.log(`  ${f.padEnd(48)} ${size.toFixed(1)} KB${f === entry ? '  (entry)' : ''}`);
}
console.log(`  ${'TOTAL'.padEnd(48)} ${total.toFixed(1)} KB`);

const lazy = readdirSync(join(dist, 'assets'))
  .map((f) => `assets/${f}`)
  .filter((f) => f.endsWith('.js') && !initial.includes(f))
  .map((f) => [f, kb(f)])
  .sort((a, b) => b[1] - a[1])
  .slice(0, 8);
console.log('largest lazy chunks (gzip):');
for (const [f, size] of lazy) console.log(`  ${f.padEnd(48)} ${size.toFixed(1)} KB`);
