#!/usr/bin/env node
'use strict';
/**
 * A rolling restart, as a deploy does it: two server instances on one MariaDB database
 * behind a loopback round-robin proxy (lib/proxy.js, the load balancer), steady
 * submissions through the proxy and `--streams` open staff event streams (lib/sse.js,
 * which behaves like the admin pages' EventSource). Each instance in turn gets SIGTERM
 * (it drains: readiness 503, streams told to reconnect, requests in hand finished, the
 * outbox and scanner passes in hand finished, the pool closed, exit 0) and is started
 * again once it is gone. Invariants:
 *   - every instance exits 0 within 10 s of SIGTERM;
 *   - no submission fails after the client's one retry (same Idempotency-Key);
 *   - every acknowledged submission is in the database once, whole;
 *   - every stream reconnected at least once and, in the end, received every notice
 *     written for its staff member (resumed with Last-Event-ID: nothing lost).
 *
 *   node scripts/reliability/rolling-restart.js [--streams 100] [--rate 8] [--rounds 1] [--settle-ms 4000]
 */
const h = require('./lib/harness');
const { startProxy } = require('./lib/proxy');
const { openStream } = require('./lib/sse');
const { ticketConsistency } = require('./lib/checks');

const ARGS = h.parseArgs(process.argv.slice(2), { streams: 100, agents: 10, rate: 8, rounds: 1, residents: 8, settleMs: 4000, limitMs: 10_000 });

async function waitFor(what, fn, timeoutMs) {
  const started = h.now();
  while (h.now() - started < timeoutMs) {
    if (await fn()) return h.now() - started;
    await h.sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function run(report) {
  const db = h.dbName('roll');
  h.onCleanup(() => h.dropDatabase(db));
  const fake = await h.startFake('roll');
  const env = { OUTBOX_POLL_MS: '200', SLA_SCAN_MS: '500' };
  const servers = [h.serverProcess({ name: 'roll-server-a', db, fake, env }), h.serverProcess({ name: 'roll-server-b', db, fake, env })];
  await servers[0].start(); // migrations once, then the second
  await servers[1].start();
  const proxy = await startProxy({ backends: servers.map((s) => s.base) });
  h.onCleanup(() => proxy.close());
  const pool = h.dbPool(db);
  h.onCleanup(() => pool.end());

  // ---- the world, through the proxy: agents on duty share the submissions (the least
  // loaded gets each); each agent has streams/agents streams open, as several browser tabs would
  const world = new h.World(proxy.url);
  const community = await world.community('滚动重启花园', ARGS.residents);
  const agents = [];
  for (let i = 0; i < ARGS.agents; i++) {
    const agent = await world.staff(`kefu_roll${i}`, ['agent'], [community.id]);
    await world.onDuty(community.id, community.zoneId, agent.id);
    agents.push(agent);
  }
  const residents = [];
  await h.pool(ARGS.residents, 4, async (i) => (residents[i] = await world.resident(`roll${i}`, community.rooms[i])));
  world.close();
  const api = h.client(proxy.url, { timeoutMs: 15_000 });

  // ---- the streams, all open before the load (a stream that has seen no event yet starts from "now")
  const streams = Array.from({ length: ARGS.streams }, (_, i) => {
    const agent = agents[i % agents.length];
    return Object.assign(openStream(proxy.url, `/staff/events?access_token=${encodeURIComponent(agent.token)}`), { staffId: agent.id });
  });
  h.onCleanup(() => streams.forEach((s) => s.close()));
  await waitFor('every stream to open', () => streams.every((s) => s.open), 30_000);

  // ---- steady submissions; the client retries a failure once with the same key
  const acknowledged = [];
  const failed = [];
  let retried = 0;
  let submitting = true;
  let seq = 0;
  const submit = async () => {
    const i = seq++;
    const r = residents[i % residents.length];
    const body = h.repairBody(r.roomId, `roll#${i}`);
    const opts = { token: r.token, headers: { 'Idempotency-Key': `roll-${i}` } };
    let res = await api.post('/tickets', body, opts);
    if (res.status !== 201) {
      retried++;
      await h.sleep(300);
      res = await api.post('/tickets', body, opts);
    }
    if (res.status === 201) acknowledged.push(String(res.json.id));
    else failed.push(`#${i}: ${res.status} ${res.json?.code ?? res.error ?? ''}`);
  };
  // A first submission per agent reaches every stream before anything restarts.
  for (let i = 0; i < agents.length; i++) await submit();
  await waitFor('the first notice on every stream', () => streams.every((s) => s.ids.size >= 1), 15_000);
  const inFlight = new Set();
  const loader = (async () => {
    const every = 1000 / ARGS.rate;
    while (submitting) {
      const p = submit().finally(() => inFlight.delete(p));
      inFlight.add(p);
      await h.sleep(every);
    }
    await Promise.all(inFlight);
  })();

  // ---- the rolling restart
  const stops = [];
  await h.sleep(ARGS.settleMs);
  for (let round = 0; round < ARGS.rounds; round++) {
    for (const server of servers) {
      const onIt = streams.filter((s) => s.open).length;
      h.log(`SIGTERM ${server.name} (${onIt} streams open in all, ${inFlight.size} submissions in flight)`);
      const stop = await server.terminate(30_000);
      h.log(`${server.name} exited ${stop.code ?? stop.signal} in ${Math.round(stop.ms)} ms`);
      stops.push({ server: server.name, ms: Math.round(stop.ms), code: stop.code, signal: stop.signal });
      report.check(stop.code === 0, `${server.name} exited with ${stop.code ?? stop.signal}, not 0`);
      report.check(stop.ms <= ARGS.limitMs, `${server.name} took ${Math.round(stop.ms)} ms to stop (limit ${ARGS.limitMs})`);
      const startMs = await server.start();
      h.log(`${server.name} up again in ${Math.round(startMs)} ms`);
      await h.sleep(ARGS.settleMs);
    }
  }
  submitting = false;
  await loader;

  // ---- every notice reached every stream
  const [notices] = await pool.query(
    `SELECT id, staff_id FROM staff_notices WHERE staff_id IN (${agents.map(() => '?').join(',')}) ORDER BY id`,
    agents.map((a) => a.id),
  );
  const expectedOf = new Map(agents.map((a) => [a.id, []]));
  for (const n of notices) expectedOf.get(String(n.staff_id)).push(String(n.id));
  const expected = notices.map((n) => String(n.id));
  const caughtUp = () => streams.every((s) => expectedOf.get(s.staffId).every((id) => s.ids.has(id)));
  try {
    await waitFor('every stream to receive every notice', caughtUp, 20_000);
  } catch {
    /* reported below */
  }
  const missing = streams.map((s) => expectedOf.get(s.staffId).filter((id) => !s.ids.has(id)).length);
  const notReconnected = streams.filter((s) => s.connects < 2).length;
  report.set('streams', ARGS.streams);
  report.set('agents', ARGS.agents);
  report.set('stops', stops);
  report.set('stopMsMax', Math.max(...stops.map((s) => s.ms)));
  report.set('submissionsAcknowledged', acknowledged.length);
  report.set('submissionsRetriedOnce', retried);
  report.set('submissionsFailed', failed.length);
  report.set('proxy', { ...proxy.stats });
  report.set(
    'streamReconnections',
    streams.reduce((a, s) => a + s.connects - 1, 0),
  );
  report.set('streamsReconnected', streams.length - notReconnected);
  report.set('streamsToldToRetry', streams.filter((s) => s.retryHints > 0).length);
  report.set('staffNotices', expected.length);
  report.set(
    'noticesMissedByStreams',
    missing.reduce((a, b) => a + b, 0),
  );
  report.check(failed.length === 0, `${failed.length} submissions failed after one retry: ${failed.slice(0, 5).join('; ')}`);
  report.check(notReconnected === 0, `${notReconnected} streams never reconnected`);
  report.check(
    missing.every((m) => m === 0),
    `${missing.filter((m) => m > 0).length} streams missed notices (${missing.reduce((a, b) => a + b, 0)} in all)`,
  );

  // ---- nothing lost, nothing doubled
  const [rows] = await pool.query(`SELECT id FROM tickets WHERE community_id = ?`, [community.id]);
  const stored = new Set(rows.map((r) => String(r.id)));
  const lost = acknowledged.filter((id) => !stored.has(id));
  report.set('ticketsStored', stored.size);
  report.check(lost.length === 0, `${lost.length} acknowledged submissions are not in the database`);
  report.check(stored.size === acknowledged.length, `${stored.size} tickets stored for ${acknowledged.length} acknowledged submissions`);
  report.check(expected.length === stored.size, `${expected.length} routed notices for ${stored.size} tickets`);
  await ticketConsistency(pool, report);
  api.close();
}

if (require.main === module) h.main('rolling-restart', run);
module.exports = { run };
