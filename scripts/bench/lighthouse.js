#!/usr/bin/env node
'use strict';
/**
 * What a phone feels (issue #21 point 2): Lighthouse (npm `lighthouse`) driving Debian's
 * Chromium against the built product, the performance category only.
 *   - the resident h5 signed in: its home, a request's detail and the new-request page,
 *     under Lighthouse's mobile profile (slow 4G, 4× CPU slowdown, a 412 px phone);
 *   - the admin pages' desk (signed in as an agent), under the desktop profile;
 *   - the baseline: a blank Taro h5 page (the same Taro, React and build settings with one
 *     empty page, miniapp/lighthouse-blank/), served the same way (the server's own
 *     front-ends.ts: precompressed, cached) on the next port, same profile, same run.
 * Run by `npm run bench -- --only lighthouse` (or `node scripts/bench/lighthouse.js`):
 * starts the built server with the demo data on its own database, prints and returns
 * each page's score, LCP, TBT and bytes transferred.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn, execFileSync } = require('node:child_process');
const http = require('node:http');
const { ROOT, log, sleep, round } = require('./lib/util');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const BLANK_DIST = path.join(ROOT, 'miniapp/dist/lighthouse-blank');

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

async function api(base, method, p, body, token) {
  const res = await fetch(`${base}/api/v1${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw new Error(`${method} ${p} → ${res.status} ${await res.text()}`);
  return res.json();
}

/** The built front ends (admin pages, resident h5, the blank Taro page), built when missing. */
function ensureFrontEnds() {
  const steps = [
    [path.join(ROOT, 'server/admin/dist/index.html'), ['run', 'build', '-w', '@yizhan/admin']],
    [path.join(ROOT, 'miniapp/dist/h5/index.html'), ['run', 'build:h5', '-w', '@yizhan/miniapp']],
    [path.join(BLANK_DIST, 'index.html'), ['run', 'build:h5-blank', '-w', '@yizhan/miniapp']],
  ];
  for (const [output, args] of steps) {
    if (fs.existsSync(output)) continue;
    log(`building: npm ${args.join(' ')}`);
    execFileSync('npm', args, { cwd: ROOT, stdio: 'inherit' });
  }
}

async function startServer(port, database) {
  if ((await get(`http://127.0.0.1:${port}/api/v1/health`)) !== 0) throw new Error(`something already listens on port ${port}`);
  execFileSync('mysql', ['-uroot', '-h127.0.0.1', '-e', `DROP DATABASE IF EXISTS \`${database}\``]);
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'development',
    PORT: String(port),
    DATABASE_URL: `mysql://root@127.0.0.1:3306/${database}`,
    DEMO_DATA: 'true',
    ADMIN_PASSWORD: 'admin123',
    RATE_LIMIT_LOGIN_PER_MIN: '600',
  };
  const out = fs.openSync(path.join(ROOT, 'artifacts/bench/server-lighthouse.log'), 'w');
  const child = spawn(process.execPath, [path.join(ROOT, 'server/dist/main.js')], { cwd: ROOT, env, stdio: ['ignore', out, out] });
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 120_000;
  while (Date.now() < until && (await get(`${base}/api/v1/health`)) !== 200) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}; see artifacts/bench/server-lighthouse.log`);
    await sleep(300);
  }
  return {
    base,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
      execFileSync('mysql', ['-uroot', '-h127.0.0.1', '-e', `DROP DATABASE IF EXISTS \`${database}\``]);
    },
  };
}

/** Signs the resident in through the h5 itself (the demo login), so its storage holds a real session. */
async function residentSignIn(page, base) {
  await page.goto(`${base}/h5/`, { waitUntil: 'networkidle2' });
  await page.locator('::-p-text(去登录)').click();
  await page.locator('input[placeholder="请输入您的名字，如：张三"]').fill('demo');
  await page.locator('.login__agree').click();
  await page.locator('.btn::-p-text(演示登录)').click();
  await page.locator('::-p-text(您好，欢迎回家)').wait();
}

async function lighthouseRun({ port, baseDir } = {}) {
  const { default: lighthouse } = await import('lighthouse');
  const { default: desktopConfig } = await import('lighthouse/core/config/desktop-config.js');
  const chromeLauncher = await import('chrome-launcher');
  const puppeteer = await import('puppeteer-core');
  ensureFrontEnds();
  fs.mkdirSync(path.join(ROOT, 'artifacts/bench'), { recursive: true });
  const server = await startServer(port, 'yizhan_bench_lighthouse');
  // The blank page, served at /h5/ as the server serves the h5 (its publicPath is /h5/).
  const express = require(require.resolve('express', { paths: [path.join(ROOT, 'server')] }));
  const { serveFrontEnds } = require(path.join(ROOT, 'server/dist/front-ends.js'));
  const blankApp = express();
  serveFrontEnds(blankApp, { adminDist: path.join(BLANK_DIST, 'none'), h5Dist: BLANK_DIST });
  const blankServer = await new Promise((resolve) => {
    const s = blankApp.listen(port + 1, '127.0.0.1', () => resolve(s));
  });
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--lang=zh-CN'],
  });
  const results = [];
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}` });
    const page = await browser.newPage();
    await residentSignIn(page, server.base);
    // A request of the demo resident for the detail page.
    const resident = await api(server.base, 'POST', '/auth/wechat/login', { code: 'fake:demo' });
    const mine = await api(server.base, 'GET', '/tickets?limit=1', null, resident.token);
    const ticketId = mine.items[0]?.id;
    if (!ticketId) throw new Error('the demo resident has no request');
    // The admin desk: an agent's session in the admin pages' own storage key.
    const login = await api(server.base, 'POST', '/auth/staff/login', { username: 'kefu_a1', password: 'demo1234' });
    await page.goto(`${server.base}/admin/login`, { waitUntil: 'networkidle2' });
    await page.evaluate((answer) => {
      localStorage.setItem(
        'yizhan.admin.session',
        JSON.stringify({
          accessToken: answer.accessToken,
          refreshToken: answer.refreshToken,
          expiresAt: Date.now() + answer.expiresIn * 1000,
          staff: answer.staff,
        }),
      );
    }, login);
    await page.close();

    const targets = [
      { name: 'blank Taro h5 page (baseline)', url: `http://127.0.0.1:${port + 1}/h5/`, profile: 'mobile' },
      { name: 'resident h5 home (signed in)', url: `${server.base}/h5/#/pages/home/index`, profile: 'mobile' },
      { name: "a request's detail", url: `${server.base}/h5/#/subpackages/tickets/pages/detail/index?id=${ticketId}`, profile: 'mobile' },
      { name: 'new request', url: `${server.base}/h5/#/subpackages/tickets/pages/create/index?type=repair`, profile: 'mobile' },
      { name: 'admin desk (signed in)', url: `${server.base}/admin/desk`, profile: 'desktop' },
    ];
    const emptyCache = async () => {
      const blank = await browser.newPage();
      const cdp = await blank.createCDPSession();
      await cdp.send('Network.clearBrowserCache');
      await blank.close();
    };
    for (const t of targets) {
      // A first visit's download (the HTTP cache emptied), with the signed-in storage kept.
      await emptyCache();
      const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'], disableStorageReset: true };
      const measure = async () => (await lighthouse(t.url, flags, t.profile === 'desktop' ? desktopConfig : undefined)).lhr;
      let lhr = await measure();
      // Now and then Chromium's trace of a load comes back unusable (NO_FCP, NO_NAVSTART),
      // or the page came from a cache after all (a few KiB where a first visit downloads
      // hundreds; seen on the admin desk): once more, the cache emptied again.
      const fromCache = (lhr.audits['total-byte-weight']?.numericValue ?? 0) < 20 * 1024;
      if (lhr.runtimeError || fromCache) {
        await emptyCache();
        lhr = await measure();
      }
      const a = lhr.audits;
      const r = {
        name: t.name,
        profile: t.profile,
        url: t.url.replace(server.base, '').replace(`http://127.0.0.1:${port + 1}`, '(blank)'),
        score: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
        lcpMs: round(a['largest-contentful-paint']?.numericValue ?? null, 0),
        fcpMs: round(a['first-contentful-paint']?.numericValue ?? null, 0),
        tbtMs: round(a['total-blocking-time']?.numericValue ?? null, 0),
        transferKb: round((a['total-byte-weight']?.numericValue ?? 0) / 1024, 0),
        runtimeError: lhr.runtimeError?.message ?? null,
      };
      log(
        `lighthouse ${t.profile} ${t.name}: score ${r.score}, LCP ${r.lcpMs} ms, TBT ${r.tbtMs} ms, ${r.transferKb} KiB${r.runtimeError ? ` (${r.runtimeError})` : ''}`,
      );
      results.push(r);
      if (baseDir) fs.writeFileSync(path.join(baseDir, `lighthouse-${results.length}.json`), JSON.stringify(lhr));
    }
    await browser.disconnect();
  } finally {
    await chrome.kill();
    blankServer.close();
    await server.stop();
  }
  return results;
}

/** Result rows for the bench's table: score ≥ 90 and LCP ≤ 2.5 s, beside the blank page's. */
async function lighthouseRows(ctx) {
  const results = await lighthouseRun({ port: ctx.opts.port + 5 });
  const blank = results[0];
  return results.flatMap((r, i) => {
    const base = i === 0 ? 'baseline' : `blank page ${blank.score} / ${blank.lcpMs} ms`;
    return [
      {
        id: `lighthouse.${i}.score`,
        figure: `Lighthouse ${r.profile}: ${r.name} — performance score`,
        value: r.score,
        unit: '',
        target: 90,
        targetText: '≥ 90',
        baseline: `${base}; TBT ${r.tbtMs} ms, ${r.transferKb} KiB`,
        ratio: blank.score ? round(r.score / blank.score, 2) : null,
        pass: i === 0 ? null : r.score !== null && r.score >= 90,
        details: r,
      },
      {
        id: `lighthouse.${i}.lcp`,
        figure: `  LCP`,
        value: r.lcpMs,
        unit: 'ms',
        target: 2500,
        targetText: '≤ 2.5 s',
        baseline: base,
        ratio: blank.lcpMs ? round(r.lcpMs / blank.lcpMs, 2) : null,
        pass: i === 0 ? null : r.lcpMs !== null && r.lcpMs <= 2500,
      },
    ];
  });
}

module.exports = { lighthouseRun, lighthouseRows };

if (require.main === module) {
  const port = Number(process.env.BENCH_LIGHTHOUSE_PORT || 4510);
  lighthouseRun({ port, baseDir: path.join(ROOT, 'artifacts/bench') }).then(
    (r) => {
      console.table(r);
      process.exit(0);
    },
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
