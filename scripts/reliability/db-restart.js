#!/usr/bin/env node
'use strict';
/**
 * Database restart mid-load: while residents submit and staff read, MariaDB is shut
 * down for a few seconds and started again. Requests must fail fast with 503 (never
 * 500, never hang), /api/v1/health must go 503 and back to 200, and the same server
 * process must recover by itself.
 *
 * The MariaDB at 127.0.0.1:3306 is shared: the outage is kept short (--down-ms, at
 * most 15 s in all) and MariaDB is ALWAYS started again (finally block, signal
 * handlers, process exit), then waited for with `mariadb-admin ping`.
 *
 *   node scripts/reliability/db-restart.js [--down-ms 4000] [--before-ms 3000] [--after-ms 8000]
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { stripVTControlCharacters } = require('node:util');
const h = require('./lib/harness');
const { ticketConsistency } = require('./lib/checks');

const ARGS = h.parseArgs(process.argv.slice(2), { downMs: 4000, beforeMs: 3000, afterMs: 8000, residents: 6, concurrency: 4 });
const HANG_MS = 5000; // "fail fast": nothing may take longer than this while the database is away
const MAX_OUTAGE_MS = 15_000;

// ---- MariaDB control (the only place that stops the shared database)
let weStoppedIt = false;
function mariadbPids() {
  const r = spawnSync('pidof', ['mariadbd'], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim().split(/\s+/).map(Number) : [];
}
function startMariadbSync() {
  spawnSync('start-stop-daemon', ['--start', '--oknodo', '--background', '--exec', '/usr/sbin/mariadbd'], { stdio: 'inherit', timeout: 10_000 });
}
async function startMariadb() {
  // A stopping server must be gone first, or --oknodo would see it and do nothing.
  for (let i = 0; i < 100 && mariadbPids().length; i++) await h.sleep(100);
  startMariadbSync();
  const started = h.now();
  while (h.now() - started < 60_000) {
    if (h.mariadbPing()) return h.now();
    await h.sleep(100);
  }
  throw new Error('MariaDB did not answer ping within 60 s of the restart');
}
process.on('exit', () => {
  if (weStoppedIt && !h.mariadbPing()) {
    console.error('exit: starting MariaDB again');
    startMariadbSync();
  }
});

async function run(report) {
  if (!h.mariadbPing()) throw new Error('MariaDB is not answering before the test; refusing to start');
  const db = h.dbName('dbrestart');
  h.onCleanup(() => h.dropDatabase(db));
  // Registered after the drop so it runs first (hooks run in reverse): the database must be up to drop ours.
  h.onCleanup(async () => {
    if (weStoppedIt && !h.mariadbPing()) await startMariadb();
  });
  const fake = await h.startFake('dbrestart');
  const server = h.serverProcess({ name: 'dbrestart-server', db, fake, env: { OUTBOX_POLL_MS: '200', SLA_SCAN_MS: '500' } });
  await server.start();
  const pidBefore = server.pid;

  const world = new h.World(server.base);
  const community = await world.community('重启花园', ARGS.residents);
  const agent = await world.staff('kefu_dbrestart', ['agent'], [community.id]);
  await world.onDuty(community.id, community.zoneId, agent.id);
  const residents = [];
  for (let i = 0; i < ARGS.residents; i++) residents.push(await world.resident(`dbr${i}`, community.rooms[i], { tpl_accepted: 1 }));
  world.close();

  const api = h.client(server.base, { timeoutMs: 15_000 });
  const samples = []; // {kind, startAt, ms, status, code, error}
  const health = []; // {startAt, ms, status}
  const acked = [];
  let stop = false;
  let seq = 0;
  const t = { stopCmd: null, dbDown: null, startCmd: null, dbUp: null };
  const hardDeadline = h.now() + ARGS.beforeMs + MAX_OUTAGE_MS + ARGS.afterMs + 30_000;

  const writers = Array.from({ length: ARGS.concurrency }, async () => {
    while (!stop && h.now() < hardDeadline) {
      const i = seq++;
      const r = residents[i % residents.length];
      const startAt = h.now();
      const res = await api.post('/tickets', h.repairBody(r.roomId, `dbr#${i}`), { token: r.token, headers: { 'Idempotency-Key': `dbr-${process.pid}-${i}` } });
      samples.push({ kind: 'create', startAt, ms: res.ms, status: res.status, code: res.json?.code, error: res.error });
      if (res.status === 201) acked.push(String(res.json.id));
      await h.sleep(res.status === 201 ? 20 : 100);
    }
  });
  const readers = (async () => {
    while (!stop && h.now() < hardDeadline) {
      const startAt = h.now();
      const res = await api.get('/tickets?limit=20', { token: agent.token });
      samples.push({ kind: 'list', startAt, ms: res.ms, status: res.status, code: res.json?.code, error: res.error });
      await h.sleep(100);
    }
  })();
  const healthProbe = (async () => {
    const hc = h.client(server.base, { keepAlive: false, timeoutMs: 10_000 });
    while (!stop && h.now() < hardDeadline) {
      const startAt = h.now();
      const res = await hc.get('/health');
      health.push({ startAt, ms: res.ms, status: res.status });
      await h.sleep(200);
    }
    hc.close();
  })();

  try {
    await h.sleep(ARGS.beforeMs);
    h.log('stopping MariaDB');
    weStoppedIt = true;
    t.stopCmd = h.now();
    spawnSync('mariadb-admin', ['-uroot', '-h127.0.0.1', 'shutdown'], { stdio: 'inherit', timeout: 12_000 });
    while (h.mariadbPing() && h.now() - t.stopCmd < 12_000) await h.sleep(50);
    t.dbDown = h.now();
    h.log(`MariaDB down after ${Math.round(t.dbDown - t.stopCmd)} ms; keeping it down ${ARGS.downMs} ms`);
    const downUntil = t.stopCmd + Math.min(ARGS.downMs, MAX_OUTAGE_MS - 5000);
    while (h.now() < downUntil) await h.sleep(50);
  } finally {
    t.startCmd = h.now();
    if (weStoppedIt) {
      t.dbUp = await startMariadb();
      h.log(`MariaDB up again after an outage of ${Math.round(t.dbUp - t.stopCmd)} ms`);
    }
  }
  await h.sleep(ARGS.afterMs);
  stop = true;
  await Promise.all([...writers, readers, healthProbe]);

  // ---- figures
  const phase = (s) => (s.startAt < t.stopCmd ? 'before' : s.startAt < t.dbUp ? 'outage' : 'after');
  const by = {};
  for (const s of samples) {
    const p = phase(s);
    const key = s.status === 0 ? `net:${s.error}` : String(s.status);
    by[p] ??= {};
    by[p][key] = (by[p][key] ?? 0) + 1;
  }
  const outage = samples.filter((s) => phase(s) === 'outage');
  const all500 = samples.filter((s) => s.status >= 500 && s.status !== 503);
  const slow = samples.filter((s) => s.ms > HANG_MS);
  const outageMax = outage.reduce((m, s) => Math.max(m, s.ms), 0);
  const firstHealth503 = health.find((x) => x.startAt >= t.stopCmd && x.status === 503);
  const firstHealth200After = health.find((x) => x.startAt >= t.dbUp && x.status === 200);
  const healthAfter503 = firstHealth200After ? health.filter((x) => x.startAt > firstHealth200After.startAt && x.status !== 200).length : null;
  const firstWriteAfter = samples.filter((s) => s.kind === 'create' && s.startAt >= t.dbUp && s.status === 201).sort((a, b) => a.startAt - b.startAt)[0];
  const lastSecond = samples.filter((s) => s.startAt > t.dbUp + ARGS.afterMs - 3000);
  const ms = (x) => (x === null || x === undefined ? null : Math.round(x));

  report.set('outageMs', ms(t.dbUp - t.stopCmd));
  report.set('mariadbStopMs', ms(t.dbDown - t.stopCmd));
  report.set('mariadbStartMs', ms(t.dbUp - t.startCmd));
  report.set('requests', samples.length);
  report.set('responsesByPhase', by);
  report.set('count503', samples.filter((s) => s.status === 503).length);
  report.set('count503DbUnavailable', samples.filter((s) => s.status === 503 && s.code === 'DB_UNAVAILABLE').length);
  report.set('count500', all500.length);
  report.set('outageMaxLatencyMs', ms(outageMax));
  report.set('requestsOver5s', slow.length);
  report.set('healthChecks', health.length);
  report.set('health503Count', health.filter((x) => x.status === 503).length);
  report.set('health503DetectedAfterMs', firstHealth503 ? ms(firstHealth503.startAt + firstHealth503.ms - t.stopCmd) : null);
  report.set('healthMaxLatencyMs', ms(health.reduce((m, x) => Math.max(m, x.ms), 0)));
  report.set('healthRecoveryMs', firstHealth200After ? ms(firstHealth200After.startAt + firstHealth200After.ms - t.dbUp) : null);
  report.set('writeRecoveryMs', firstWriteAfter ? ms(firstWriteAfter.startAt + firstWriteAfter.ms - t.dbUp) : null);
  report.set('serverRestarted', server.pid !== pidBefore || !server.alive);

  report.check(all500.length === 0, `${all500.length} answers 5xx other than 503 (${[...new Set(all500.map((s) => `${s.status} ${s.code}`))].join(', ')})`);
  report.check(slow.length === 0, `${slow.length} requests took longer than ${HANG_MS} ms (max ${ms(Math.max(0, ...samples.map((s) => s.ms)))} ms)`);
  report.check(
    outage.every((s) => (s.status >= 200 && s.status < 300) || s.status === 503),
    `answers during the outage other than 2xx/503: ${JSON.stringify(by.outage)}`,
  );
  report.check(
    outage.some((s) => s.status === 503),
    'no request saw 503 during the outage',
  );
  report.check(!!firstHealth503, '/health never answered 503 while the database was down');
  report.check(
    !!firstHealth200After && firstHealth200After.startAt + firstHealth200After.ms - t.dbUp < 10_000,
    '/health did not return to 200 within 10 s of the database coming back',
  );
  report.check(healthAfter503 === 0, `/health flapped after recovering (${healthAfter503} non-200)`);
  report.check(!!firstWriteAfter, 'no write succeeded after the database came back');
  report.check(
    lastSecond.length > 0 && lastSecond.every((s) => s.status >= 200 && s.status < 300),
    `not all requests succeed in the last 3 s: ${JSON.stringify(lastSecond.filter((s) => s.status >= 300).slice(0, 3))}`,
  );
  report.check(server.alive && server.pid === pidBefore, 'the server process did not survive the database restart');

  // ---- durability and consistency after the restart
  const pool = h.dbPool(db);
  h.onCleanup(() => pool.end());
  const [rows] = await pool.query(`SELECT id FROM tickets WHERE id IN (${acked.map(() => '?').join(',') || 'NULL'})`, acked);
  report.set('writesAcknowledged', acked.length);
  report.set('writesAckFound', rows.length);
  report.check(rows.length === acked.length, `${acked.length - rows.length} acknowledged submissions missing after the restart`);
  await ticketConsistency(pool, report);

  // The server's own log: unexpected errors while the database was away.
  const logText = fs.readFileSync(path.join(h.ARTIFACTS, 'logs', 'dbrestart-server.log'), 'utf8');
  const errors = logText.split('\n').filter((l) => /\bERROR\b/.test(l));
  report.set('serverErrorLogLines', errors.length);
  if (errors.length)
    report.set(
      'serverErrorSample',
      [
        ...new Set(
          errors.map((l) =>
            stripVTControlCharacters(l)
              .replace(/^.*?ERROR\s*/, '')
              .slice(0, 160),
          ),
        ),
      ].slice(0, 5),
    );
  api.close();
}

if (require.main === module) h.main('db-restart', run);
module.exports = { run };
