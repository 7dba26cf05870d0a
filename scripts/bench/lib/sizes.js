'use strict';
/** Mini-program main package (scripts/miniapp-size.js) and the h5 first page's JavaScript, gzipped. */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { ROOT } = require('./util');

function weappMainKb() {
  const dist = path.join(ROOT, 'miniapp/dist/weapp');
  if (!fs.existsSync(path.join(dist, 'app.json'))) return { error: 'no weapp build (npm run build:weapp -w @yizhan/miniapp)' };
  let out;
  try {
    out = execFileSync(process.execPath, [path.join(ROOT, 'scripts/miniapp-size.js'), dist], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = String(e.stdout || '');
  }
  const m = /\bmain\s+([\d.]+) KB/.exec(out);
  return m ? { kb: Number(m[1]), report: out.trim() } : { error: 'could not read scripts/miniapp-size.js output' };
}

/** index.html's scripts plus the chunks the first route (pages[0]) loads, gzip -6 as a web server would send them. */
function h5FirstPageGzipKb() {
  const dist = path.join(ROOT, 'miniapp/dist/h5');
  const indexHtml = path.join(dist, 'index.html');
  if (!fs.existsSync(indexHtml)) return { error: 'no h5 build (npm run build:h5 -w @yizhan/miniapp)' };
  const html = fs.readFileSync(indexHtml, 'utf8');
  const files = [...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((m) => path.join(dist, m[1].replace(/^\/h5\//, '').replace(/^\//, '')));
  const app = files.find((f) => /\/app\.[^/]*\.js$/.test(f));
  let firstPage = null;
  if (app) {
    const text = fs.readFileSync(app, 'utf8');
    const pages = /"pages":\["([^"]+)"/.exec(text);
    firstPage = pages ? pages[1] : null;
    if (firstPage) {
      // The route's loader: `"path":"pages/home/index","load":function(…){return[Promise.all([t.e(593),t.e(76),…]).then(…`.
      const at = text.indexOf(`"path":"${firstPage}","load":`);
      const loader = at >= 0 ? text.slice(at, text.indexOf('.then(', at)) : '';
      // Chunk id → file, from webpack's runtime: js/ + (name or id) + . + hash + .js; an id
      // without a hash is already in an entry file (the shared framework chunk).
      const runtime = /\.u=function\(\w\)\{return"js\/"\+\((\{[^}]*\})\[\w\]\|\|\w\)\+"\."\+(\{[^}]*\})\[\w\]\+"\.js"\}/.exec(text);
      const names = runtime ? JSON.parse(runtime[1]) : {};
      const hashes = runtime ? JSON.parse(runtime[2]) : {};
      for (const m of loader.matchAll(/\b\w\.e\((\d+)\)/g)) {
        if (hashes[m[1]]) files.push(path.join(dist, 'js', `${names[m[1]] ?? m[1]}.${hashes[m[1]]}.js`));
      }
    }
  }
  const parts = files.map((f) => {
    const buf = fs.readFileSync(f);
    return { file: path.relative(dist, f), raw: buf.length, gzip: zlib.gzipSync(buf, { level: 6 }).length };
  });
  const gzip = parts.reduce((a, p) => a + p.gzip, 0);
  return { kb: Math.round((gzip / 1024) * 10) / 10, firstPage, parts };
}

module.exports = { weappMainKb, h5FirstPageGzipKb };
