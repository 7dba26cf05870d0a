#!/usr/bin/env node
'use strict';
/**
 * Duplicate submissions across two instances on one database: double taps (two
 * requests at once), bursts of three, and client retries (the same request again a
 * moment later, through the other instance) — all with the same Idempotency-Key —
 * create exactly one request each; every 2xx answer names that one ticket, replays say
 * `Idempotent-Replayed: true`, and the only other answer is 409
 * IDEMPOTENCY_IN_PROGRESS (retried by the client). The same key from two different
 * residents is two requests (keys are per caller).
 *
 *   node scripts/reliability/duplicates.js [--submissions 60] [--residents 10]
 */
const h = require('./lib/harness');
const { ticketConsistency } = require('./lib/checks');

const ARGS = h.parseArgs(process.argv.slice(2), { submissions: 60, residents: 10, concurrency: 6, sharedKeys: 5 });
const PATTERNS = ['double-tap', 'burst-3', 'retry', 'double-tap+retry'];

async function run(report) {
  const db = h.dbName('dup');
  h.onCleanup(() => h.dropDatabase(db));
  const fake = await h.startFake('dup');
  const a = h.serverProcess({ name: 'dup-server-a', db, fake, env: { OUTBOX_POLL_MS: '200', SLA_SCAN_MS: '1000' } });
  const b = h.serverProcess({ name: 'dup-server-b', db, fake, env: { OUTBOX_POLL_MS: '200', SLA_SCAN_MS: '1000' } });
  await a.start();
  await b.start();
  const apis = [h.client(a.base), h.client(b.base)];

  const world = new h.World(a.base);
  const community = await world.community('重复提交苑', ARGS.residents);
  const agent = await world.staff('kefu_dup', ['agent'], [community.id]);
  await world.onDuty(community.id, community.zoneId, agent.id);
  const residents = [];
  await h.pool(ARGS.residents, 4, async (i) => {
    residents[i] = await world.resident(`dup${i}`, community.rooms[i]);
  });
  world.close();

  const stats = { requests: 0, created: 0, replayed: 0, inProgress: 0, other: {} };
  const cases = [];

  /** One request, retried (on 409 IDEMPOTENCY_IN_PROGRESS / network) like the mini-program does. */
  async function send(c, instance) {
    const until = h.now() + 15_000;
    while (h.now() < until) {
      stats.requests++;
      const res = await apis[instance].post('/tickets', h.repairBody(c.resident.roomId, c.tag), {
        token: c.resident.token,
        headers: { 'Idempotency-Key': c.key },
      });
      if (res.status === 201) {
        c.ids.push(String(res.json.id));
        if (res.headers['idempotent-replayed'] === 'true') {
          stats.replayed++;
          c.replays++;
        } else {
          stats.created++;
          c.firsts++;
        }
        return;
      }
      if (res.status === 409 && res.json?.code === 'IDEMPOTENCY_IN_PROGRESS') {
        stats.inProgress++;
      } else {
        const k = res.status === 0 ? `net:${res.error}` : `${res.status} ${res.json?.code}`;
        stats.other[k] = (stats.other[k] ?? 0) + 1;
        if (res.status !== 0 && res.status !== 503) return;
      }
      await h.sleep(100 + Math.random() * 100);
    }
  }

  await h.pool(ARGS.submissions, ARGS.concurrency, async (i) => {
    const pattern = PATTERNS[i % PATTERNS.length];
    const c = { i, pattern, key: `dup-${process.pid}-${i}`, tag: `dup#${i}`, resident: residents[i % residents.length], ids: [], firsts: 0, replays: 0 };
    cases.push(c);
    const first = i % 2;
    if (pattern === 'double-tap') await Promise.all([send(c, first), send(c, 1 - first)]);
    else if (pattern === 'burst-3') await Promise.all([send(c, first), send(c, 1 - first), send(c, first)]);
    else if (pattern === 'retry') {
      await send(c, first);
      await h.sleep(20 + Math.random() * 200);
      await send(c, 1 - first);
      await h.sleep(20 + Math.random() * 200);
      await send(c, first);
    } else {
      await Promise.all([send(c, first), send(c, 1 - first)]);
      await h.sleep(50 + Math.random() * 200);
      await send(c, first);
    }
  });

  // The same key from different residents: one request each.
  const shared = [];
  for (let k = 0; k < ARGS.sharedKeys; k++) {
    const pair = [residents[k % residents.length], residents[(k + 1) % residents.length]];
    const cs = pair.map((resident, j) => ({ key: `dup-shared-${process.pid}-${k}`, tag: `dup-shared#${k}-${j}`, resident, ids: [], firsts: 0, replays: 0 }));
    await Promise.all(cs.map((c, j) => send(c, j)));
    shared.push(cs);
  }

  const pool = h.dbPool(db);
  h.onCleanup(() => pool.end());
  const [rows] = await pool.query("SELECT id, description FROM tickets WHERE description LIKE '%[dup%'");
  const byTag = new Map();
  for (const r of rows) {
    const tag = /\[(dup[^\]]*)\]/.exec(r.description)[1];
    byTag.set(tag, [...(byTag.get(tag) ?? []), String(r.id)]);
  }
  let duplicates = 0;
  let missing = 0;
  let inconsistent = 0;
  const byPattern = {};
  for (const c of cases) {
    const found = byTag.get(c.tag) ?? [];
    byPattern[c.pattern] ??= { cases: 0, requests: 0, tickets: 0 };
    byPattern[c.pattern].cases++;
    byPattern[c.pattern].tickets += found.length;
    byPattern[c.pattern].requests += c.firsts + c.replays;
    if (found.length > 1) duplicates += found.length - 1;
    if (found.length === 0) missing++;
    if (new Set(c.ids).size !== 1 || (found.length === 1 && c.ids[0] !== found[0]) || c.firsts !== 1) {
      inconsistent++;
      report.check(false, `${c.key} (${c.pattern}): answers ${JSON.stringify(c.ids)}, ${c.firsts} non-replayed, tickets ${JSON.stringify(found)}`);
    }
  }
  const sharedOk = shared.filter(([x, y]) => x.ids.length === 1 && y.ids.length === 1 && x.ids[0] !== y.ids[0] && x.firsts === 1 && y.firsts === 1).length;
  const [[{ n: keyRows }]] = await pool.query('SELECT COUNT(*) AS n FROM idempotency_keys');

  report.set('logicalSubmissions', cases.length);
  report.set('requests', stats.requests);
  report.set('answeredCreated', stats.created);
  report.set('answeredReplayed', stats.replayed);
  report.set('answeredInProgress409', stats.inProgress);
  report.set('otherAnswers', stats.other);
  report.set('byPattern', byPattern);
  report.set('ticketsCreated', rows.length - ARGS.sharedKeys * 2);
  report.set('duplicateTickets', duplicates);
  report.set('idempotencyKeyRows', Number(keyRows));
  report.set('sameKeyTwoResidentsSeparate', `${sharedOk}/${shared.length}`);
  report.check(duplicates === 0, `${duplicates} duplicate tickets`);
  report.check(missing === 0, `${missing} submissions created nothing`);
  report.check(inconsistent === 0, `${inconsistent} submissions answered inconsistently`);
  report.check(Object.keys(stats.other).length === 0, `unexpected answers ${JSON.stringify(stats.other)}`);
  report.check(sharedOk === shared.length, `the same key from two residents did not make two requests in ${shared.length - sharedOk} cases`);
  report.check(Number(keyRows) === cases.length + ARGS.sharedKeys * 2, `${keyRows} idempotency keys stored, expected ${cases.length + ARGS.sharedKeys * 2}`);
  await ticketConsistency(pool, report);
  for (const api of apis) api.close();
}

if (require.main === module) h.main('duplicates', run);
module.exports = { run };
