'use strict';
/**
 * Shared machinery of the reliability scripts: a loopback HTTP client, the fake WeChat
 * and server processes (spawned, tracked, always cleaned up), a per-script database,
 * the API calls that build a community (the same ones server/test/support/world.ts
 * makes), and a report that collects figures and violated invariants.
 *
 * Plain CommonJS on Node built-ins plus mysql2 (already a dependency of the server).
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const http = require('node:http');
const net = require('node:net');
const path = require('node:path');
const { performance } = require('node:perf_hooks');
const util = require('node:util');

const ROOT = path.resolve(__dirname, '..', '..', '..');
const ARTIFACTS = path.join(ROOT, 'artifacts', 'reliability');
const SERVER_MAIN = path.join(ROOT, 'server', 'dist', 'main.js');
const FAKE_CLI = path.join(ROOT, 'scripts', 'fake-wechat', 'cli.js');
const DB_HOST = '127.0.0.1';
const DB_PORT = 3306;
const ADMIN_PASSWORD = 'reliability-admin-1';
const STAFF_PASSWORD = 'password-123';
const APPID = 'wxreliability';
const SECRET = 'reliability-secret';

// mysql2 lives in the server workspace (hoisted to the root in a normal install).
const mysql = require(require.resolve('mysql2/promise', { paths: [path.join(ROOT, 'server'), ROOT] }));

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const now = () => performance.now();
const round = (x, d = 1) => (x === null || x === undefined ? x : Math.round(x * 10 ** d) / 10 ** d);
const log = (...a) => console.log(`[${new Date().toISOString().slice(11, 23)}]`, ...a);

function assertLoopback(base) {
  const host = new URL(base).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost') throw new Error(`reliability load goes to 127.0.0.1 only, not ${host}`);
}

/** A free TCP port on loopback (asked of the kernel, then released). */
function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

// ------------------------------------------------------------------ HTTP

/** JSON over node:http to one base URL. Never throws: network errors come back as status 0. */
function client(base, { keepAlive = true, timeoutMs = 15_000 } = {}) {
  assertLoopback(base);
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive, maxSockets: 64 });
  function request(method, p, { token, body, headers = {}, timeout = timeoutMs } = {}) {
    return new Promise((resolve) => {
      const started = now();
      const h = { accept: 'application/json', ...headers };
      if (token) h.authorization = `Bearer ${token}`;
      let payload;
      if (body !== undefined) {
        payload = JSON.stringify(body);
        h['content-type'] = 'application/json';
        h['content-length'] = Buffer.byteLength(payload);
      }
      let done = false;
      const finish = (r) => {
        if (done) return;
        done = true;
        resolve({ ...r, ms: now() - started, at: Date.now() });
      };
      const req = http.request({ host: url.hostname, port: url.port, method, path: `/api/v1${p}`, headers: h, agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', (e) => finish({ status: 0, error: e.code || e.message }));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            /* not JSON */
          }
          finish({ status: res.statusCode, json, headers: res.headers });
        });
      });
      req.setTimeout(timeout, () => {
        req.destroy(new Error('TIMEOUT'));
      });
      req.on('error', (e) => finish({ status: 0, error: e.message === 'TIMEOUT' ? 'TIMEOUT' : e.code || e.message }));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
  return {
    base,
    request,
    get: (p, o) => request('GET', p, o),
    post: (p, body, o = {}) => request('POST', p, { ...o, body }),
    close: () => agent.destroy(),
  };
}

async function expectOk(promise, what) {
  const res = await promise;
  if (res.status < 200 || res.status >= 300) throw new Error(`${what}: ${res.status} ${res.error ?? JSON.stringify(res.json)}`);
  return res.json;
}

// ------------------------------------------------------------------ processes

const children = new Set();
let cleanupHooks = [];

function track(child) {
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Kills what this script started (by pid, never by name) and runs the registered hooks. */
async function cleanup() {
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          const timer = setTimeout(resolve, 5000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGKILL');
        }),
    ),
  );
  const hooks = cleanupHooks;
  cleanupHooks = [];
  for (const hook of hooks.reverse()) {
    try {
      await hook();
    } catch (e) {
      console.error(`cleanup: ${e.message}`);
    }
  }
}
function onCleanup(hook) {
  cleanupHooks.push(hook);
}
process.on('exit', () => {
  for (const child of children) {
    try {
      child.kill('SIGKILL');
    } catch {
      /* gone */
    }
  }
});
let interrupted = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (interrupted) return; // a second signal must not cut the first cleanup short
    console.error(`\n${signal}: cleaning up`);
    interrupted = cleanup().finally(() => process.exit(130));
  });
}

function logStream(name) {
  fs.mkdirSync(path.join(ARTIFACTS, 'logs'), { recursive: true });
  return fs.createWriteStream(path.join(ARTIFACTS, 'logs', `${name}.log`), { flags: 'w' });
}

/** The fake WeChat in its own process, so it outlives server kills and several servers share it. */
async function startFake(name) {
  const port = await freePort();
  const out = logStream(`${name}-fake-wechat`);
  const child = track(
    spawn(process.execPath, [FAKE_CLI, '--port', String(port), '--appid', APPID, '--secret', SECRET, '--quiet'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
  child.stderr.pipe(out);
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('fake WeChat did not start in 10 s')), 10_000);
    child.stdout.on('data', (d) => {
      out.write(d);
      if (/listening on/.test(String(d))) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`fake WeChat exited with ${code}`)));
  });
  const url = `http://127.0.0.1:${port}`;
  const control = (method, p, body) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          host: '127.0.0.1',
          port,
          method,
          path: p,
          headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
        },
        (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch (e) {
              reject(e);
            }
          });
        },
      );
      req.setTimeout(10_000, () => req.destroy(new Error('fake control timeout')));
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  return {
    url,
    child,
    messages: () => control('GET', '/__fake/messages'),
    /** Inject a failure or a delay into the next calls of a path (see scripts/fake-wechat/README.md). */
    fail: (rule) => control('POST', '/__fake/fail', rule),
    stop: () => stopChild(child),
  };
}

function stopChild(child, graceMs = 5000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function databaseUrl(db) {
  return `mysql://root@${DB_HOST}:${DB_PORT}/${db}`;
}

/**
 * One server process (server/dist/main.js). `kill()` SIGKILLs it; `restart()` starts a
 * new process on the same port and database. Logs go to artifacts/reliability/logs/.
 */
function serverProcess({ name, db, fake, env = {} }) {
  const state = { port: null, child: null, starts: 0, out: logStream(`${name}`) };
  const base = () => `http://127.0.0.1:${state.port}`;
  async function start() {
    state.port ??= await freePort();
    state.starts++;
    state.out.write(`\n==== start #${state.starts} at ${new Date().toISOString()} ====\n`);
    const child = spawn(process.execPath, [SERVER_MAIN], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'development',
        // Readable lines in the log files; db-restart.js looks for the word ERROR in them.
        LOG_FORMAT: 'pretty',
        PORT: String(state.port),
        DATABASE_URL: databaseUrl(db),
        DEMO_DATA: 'false',
        ADMIN_PASSWORD,
        WECHAT_API_BASE: fake.url,
        WECHAT_APPID: APPID,
        WECHAT_SECRET: SECRET,
        OUTBOX_POLL_MS: '200',
        // A message whose sender was killed is sent again when its lease ends: short here,
        // so the scripts need not wait a minute for the outbox to drain.
        OUTBOX_LEASE_MS: '8000',
        SLA_SCAN_MS: '1000',
        RATE_LIMIT_LOGIN_PER_MIN: '1000000',
        RATE_LIMIT_WRITE_PER_MIN: '1000000',
        RATE_LIMIT_PER_MIN: '10000000',
        ...env,
      },
    });
    track(child);
    child.stdout.pipe(state.out, { end: false });
    child.stderr.pipe(state.out, { end: false });
    state.child = child;
    const started = now();
    await waitHealthy(base(), 60_000, child);
    return now() - started;
  }
  return {
    name,
    get base() {
      return base();
    },
    get pid() {
      return state.child?.pid ?? null;
    },
    get alive() {
      return !!state.child && state.child.exitCode === null && state.child.signalCode === null;
    },
    get starts() {
      return state.starts;
    },
    start,
    /** SIGKILL: no shutdown hooks, open transactions die with the connection. */
    kill() {
      const child = state.child;
      if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise((resolve) => {
        child.once('exit', resolve);
        child.kill('SIGKILL');
      });
    },
    stop: () => (state.child ? stopChild(state.child) : Promise.resolve()),
    /** SIGTERM, as systemd or Kubernetes stop a service: how long until it exited, and how (SIGKILL after `limitMs`). */
    terminate(limitMs = 30_000) {
      const child = state.child;
      if (!child || child.exitCode !== null || child.signalCode !== null)
        return Promise.resolve({ ms: 0, code: child?.exitCode ?? null, signal: child?.signalCode ?? null });
      const started = now();
      return new Promise((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          resolve({ ms: now() - started, code, signal });
        });
        child.kill('SIGTERM');
      });
    },
  };
}

async function waitHealthy(base, timeoutMs, child) {
  const c = client(base, { keepAlive: false, timeoutMs: 3000 });
  const deadline = now() + timeoutMs;
  try {
    while (now() < deadline) {
      if (child && (child.exitCode !== null || child.signalCode !== null))
        throw new Error(`server at ${base} exited (${child.exitCode ?? child.signalCode}) while starting; see artifacts/reliability/logs`);
      const res = await c.get('/health');
      if (res.status === 200) return;
      await sleep(100);
    }
    throw new Error(`server at ${base} not healthy within ${timeoutMs} ms`);
  } finally {
    c.close();
  }
}

// ------------------------------------------------------------------ database

function dbName(label) {
  return `yz_rel_${label}_${process.pid}`;
}

/** A small pool on the script's own database, for the checks. */
function dbPool(db) {
  return mysql.createPool({
    host: DB_HOST,
    port: DB_PORT,
    user: 'root',
    database: db,
    connectionLimit: 4,
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
    dateStrings: false,
    connectTimeout: 5000,
  });
}

async function dropDatabase(db) {
  if (!/^yz_rel_[a-z0-9_]+$/.test(db)) throw new Error(`refusing to drop ${db}`);
  const conn = await mysql.createConnection({ host: DB_HOST, port: DB_PORT, user: 'root', connectTimeout: 5000 });
  try {
    await conn.query(`DROP DATABASE IF EXISTS \`${db}\``);
  } finally {
    await conn.end();
  }
}

// ------------------------------------------------------------------ the world (API calls of server/test/support/world.ts)

class World {
  constructor(base) {
    this.http = client(base, { timeoutMs: 30_000 });
    this.adminToken = null;
    this.nonce = 0;
  }
  async admin() {
    this.adminToken ??= await this.staffLogin('admin', ADMIN_PASSWORD);
    return this.adminToken;
  }
  async staffLogin(username, password = STAFF_PASSWORD) {
    return (await expectOk(this.http.post('/auth/staff/login', { username, password }), `login ${username}`)).accessToken;
  }
  async ok(token, method, p, body) {
    return expectOk(this.http.request(method.toUpperCase(), p, { token, body }), `${method.toUpperCase()} ${p}`);
  }
  /** A community with zone A1 (one building) and `rooms` rooms, each with its own roster owner. */
  async community(name, rooms) {
    const admin = await this.admin();
    const community = await this.ok(admin, 'post', '/admin/communities', { name, address: '可靠性测试路 1 号' });
    const zone = await this.ok(admin, 'post', `/admin/communities/${community.id}/zones`, { name: 'A1' });
    const building = await this.ok(admin, 'post', `/admin/communities/${community.id}/buildings`, { name: '3', zoneId: zone.id });
    const roomList = [];
    for (let i = 0; i < rooms; i++) {
      const ownerPhone = `138${String(10_000_000 + i * 7919).slice(-8)}`;
      const ownerName = `业主${i}`;
      const room = await this.ok(admin, 'post', `/admin/communities/${community.id}/rooms`, {
        buildingId: building.id,
        unit: '1',
        number: String(101 + i).padStart(4, '0'),
        ownerName,
        ownerPhone,
      });
      roomList.push({ id: room.id, ownerName, ownerPhone });
    }
    return { id: String(community.id), zoneId: String(zone.id), rooms: roomList };
  }
  async staff(username, roles, communityIds) {
    const admin = await this.admin();
    const staff = await this.ok(admin, 'post', '/admin/staff', { username, password: STAFF_PASSWORD, name: username, roles, communityIds });
    return { id: String(staff.id), username, token: await this.staffLogin(username) };
  }
  async onDuty(communityId, zoneId, staffId, hours = 8) {
    const t = Date.now();
    return this.ok(await this.admin(), 'post', '/admin/duty-shifts', {
      communityId,
      zoneId,
      staffId,
      startAt: new Date(t - 3600_000).toISOString(),
      endAt: new Date(t + hours * 3600_000).toISOString(),
    });
  }
  /** A resident logged in through the fake WeChat and bound to `room`; `credits` {templateId: n} are "accept"s. */
  async resident(user, room, credits = {}) {
    const login = await expectOk(this.http.post('/auth/wechat/login', { code: `fake:${user}:${++this.nonce}` }), 'wechat login');
    const token = login.token;
    const bound = await this.ok(token, 'post', '/me/rooms', { roomId: room.id, name: room.ownerName, phone: room.ownerPhone });
    if (bound.status !== 'approved') throw new Error(`binding not approved: ${JSON.stringify(bound)}`);
    for (const [templateId, n] of Object.entries(credits)) {
      for (let i = 0; i < n; i++)
        await expectOk(this.http.request('POST', '/subscriptions', { token, body: { results: { [templateId]: 'accept' } } }), 'subscriptions');
    }
    return { id: String(login.resident.id), token, roomId: String(room.id), credits: { ...credits } };
  }
  close() {
    this.http.close();
  }
}

function repairBody(roomId, tag) {
  return { type: 'repair', roomId, category: '水电', description: `厨房水龙头漏水，关不紧 [${tag}]`, contactPhone: '13812341234' };
}

// ------------------------------------------------------------------ report

class Report {
  constructor(name) {
    this.name = name;
    this.figures = {};
    this.violations = [];
    this.started = Date.now();
  }
  set(key, value) {
    this.figures[key] = value;
  }
  check(ok, message) {
    if (!ok) {
      this.violations.push(message);
      console.error(`  ✗ ${message}`);
    }
    return ok;
  }
  toJSON() {
    return {
      name: this.name,
      ok: this.violations.length === 0,
      durationSec: round((Date.now() - this.started) / 1000),
      figures: this.figures,
      violations: this.violations,
    };
  }
}

/** Runs a script's `run(report)` with cleanup, prints the figures, writes <name>.json, sets the exit code. */
async function main(name, run) {
  const report = new Report(name);
  let failed = null;
  try {
    await run(report);
  } catch (e) {
    failed = e;
    report.violations.push(`aborted: ${e.message}`);
    console.error(e.stack);
  } finally {
    await cleanup();
  }
  const result = report.toJSON();
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  fs.writeFileSync(path.join(ARTIFACTS, `${name}.json`), JSON.stringify(result, null, 2) + '\n');
  console.log(`\n== ${name}: ${result.ok ? 'OK' : `FAILED (${result.violations.length} violations)`} in ${result.durationSec} s`);
  for (const [k, v] of Object.entries(result.figures)) console.log(`  ${k.padEnd(34)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  for (const v of result.violations.slice(0, 30)) console.log(`  ✗ ${v}`);
  process.exitCode = result.ok && !failed ? 0 : 1;
  return result;
}

/** Bounded pool of async workers: runs `fn(i)` for i < count with `concurrency` at a time, until `deadline`. */
async function pool(count, concurrency, fn, deadline = Infinity) {
  let next = 0;
  const worker = async () => {
    while (next < count && now() < deadline) {
      const i = next++;
      await fn(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
}

/** `--max-submissions 3000` or `--max-submissions=3000` for each key of `defaults` (camelCase there); numbers stay numbers. */
function parseArgs(argv, defaults) {
  const flag = (key) => key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const options = Object.fromEntries(Object.keys(defaults).map((key) => [flag(key), { type: 'string' }]));
  const { values } = util.parseArgs({ args: argv, options });
  const out = { ...defaults };
  for (const key of Object.keys(defaults)) {
    const value = values[flag(key)];
    if (value !== undefined) out[key] = typeof defaults[key] === 'number' ? Number(value) : value;
  }
  return out;
}

function mariadbPing() {
  return spawnSync('mariadb-admin', ['-uroot', `-h${DB_HOST}`, '--connect-timeout=2', 'ping'], { encoding: 'utf8', timeout: 5000 }).status === 0;
}

module.exports = {
  ROOT,
  ARTIFACTS,
  APPID,
  sleep,
  now,
  round,
  log,
  freePort,
  client,
  expectOk,
  startFake,
  serverProcess,
  waitHealthy,
  dbName,
  dbPool,
  dropDatabase,
  World,
  repairBody,
  Report,
  main,
  pool,
  parseArgs,
  onCleanup,
  cleanup,
  mariadbPing,
  mysql,
  DB_HOST,
};
