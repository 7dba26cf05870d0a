#!/usr/bin/env node
/**
 * Tries the README's first command as a newcomer would (issue #8): `npm start` with no
 * configuration — the embedded database, the bundled fake WeChat, demo data — then
 * checks that the API, the admin pages and the resident h5 answer and that the demo
 * logins work, and stops it. CI runs this on its fresh clone.
 *
 *   node scripts/try-start.js [--timeout-sec 900]
 */
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { parseArgs } = require('node:util');

const root = path.resolve(__dirname, '..');
const { values: args } = parseArgs({ options: { 'timeout-sec': { type: 'string', default: '900' } } });
const TIMEOUT_MS = Number(args['timeout-sec']) * 1000; // includes building what is missing
const BASE = 'http://127.0.0.1:3000';

// Exactly what a newcomer has: no DATABASE_URL, no WeChat settings.
const env = { ...process.env };
for (const k of Object.keys(env)) if (/^(DATABASE_URL|WECHAT_|PORT$|NODE_ENV$|DEMO_DATA$)/.test(k)) delete env[k];
const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
let output = '';
for (const stream of [child.stdout, child.stderr]) stream.on('data', (d) => (output += d));
const exited = new Promise((resolve) => child.once('exit', resolve));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function get(p, init) {
  try {
    const res = await fetch(BASE + p, { ...init, signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: await res.text() };
  } catch (e) {
    return { status: 0, body: String(e) };
  }
}
const post = (p, body) => get(p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function main() {
  const started = Date.now();
  let health;
  while (Date.now() - started < TIMEOUT_MS) {
    health = await get('/api/v1/health');
    if (health.status === 200) break;
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    await sleep(1000);
  }
  if (health?.status !== 200) throw new Error(`no healthy server within ${TIMEOUT_MS / 1000} s`);
  console.log(`healthy after ${Math.round((Date.now() - started) / 1000)} s: ${health.body}`);
  const checks = [];
  const check = (name, ok, detail = '') => {
    checks.push(ok);
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${name}${detail ? ` — ${detail}` : ''}`);
  };
  check(
    'started on the embedded database',
    /data[\\/]yizhan\.sqlite|embedded/.test(output) || require('node:fs').existsSync(path.join(root, 'data', 'yizhan.sqlite')),
  );
  check('says it uses the fake WeChat, in one line', output.split('\n').filter((l) => l.includes('fake WeChat API')).length === 1);
  check('says it uses the fake WeChat Pay, in one line', output.split('\n').filter((l) => l.includes('fake WeChat Pay')).length === 1);
  const admin = await get('/admin/');
  check('admin pages at /admin/', admin.status === 200 && admin.body.includes('<div id="root"'), `HTTP ${admin.status}`);
  const h5 = await get('/h5/');
  check('resident h5 at /h5/', h5.status === 200 && /<div id="app"|<div id="root"/.test(h5.body), `HTTP ${h5.status}`);
  const staff = await post('/api/v1/auth/staff/login', { username: 'kefu_a1', password: 'demo1234' });
  check('demo agent kefu_a1 / demo1234 signs in', staff.status === 200 || staff.status === 201, `HTTP ${staff.status}`);
  const token = staff.status < 300 ? JSON.parse(staff.body).accessToken : null;
  const tickets = token ? await get('/api/v1/tickets?limit=50', { headers: { authorization: `Bearer ${token}` } }) : { status: 0, body: '{}' };
  const items = tickets.status === 200 ? JSON.parse(tickets.body).items : [];
  check('the demo requests are there, ids as strings', items.length > 0 && items.every((t) => typeof t.id === 'string'), `${items.length} on the first page`);
  const resident = await post('/api/v1/auth/wechat/login', { code: 'fake:demo' });
  check('a demo resident signs in through the fake WeChat', resident.status === 200 || resident.status === 201, `HTTP ${resident.status}`);
  if (checks.some((ok) => !ok)) throw new Error('a check failed');
}

main()
  .then(
    () => 0,
    (e) => {
      console.error(`try-start: ${e.message}\n--- npm start said:\n${output.slice(-4000)}`);
      return 1;
    },
  )
  .then(async (code) => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* already gone */
    }
    await Promise.race([exited, sleep(10_000)]);
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* stopped */
    }
    console.log(code ? 'try-start: FAILED' : 'try-start: the first command works');
    process.exit(code);
  });
