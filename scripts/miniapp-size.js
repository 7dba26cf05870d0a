#!/usr/bin/env node
/**
 * Package sizes of the production weapp build (miniapp/dist/weapp), as WeChat counts
 * them: the main package is everything outside the subpackage roots listed in
 * app.json. Exits 1 when a budget is exceeded:
 *   main ≤ 600 KB (ours; WeChat allows 2 MB), each subpackage ≤ 2 MB, total ≤ 20 MB.
 *
 *   node scripts/miniapp-size.js [distDir]
 */
const fs = require('node:fs');
const path = require('node:path');

const KB = 1024;
const BUDGETS = { main: 600 * KB, subpackage: 2 * 1024 * KB, total: 20 * 1024 * KB };
// Tool configuration, not part of the uploaded code package.
const NOT_PACKAGED = new Set(['project.config.json', 'project.private.config.json']);

const dist = path.resolve(process.argv[2] || path.join(__dirname, '..', 'miniapp', 'dist', 'weapp'));
const appJsonPath = path.join(dist, 'app.json');
if (!fs.existsSync(appJsonPath)) {
  console.error(`No weapp build at ${dist} (app.json missing). Run: npm run build:weapp -w miniapp`);
  process.exit(1);
}
const appJson = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'));
const roots = (appJson.subPackages || appJson.subpackages || []).map((p) => p.root.replace(/^\/+|\/+$/g, ''));

function walk(dir, rel = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relPath = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return walk(path.join(dir, entry.name), relPath);
    if (NOT_PACKAGED.has(relPath)) return [];
    return [{ relPath, size: fs.statSync(path.join(dir, entry.name)).size }];
  });
}

const sizes = new Map([['main', 0], ...roots.map((r) => [r, 0])]);
for (const file of walk(dist)) {
  const root = roots.find((r) => file.relPath === r || file.relPath.startsWith(`${r}/`)) || 'main';
  sizes.set(root, sizes.get(root) + file.size);
}

const fmt = (bytes) => `${(bytes / KB).toFixed(1).padStart(8)} KB`;
let failed = false;
const rows = [...sizes].map(([name, size]) => {
  const budget = name === 'main' ? BUDGETS.main : BUDGETS.subpackage;
  const over = size > budget;
  failed ||= over;
  return `${over ? '✖' : '✔'} ${name.padEnd(28)} ${fmt(size)}  (budget ${fmt(budget).trim()})`;
});
const total = [...sizes.values()].reduce((a, b) => a + b, 0);
const totalOver = total > BUDGETS.total;
failed ||= totalOver;

console.log(`Mini-program package sizes (${path.relative(process.cwd(), dist) || dist})`);
rows.forEach((r) => console.log(r));
console.log(`${totalOver ? '✖' : '✔'} ${'total'.padEnd(28)} ${fmt(total)}  (budget ${fmt(BUDGETS.total).trim()})`);
if (failed) {
  console.error('Over budget: move code out of the main package (tab pages only) or trim dependencies.');
  process.exit(1);
}
