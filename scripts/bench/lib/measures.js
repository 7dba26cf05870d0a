'use strict';
/** Each measurement: drives the running server (or the database) and returns result rows. */
const crypto = require('node:crypto');
const { performance } = require('node:perf_hooks');
const path = require('node:path');
const { closedLoop, openLoop } = require('./load');
const { summary, round, signJwt, rng, sleep, log, ROOT } = require('./util');
const { ids, ROOMS } = require('./seed');
const { JWT_SECRET } = require('./server');
const { captureQueries } = require('./capture-sql');

const API = '/api/v1';
const DAY = 86400_000;

function ctxTokens() {
  const cache = new Map();
  return {
    resident(residentId) {
      const key = `r${residentId}`;
      if (!cache.has(key)) cache.set(key, signJwt({ typ: 'resident', sub: String(residentId), oid: `obench${residentId}` }, JWT_SECRET));
      return cache.get(key);
    },
    staff(staffId, communityIds, roles) {
      const key = `s${staffId}`;
      if (!cache.has(key))
        cache.set(key, signJwt({ typ: 'staff', sub: String(staffId), name: `员工${staffId}`, roles, cids: communityIds.map(String) }, JWT_SECRET));
      return cache.get(key);
    },
  };
}

const row = (r) => ({ unit: 'ms', ...r, pass: r.value === null || r.value === undefined ? false : r.cmp === '>=' ? r.value >= r.target : r.value <= r.target });

function randomResident(r, communities) {
  const c = Math.floor(r() * communities);
  return ids.room(c, Math.floor(r() * ROOMS));
}

function submitBody(i) {
  return {
    type: 'repair',
    roomId: null,
    category: '水电',
    description: `基准测试报修 ${i}：卫生间水龙头一直滴水，关不紧，麻烦师傅来看一下`,
    // A resident's request needs a way to reach them (the seeded residents have no WeChat phone).
    contactPhone: '13812341234',
  };
}

async function submit(ctx, residentId, i, timeoutMs = 30_000) {
  const body = { ...submitBody(i), roomId: String(residentId) };
  const r = await ctx.http.request({
    method: 'POST',
    path: `${API}/tickets`,
    headers: { authorization: `Bearer ${ctx.tokens.resident(residentId)}`, 'idempotency-key': crypto.randomUUID() },
    body,
    timeoutMs,
  });
  return r;
}

// ------------------------------------------------------------------ submission

/**
 * What a submission costs the database with nothing else around it: the statements one
 * POST /tickets sends — the token's account read, the rate-limit counter, the number
 * when one is due, and the transaction (recorded in-process from a real request to the
 * bench's in-process app) — replayed through mysql2 connections in a closed loop, each
 * replay with its own idempotency key, ticket number, rate-limit bucket and the id its
 * ticket INSERT got. No HTTP, token check, validation, content check or ORM: a ceiling
 * for any server that writes what a submission writes.
 */
async function submissionSqlFloor(ctx, concurrency, durationMs) {
  const app = await ctx.inProcessApp();
  const { DataSource } = require(require.resolve('typeorm', { paths: [path.join(ROOT, 'server')] }));
  const server = app.getHttpServer();
  if (!server.listening) await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const residentId = ids.room(0, 7);
  const create = async (key) => {
    const res = await fetch(`http://127.0.0.1:${server.address().port}${API}/tickets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ctx.tokens.resident(residentId)}`, 'idempotency-key': key },
      body: JSON.stringify({ ...submitBody(0), roomId: String(residentId) }),
    });
    if (res.status !== 201) throw new Error(`in-process POST /tickets → ${res.status} ${await res.text()}`);
    return res.json();
  };
  await create(`floor-${crypto.randomUUID()}`); // the first one also fills the server's caches (SLA policies)
  const key = `floor-${crypto.randomUUID()}`;
  const capture = captureQueries(app.get(DataSource));
  let created;
  try {
    created = await create(key);
  } finally {
    capture.stop();
  }
  const statements = capture.log;
  const { id, no } = created;
  const pool = ctx.mysql.createPool({
    host: '127.0.0.1',
    port: 3306,
    user: 'root',
    database: ctx.dbName,
    connectionLimit: concurrency,
    timezone: 'Z',
    supportBigNumbers: true,
    bigNumberStrings: true,
  });
  let n = 0;
  // The replaying process's own CPU per submission: what mysql2 alone costs a client for these statements.
  const cpu0 = process.cpuUsage();
  const res = await closedLoop({
    concurrency,
    count: 100_000,
    durationMs,
    send: async () => {
      const started = performance.now();
      const i = ++n;
      const conn = await pool.getConnection();
      let ticketId = null;
      try {
        for (const s of statements) {
          const counter = /rate_limit_counters/.test(s.sql);
          const params = s.params.map((p, k) =>
            counter && k === 0 ? `${p}-${i % 1000}` : p === key ? `${key}-${i}` : p === no ? `F${process.pid}-${i}` : p === id ? ticketId : p,
          );
          const [result] = await conn.query(s.sql, params);
          if (ticketId === null && /^INSERT INTO [`"]?tickets[`"]? /.test(s.sql)) ticketId = String(result.insertId);
        }
        return { status: 200, ms: performance.now() - started };
      } catch (e) {
        await conn.query('ROLLBACK').catch(() => {});
        return { status: 0, ms: 0, ok: false };
      } finally {
        conn.release();
      }
    },
  });
  const cpu = process.cpuUsage(cpu0);
  const clientCpuMs = round((cpu.user + cpu.system) / 1000 / Math.max(1, res.completed), 2);
  await pool.end();
  // Commits: the transaction's, and each write outside it (autocommit).
  let inTransaction = false;
  let commits = 0;
  let transactional = 0;
  for (const s of statements) {
    if (/^START TRANSACTION|^BEGIN/i.test(s.sql)) {
      inTransaction = true;
    } else if (/^COMMIT/i.test(s.sql)) {
      inTransaction = false;
      commits += 1;
      transactional += 1;
    } else if (!inTransaction && /^\s*(INSERT|UPDATE|DELETE)/i.test(s.sql)) {
      commits += 1;
    }
    if (inTransaction) transactional += 1;
  }
  return { ...res, clientCpuMs, statements: statements.length, transactional, commits, sql: statements.map((s) => s.sql.replace(/\s+/g, ' ').slice(0, 100)) };
}

async function submission(ctx) {
  const { db, scale, opts } = ctx;
  const concurrency = 16;
  const durationMs = opts.short ? 6000 : 10_000;
  // Baseline: raw mysql2 single-row INSERTs (autocommit) into a copy of the tickets table, same concurrency.
  await db.query('DROP TABLE IF EXISTS bench_raw_tickets');
  await db.query('CREATE TABLE bench_raw_tickets LIKE tickets');
  const pool = ctx.mysql.createPool({ host: '127.0.0.1', port: 3306, user: 'root', database: ctx.dbName, connectionLimit: concurrency, timezone: 'Z' });
  const r0 = rng(7);
  let n = 0;
  const raw = await closedLoop({
    concurrency,
    count: 200_000,
    durationMs,
    send: async () => {
      const started = performance.now();
      const now = new Date();
      const c = Math.floor(r0() * scale.communities);
      const room = ids.room(c, Math.floor(r0() * ROOMS));
      try {
        await pool.query(
          `INSERT INTO bench_raw_tickets (no, type, status, category, description, priority, channel, community_id, zone_id, room_id, resident_id, owner_id,
             respond_by, onsite_by, resolve_by, next_due_at, photo_ids, created_at, updated_at, version)
           VALUES (?, 'repair', 'submitted', '水电', ?, 'normal', 'miniapp', ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', ?, ?, 1)`,
          [`RAW${process.pid}-${++n}`, '基准测试报修：卫生间水龙头一直滴水', c + 1, ids.zone(c, 0), room, room, ids.staff(c, 0), now, now, now, now, now, now],
        );
        return { status: 200, ms: performance.now() - started };
      } catch (e) {
        return { status: 0, ms: 0, ok: false };
      }
    },
  });
  await pool.end();
  await db.query('DROP TABLE IF EXISTS bench_raw_tickets');
  log(`raw INSERT loop: ${round(raw.throughput)} /s`);

  // The floor: a submission's own SQL statements, without HTTP or the server around them.
  const floor = await submissionSqlFloor(ctx, concurrency, durationMs);
  log(`the submission's ${floor.statements} statements replayed raw: ${round(floor.throughput)} /s, errors ${floor.errors}`);

  // The API: POST /tickets by residents, closed loop at the same concurrency, after a
  // warm-up that is not counted (a server in use has its code compiled by V8's JIT:
  // cold, the first seconds ran ~25 % slower).
  const r1 = rng(11);
  await closedLoop({ concurrency, count: 100_000, durationMs: 3000, send: (i) => submit(ctx, randomResident(r1, scale.communities), 200_000 + i) });
  const cpu0 = ctx.server.cpuMs();
  const api = await closedLoop({ concurrency, count: 100_000, durationMs, send: (i) => submit(ctx, randomResident(r1, scale.communities), i) });
  const cpuPer = round((ctx.server.cpuMs() - cpu0) / Math.max(1, api.completed), 2);
  log(`POST /tickets closed loop: ${round(api.throughput)} /s, server CPU ${cpuPer} ms per submission, errors ${api.errors} ${JSON.stringify(api.statuses)}`);
  const ratio = api.throughput / floor.throughput;

  // Fixed rate: 200 req/s.
  const rate = 200;
  const r2 = rng(13);
  const fixed = await openLoop({
    rate,
    durationMs: opts.short ? 8000 : 15_000,
    maxInFlight: 400,
    send: (i) => submit(ctx, randomResident(r2, scale.communities), 100_000 + i, 10_000),
  });
  await ctx.settle();
  // The HTTP stack's floor at the same rate: an authenticated no-op GET by the same residents.
  const r3 = rng(13);
  const noop = await openLoop({
    rate,
    durationMs: opts.short ? 8000 : 15_000,
    maxInFlight: 400,
    send: () =>
      ctx.http.request({
        path: `${API}/notices/templates`,
        headers: { authorization: `Bearer ${ctx.tokens.resident(randomResident(r3, scale.communities))}` },
        timeoutMs: 10_000,
      }),
  });
  const noopS = summary([...noop.latencies, ...Array(noop.errors + noop.dropped).fill(10_000)]);
  // Requests that failed or were never sent (over 400 in flight) count as slower than any answer.
  const failed = fixed.errors + fixed.dropped;
  const s = summary([...fixed.latencies, ...Array(failed).fill(10_000)]);
  log(`POST /tickets at ${rate}/s: p50 ${s.p50} p99 ${s.p99} ms, achieved ${round(fixed.achievedRate)} /s, errors ${fixed.errors}`);
  const { commits } = floor;
  return [
    row({
      id: 'submission.throughput',
      figure: `POST /tickets throughput (closed loop, ${concurrency} concurrent) vs its own SQL replayed raw`,
      value: round(api.throughput, 1),
      unit: 'req/s',
      target: round(0.5 * floor.throughput, 1),
      cmp: '>=',
      targetText: '≥ 50 % of its SQL raw',
      baseline: `${round(floor.throughput, 1)} SQL raw/s; server CPU ${cpuPer} ms each`,
      ratio: round(ratio, 3),
      details: {
        api: { ...summary(api.latencies), errors: api.errors, statuses: api.statuses },
        cpuMsPerSubmission: cpuPer,
        raw: { throughput: raw.throughput, ...summary(raw.latencies) },
      },
    }),
    {
      id: 'submission.sql_floor',
      figure: `  its ${floor.statements} statements (${floor.transactional} in its transaction; ${commits} commit${commits === 1 ? '' : 's'}) replayed raw (mysql2, ${concurrency} concurrent) vs raw single-row INSERT`,
      value: round(floor.throughput, 1),
      unit: 'req/s',
      target: null,
      targetText: 'measure only',
      pass: null,
      baseline: `${round(raw.throughput, 1)} raw INSERT/s`,
      ratio: round(floor.throughput / raw.throughput, 3),
      details: { statements: floor.sql, errors: floor.errors, ...summary(floor.latencies) },
    },
    {
      id: 'submission.cpu',
      figure: '  server CPU per submission (user + system) vs the raw replay client’s CPU per submission',
      value: cpuPer,
      unit: 'ms',
      target: null,
      targetText: 'measure only',
      pass: null,
      baseline: `${api.completed} submissions; replay client ${floor.clientCpuMs} ms each`,
      ratio: floor.clientCpuMs ? round(cpuPer / floor.clientCpuMs, 2) : null,
    },
    row({
      id: 'submission.p99',
      figure: `POST /tickets p99 at ${rate} req/s (fixed rate; × no-op GET p99 at the same rate)`,
      value: s.p99,
      target: 100,
      targetText: '≤ 100 ms',
      baseline: `no-op GET p99 ${noopS.p99} ms; achieved ${round(fixed.achievedRate, 1)}/s, ${failed} failed/dropped`,
      ratio: round(s.p99 / noopS.p99, 2),
      details: { ...s, errors: fixed.errors, dropped: fixed.dropped, statuses: fixed.statuses, noop: noopS },
    }),
  ];
}

// ------------------------------------------------------------------ staff queue

/** SQL equal to what filterTickets + list() send for these filters (for EXPLAIN). */
function queueSql(variant, cid, now) {
  const open = "'submitted','accepted','dispatched','in_progress'";
  const overdue = `(t.sla_breached <> 0
    OR (t.respond_by < '${now}' AND (t.responded_at IS NULL OR t.responded_at > t.respond_by) AND t.status <> 'cancelled')
    OR (t.onsite_by < '${now}' AND (t.onsite_at IS NULL OR t.onsite_at > t.onsite_by) AND t.status IN (${open}))
    OR (t.resolve_by < '${now}' AND (t.resolved_at IS NULL OR t.resolved_at > t.resolve_by) AND t.status <> 'cancelled')
    OR (t.confirm_by < '${now}' AND t.closed_at IS NULL AND t.status = 'resolved')
    OR (t.revisit_by < '${now}' AND t.revisited_at IS NULL AND t.status IN ('resolved', 'closed')))`;
  switch (variant) {
    case 'status':
      return `SELECT t.* FROM tickets t WHERE t.community_id = ${cid} AND t.status = 'accepted' ORDER BY t.id DESC LIMIT 21`;
    case 'status_overdue':
      return `SELECT t.* FROM tickets t WHERE t.community_id = ${cid} AND t.status = 'accepted' AND ${overdue} ORDER BY t.id DESC LIMIT 21`;
    case 'open_overdue_deadline':
      // One of the per-status walks the list merges (TicketQueue.listByDeadline), then the undated rest.
      return `SELECT t.* FROM tickets t WHERE t.community_id = ${cid} AND t.status IN (${open}) AND ${overdue} AND t.clock_due_at IS NOT NULL AND t.status = 'accepted' ORDER BY t.clock_due_at ASC, t.id ASC LIMIT 21`;
    case 'all_newest':
      return `SELECT t.* FROM tickets t WHERE t.community_id = ${cid} ORDER BY t.id DESC LIMIT 21`;
    case 'resident':
      return `SELECT t.* FROM tickets t WHERE t.resident_id = ${cid} ORDER BY t.id DESC LIMIT 21`;
    default:
      throw new Error(variant);
  }
}

async function explain(db, sql) {
  const [rows] = await db.query(`EXPLAIN ${sql}`);
  return rows.map((r) => ({ table: r.table, type: r.type, key: r.key, rows: Number(r.rows), Extra: r.Extra }));
}

async function timeGets(ctx, { token, paths, count, concurrency = 4 }) {
  const res = await closedLoop({
    concurrency,
    count,
    durationMs: 60_000,
    send: (i) => ctx.http.request({ path: paths[i % paths.length], headers: { authorization: `Bearer ${token}` } }),
  });
  return { ...summary(res.latencies), errors: res.errors, statuses: res.statuses };
}

/** The compiled service that answers GET /tickets (list), wherever the tickets module keeps it. */
function listService(app) {
  const fs = require('node:fs');
  const dir = path.join(ROOT, 'server/dist/modules/tickets');
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.service.js'))) {
    for (const cls of Object.values(require(path.join(dir, file)))) {
      if (typeof cls === 'function' && typeof cls.prototype?.list === 'function') {
        try {
          return app.get(cls);
        } catch {
          // not a provider of the app
        }
      }
    }
  }
  throw new Error('no tickets service with list() found in server/dist/modules/tickets');
}

/**
 * The SQL the server sends for one list page (recorded in-process), each statement's
 * EXPLAIN (MariaDB's ANALYZE: the plan and the rows it really read), and the statements
 * replayed raw through mysql2 — the page's database floor.
 */
async function listSql(ctx, auth, query, options) {
  const app = await ctx.inProcessApp();
  const service = listService(app);
  return sqlOf(ctx, () => service.list(auth, query), options);
}

/** What `run` (a call into the in-process app) sends: its statements, their EXPLAIN ANALYZE, and their raw replay's times. */
async function sqlOf(ctx, run, { replays = 60 } = {}) {
  const app = await ctx.inProcessApp();
  const { DataSource } = require(require.resolve('typeorm', { paths: [path.join(ROOT, 'server')] }));
  const capture = captureQueries(app.get(DataSource));
  let page;
  try {
    page = await run();
  } finally {
    capture.stop();
  }
  const statements = capture.log.map((l) => ({ sql: l.sql, params: l.params }));
  const plans = [];
  for (const st of statements) {
    if (!/^\s*(\(?\s*SELECT|WITH)\b/i.test(st.sql)) continue; // transaction control and the like: no plan
    const [rows] = await ctx.db.query(`ANALYZE ${st.sql}`, st.params);
    plans.push(
      rows
        .filter((r) => r.table && !String(r.table).startsWith('<'))
        .filter((r) => r.table === 't' || r.table === 'tickets' || /^w\d+$|^t$/.test(r.table) || r.key)
        .map((r) => ({ table: r.table, type: r.type, key: r.key, rows: Number(r.rows), r_rows: r.r_rows === null ? null : Number(r.r_rows), Extra: r.Extra })),
    );
  }
  const times = [];
  const conn = await ctx.db.getConnection(); // one connection, as the server's transaction has
  try {
    for (let i = 0; i < replays; i++) {
      const t = performance.now();
      for (const st of statements) await conn.query(st.sql, st.params);
      times.push(performance.now() - t);
    }
  } finally {
    conn.release();
  }
  return { page, statements, plans, raw: summary(times) };
}

/** The plan of the tickets table's reads: key/type/rows read (r_rows), worst first. */
function planText(plans) {
  const t = plans.flat().filter((p) => p.key !== 'PRIMARY' || p.type !== 'eq_ref');
  return t.map((p) => `${p.key ? String(p.key).replace(/^IDX_(.{6}).*/, 'IDX_$1…') : 'none'}/${p.type}/${p.r_rows ?? p.rows}`).join(',');
}

/** The HTTP stack's floor: an authenticated GET that does nothing but authenticate (its one primary-key read). */
async function httpFloor(ctx, token, concurrency = 4, count = 300) {
  const res = await timeGets(ctx, { token, paths: [`${API}/notices/templates`], count: 60, concurrency });
  if (res.errors) throw new Error(`no-op GET failed: ${JSON.stringify(res.statuses)}`);
  return timeGets(ctx, { token, paths: [`${API}/notices/templates`], count, concurrency });
}

/** The staff queue's six filters in community cid ("mine" is a zone agent's; the others the supervisor's). */
function queueVariants(cid) {
  return {
    status: { communityId: String(cid), status: 'accepted' },
    status_overdue: { communityId: String(cid), status: 'accepted', overdue: true },
    open_newest: { communityId: String(cid), stage: 'open' },
    open_overdue_deadline: { communityId: String(cid), stage: 'open', overdue: true, sort: 'deadline' },
    all_newest: { communityId: String(cid) },
    mine_open: { mine: 'owner', stage: 'open' },
  };
}

const qs = (q) =>
  Object.entries(q)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/**
 * The staff queue's page 1 for every filter on two servers over two databases (xl and the
 * 1 M one), asked of both in turn by the same workers so that both see the same load on a
 * shared machine; p95 of each side per filter. Both databases number community 1's staff alike.
 */
async function queuePaired(a, b, { count = 300, concurrency = 4 } = {}) {
  const cid = 1;
  const out = {};
  for (const [name, q] of Object.entries(queueVariants(cid))) {
    const [staffId, roles] = name.startsWith('mine') ? [ids.staff(0, 0), ['agent']] : [ids.staff(0, 4), ['supervisor', 'agent']];
    const sides = [a, b].map((ctx) => ({ ctx, token: ctx.tokens.staff(staffId, [cid], roles), ms: [] }));
    const ask = (side, keep) =>
      side.ctx.http.request({ path: `${API}/tickets?${qs(q)}`, headers: { authorization: `Bearer ${side.token}` } }).then((r) => {
        if (keep && r.status === 200) side.ms.push(r.ms);
        return r;
      });
    await closedLoop({ concurrency, count: 120, durationMs: 60_000, send: (i) => ask(sides[i % 2], false) }); // warm-up, both sides
    const res = await closedLoop({ concurrency, count: 2 * count, durationMs: 120_000, send: (i) => ask(sides[i % 2], true) });
    if (res.errors) throw new Error(`paired queue ${name}: ${JSON.stringify(res.statuses)}`);
    out[name] = { a: summary(sides[0].ms), b: summary(sides[1].ms) };
  }
  return out;
}

async function staffQueue(ctx) {
  const { db, opts } = ctx;
  const cid = 1; // one of the large communities (the only one at --scale single)
  const supervisor = ids.staff(0, 4);
  const token = ctx.tokens.staff(supervisor, [cid], ['supervisor', 'agent']);
  const auth = {
    kind: 'staff',
    staffId: String(supervisor),
    name: `员工${supervisor}`,
    roles: ['supervisor', 'agent'],
    communityIds: [String(cid)],
    accessVersion: 0,
  };
  const variants = queueVariants(cid);
  const [[{ n: communityTickets }]] = await db.query('SELECT COUNT(*) n FROM tickets WHERE community_id = ?', [cid]);
  const floor = await httpFloor(ctx, token);
  log(`HTTP floor (authenticated no-op GET, 4 concurrent): p95 ${floor.p95} ms`);
  // Walk: follow nextCursor up to 500 pages; the medians of the first and last 10 pages, and the last page's cursor.
  const walk = async (q, maxPages, tok) => {
    const times = [];
    let cursor = null;
    let lastCursor = null;
    for (let page = 1; page <= maxPages; page++) {
      const r = await ctx.http.request({
        path: `${API}/tickets?${q}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        headers: { authorization: `Bearer ${tok}` },
      });
      if (r.status !== 200) throw new Error(`page ${page}: HTTP ${r.status} ${r.text.slice(0, 200)}`);
      times.push(r.ms);
      lastCursor = cursor;
      cursor = r.json.nextCursor;
      if (!cursor) break;
    }
    // Page 1 and the last page, asked alternately (so both see the same load on a shared machine).
    const pair = { first: [], last: [] };
    for (let i = 0; i < 15 && lastCursor; i++) {
      for (const [k, c] of [
        ['first', null],
        ['last', lastCursor],
      ]) {
        const r = await ctx.http.request({
          path: `${API}/tickets?${q}${c ? `&cursor=${encodeURIComponent(c)}` : ''}`,
          headers: { authorization: `Bearer ${tok}` },
        });
        pair[k].push(r.ms);
      }
    }
    return {
      pages: times.length,
      firstPagesMs: summary(pair.first).p50 ?? summary(times).p50,
      lastPagesMs: summary(pair.last).p50 ?? summary(times).p50,
      lastCursor,
    };
  };
  // "Mine": a zone agent's own open requests (the supervisor owns none).
  const agent = ids.staff(0, 0);
  const agentToken = ctx.tokens.staff(agent, [cid], ['agent']);
  const agentAuth = { kind: 'staff', staffId: String(agent), name: `员工${agent}`, roles: ['agent'], communityIds: [String(cid)], accessVersion: 0 };
  const results = {};
  for (const [name, q] of Object.entries(variants)) {
    const [tok, who] = name.startsWith('mine') ? [agentToken, agentAuth] : [token, auth];
    const path_ = `${API}/tickets?${qs(q)}`;
    // warm up (V8 compiles the hot code; the database caches the pages), then measure
    await timeGets(ctx, { token: tok, paths: [path_], count: 60, concurrency: 4 });
    const http = await timeGets(ctx, { token: tok, paths: [path_], count: opts.short ? 100 : 300, concurrency: 4 });
    const w = await walk(qs(q), 500, tok);
    const first = await listSql(ctx, who, q);
    const deep = w.lastCursor ? await listSql(ctx, who, { ...q, cursor: w.lastCursor }, { replays: 20 }) : null;
    const floorMs = round(first.raw.p95 + floor.p95);
    results[name] = {
      http,
      walk: w,
      sql: { page1: first.raw, deep: deep?.raw ?? null, statements: first.statements.length },
      explain: { page1: first.plans, deep: deep?.plans ?? null },
      floorMs,
    };
    log(
      `GET /tickets ${name}: p95 ${http.p95} ms (floor ${floorMs}: SQL ${first.raw.p95} + no-op GET ${floor.p95}); page ${w.pages} ${w.lastPagesMs} vs page 1 ${w.firstPagesMs} ms;` +
        ` EXPLAIN page 1 ${planText(first.plans)}, page ${w.pages} ${deep ? planText(deep.plans) : '-'}`,
    );
  }
  const worst = Math.max(...Object.values(results).map((r) => r.http.p95));
  const worstName = Object.entries(results).find(([, r]) => r.http.p95 === worst)[0];
  // Every statement reads the tickets table through an index, and the deep page reads about as many rows as page 1.
  const rowsRead = (plans) =>
    plans
      .flat()
      .filter((p) => p.table === 't')
      .reduce((a, p) => a + (p.r_rows ?? p.rows), 0);
  const plansOk = Object.values(results).every((r) =>
    [r.explain.page1, r.explain.deep].filter(Boolean).every((plans) => plans.flat().every((p) => p.key !== null)),
  );
  const deepRows = Object.entries(results).map(([name, r]) => ({
    name,
    page1: rowsRead(r.explain.page1),
    deep: r.explain.deep ? rowsRead(r.explain.deep) : null,
  }));
  log(`rows read by the tickets table's reads, page 1 → deepest: ${deepRows.map((d) => `${d.name} ${d.page1}→${d.deep}`).join('; ')}`);
  return [
    row({
      id: 'queue.p95',
      figure: `Staff queue GET /tickets p95 (worst of ${Object.keys(variants).length} filters: ${worstName})`,
      value: worst,
      target: 20,
      targetText: '≤ 20 ms',
      baseline: `${communityTickets} tickets in community; floor ${results[worstName].floorMs} ms`,
      ratio: round(worst / results[worstName].floorMs, 2),
      details: { variants: results, httpFloor: floor },
    }),
    ...Object.entries(results).map(([name, r]) =>
      row({
        id: `queue.${name}.p95`,
        figure: `  queue ${name} p95 (× floor: its SQL raw + no-op GET)`,
        value: r.http.p95,
        target: 20,
        targetText: '≤ 20 ms',
        baseline: `SQL ${r.sql.page1.p95} + GET ${floor.p95} ms; ${planText(r.explain.page1)}`,
        ratio: round(r.http.p95 / r.floorMs, 2),
      }),
    ),
    ...Object.entries(results).map(([name, r]) =>
      row({
        id: `queue.${name}.deep`,
        figure: `  ${name}: page ${r.walk.pages} vs page 1 (medians of 15, asked alternately)`,
        value: r.walk.lastPagesMs,
        target: round(Math.max(5, r.walk.firstPagesMs * 1.5), 2),
        targetText: '≈ page 1 (≤ 1.5×)',
        baseline: `page 1 ${r.walk.firstPagesMs} ms; rows read ${deepRows.find((d) => d.name === name).page1}→${deepRows.find((d) => d.name === name).deep}`,
        ratio: round(r.walk.lastPagesMs / r.walk.firstPagesMs, 2),
      }),
    ),
    row({
      id: 'queue.explain',
      figure: 'Staff queue EXPLAIN: every statement reads tickets through an index',
      value: plansOk ? 1 : 0,
      unit: 'bool',
      target: 1,
      cmp: '>=',
      targetText: 'index used',
      baseline: '',
      ratio: null,
    }),
  ];
}
// ------------------------------------------------------------------ resident "my requests"

async function myRequests(ctx) {
  const { db, scale, opts } = ctx;
  const r = rng(17);
  const residents = Array.from({ length: 200 }, () => randomResident(r, scale.communities));
  const paths = residents.map(() => `${API}/tickets`);
  const tokens = residents.map((id) => ctx.tokens.resident(id));
  const send = (i) => ctx.http.request({ path: paths[i % paths.length], headers: { authorization: `Bearer ${tokens[i % tokens.length]}` } });
  await closedLoop({ concurrency: 2, count: 50, durationMs: 30_000, send });
  const res = await closedLoop({ concurrency: 4, count: opts.short ? 400 : 1000, durationMs: 60_000, send });
  const s = summary(res.latencies);
  const floor = await httpFloor(ctx, tokens[0]);
  // The resident with the most requests: their list walked to its last page.
  const [[busiest]] = await db.query(
    'SELECT resident_id AS id, COUNT(*) AS n FROM tickets WHERE resident_id IS NOT NULL GROUP BY resident_id ORDER BY n DESC LIMIT 1',
  );
  const token = ctx.tokens.resident(busiest.id);
  const times = [];
  let cursor = null;
  let lastCursor = null;
  for (let page = 1; page <= 500; page++) {
    const x = await ctx.http.request({
      path: `${API}/tickets${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
      headers: { authorization: `Bearer ${token}` },
    });
    if (x.status !== 200) throw new Error(`my requests page ${page}: HTTP ${x.status}`);
    times.push(x.ms);
    lastCursor = cursor;
    cursor = x.json.nextCursor;
    if (!cursor) break;
  }
  const auth = { kind: 'resident', residentId: String(busiest.id), openid: `obench${busiest.id}` };
  const first = await listSql(ctx, auth, {});
  const deep = lastCursor ? await listSql(ctx, auth, { cursor: lastCursor }, { replays: 20 }) : null;
  const pair = { first: [], last: [] };
  for (let i = 0; i < 15 && lastCursor; i++) {
    for (const [k, c] of [
      ['first', null],
      ['last', lastCursor],
    ]) {
      const x = await ctx.http.request({ path: `${API}/tickets${c ? `?cursor=${encodeURIComponent(c)}` : ''}`, headers: { authorization: `Bearer ${token}` } });
      pair[k].push(x.ms);
    }
  }
  const firstMs = summary(pair.first).p50 ?? summary(times).p50;
  const lastMs = summary(pair.last).p50 ?? summary(times).p50;
  const floorMs = round(first.raw.p95 + floor.p95);
  log(
    `my requests p95 ${s.p95} ms (floor ${floorMs}: SQL ${first.raw.p95} + no-op GET ${floor.p95}); busiest resident (${busiest.n}): page ${times.length} ${lastMs} vs page 1 ${firstMs} ms;` +
      ` EXPLAIN page 1 ${planText(first.plans)}, last ${deep ? planText(deep.plans) : '-'}`,
  );
  return [
    row({
      id: 'resident.p95',
      figure: 'Resident "my requests" GET /tickets p95 (× floor: its SQL raw + no-op GET)',
      value: s.p95,
      target: 10,
      targetText: '≤ 10 ms',
      baseline: `SQL ${first.raw.p95} + GET ${floor.p95} ms; ${planText(first.plans)}`,
      ratio: round(s.p95 / floorMs, 2),
      details: { ...s, errors: res.errors, explain: first.plans, httpFloor: floor, sql: first.raw },
    }),
    row({
      id: 'resident.deep',
      figure: `  busiest resident (${busiest.n} requests): page ${times.length} vs page 1`,
      value: lastMs,
      target: round(Math.max(5, firstMs * 1.5), 2),
      targetText: '≈ page 1 (≤ 1.5×)',
      baseline: `page 1 ${firstMs} ms; ${deep ? planText(deep.plans) : ''}`,
      ratio: round(lastMs / firstMs, 2),
      details: { explain: deep?.plans ?? null },
    }),
  ];
}

// ------------------------------------------------------------------ stats

async function stats(ctx) {
  const { db, opts, seed } = ctx;
  const out = [];
  const to = new Date();
  const from = new Date(to.getTime() - 90 * DAY);
  const communities = [
    ['large', 0],
    ['typical', Number(seed.big_communities) + 5],
  ].filter(([, c]) => c < Number(seed.communities));
  for (const [label, c] of communities) {
    const cid = c + 1;
    const token = ctx.tokens.staff(ids.staff(c, 4), [cid], ['supervisor', 'agent']);
    const path_ = `${API}/admin/stats?communityId=${cid}&from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
    const times = [];
    for (let i = 0; i < (opts.short ? 8 : 15); i++) {
      const r = await ctx.http.request({ path: path_, headers: { authorization: `Bearer ${token}` } });
      if (r.status !== 200) throw new Error(`stats HTTP ${r.status} ${r.text.slice(0, 200)}`);
      if (i > 1) times.push(r.ms);
    }
    const [[{ n }]] = await db.query('SELECT COUNT(*) n FROM tickets WHERE community_id = ? AND created_at >= ? AND created_at < ?', [cid, from, to]);
    // The shape of the one pass over the window's tickets (StatsService.cohort).
    const plan = await explain(
      db,
      `SELECT t.type, t.status, t.owner_id, r.id FROM tickets t LEFT JOIN ticket_ratings r ON r.ticket_id = t.id WHERE t.community_id = ${cid} AND t.created_at >= '${from.toISOString().slice(0, 19)}' AND t.created_at < '${to.toISOString().slice(0, 19)}'`,
    );
    const s = summary(times);
    // The floor: the statements GET /admin/stats sends, replayed raw, and the no-op GET.
    const app = await ctx.inProcessApp();
    const { StatsService } = require(path.join(ROOT, 'server/dist/modules/stats/stats.service.js'));
    const auth = {
      kind: 'staff',
      staffId: String(ids.staff(c, 4)),
      name: '主管',
      roles: ['supervisor', 'agent'],
      communityIds: [String(cid)],
      accessVersion: 0,
    };
    const sql = await sqlOf(ctx, () => app.get(StatsService).stats(auth, { communityId: String(cid), from: from.toISOString(), to: to.toISOString() }), {
      replays: opts.short ? 5 : 8,
    });
    const noop = await httpFloor(ctx, token, 1, 30);
    const floorMs = round(sql.raw.p50 + noop.p50);
    log(
      `stats ${label} (community ${cid}, ${n} tickets in 90 days): p50 ${s.p50} p95 ${s.p95} ms; floor ${floorMs} ms (its ${sql.statements.length} statements raw p50 ${sql.raw.p50} + no-op GET ${noop.p50}); EXPLAIN ${planText(sql.plans)}`,
    );
    out.push(
      row({
        id: `stats.${label}`,
        figure: `GET /admin/stats, 90 days, ${label} community (p95 of ${times.length}; × floor: its SQL raw + no-op GET)`,
        value: s.p95,
        target: 150,
        targetText: '≤ 150 ms',
        baseline: `${n} tickets in window; floor ${floorMs} ms`,
        ratio: round(s.p95 / floorMs, 2),
        details: { ...s, explain: plan, plans: sql.plans, sqlRaw: sql.raw, noop },
      }),
    );
  }
  return out;
}

// ------------------------------------------------------------------ SLA scanner

async function slaScanner(ctx) {
  const { db } = ctx;
  const app = await ctx.inProcessApp();
  const { SlaScanner } = require(path.join(ROOT, 'server/dist/modules/sla/sla-scanner.service.js'));
  const scanner = app.get(SlaScanner);
  const [[{ open }]] = await db.query("SELECT COUNT(*) open FROM tickets WHERE status IN ('submitted','accepted','dispatched','in_progress')");
  // Idle pass: nothing due.
  const now0 = new Date();
  await db.query('UPDATE tickets SET next_due_at = ? WHERE next_due_at <= ?', [new Date(now0.getTime() + 3600_000), now0]);
  let t = performance.now();
  const idle = await scanner.scan(new Date());
  const idleMs = performance.now() - t;
  // A full batch due now: half breach their respond limit, half get a warning before their resolve limit.
  const [due] = await db.query("SELECT id FROM tickets WHERE status = 'submitted' AND owner_id IS NOT NULL AND id <= ? ORDER BY id DESC LIMIT 500", [
    ctx.seed.max_ticket_id,
  ]);
  const idsDue = due.map((d) => d.id);
  const now = new Date();
  const half = Math.floor(idsDue.length / 2);
  await db.query(
    `UPDATE tickets SET sla_breached = 0, sla_warned = 0, escalation_level = 0, escalated_at = NULL, respond_by = ?, resolve_by = ?, next_due_at = ? WHERE id IN (?)`,
    [new Date(now.getTime() - 60_000), new Date(now.getTime() + 2 * DAY), new Date(now.getTime() - 1000), idsDue.slice(0, half)],
  );
  await db.query(
    `UPDATE tickets SET sla_breached = 0, sla_warned = 0, escalation_level = 0, escalated_at = NULL, respond_by = ?, resolve_by = ?, next_due_at = ? WHERE id IN (?)`,
    [new Date(now.getTime() + 20 * 60_000), new Date(now.getTime() + 2 * DAY), new Date(now.getTime() - 1000), idsDue.slice(half)],
  );
  const { DataSource } = require(require.resolve('typeorm', { paths: [path.join(ROOT, 'server')] }));
  const capture = captureQueries(app.get(DataSource));
  t = performance.now();
  let busy;
  try {
    busy = await scanner.scan(new Date());
  } finally {
    capture.stop();
  }
  const busyMs = performance.now() - t;
  const statements = capture.log.length;
  const plan = await explain(
    db,
    `SELECT id FROM tickets WHERE next_due_at <= '${now.toISOString().slice(0, 23).replace('T', ' ')}' ORDER BY next_due_at LIMIT 500`,
  );
  const scanOk = plan.every((p) => p.type !== 'ALL') && plan.every((p) => p.key);
  log(
    `SLA scan over ${open} open tickets: idle ${round(idleMs)} ms, ${busy.scanned} due ${round(busyMs)} ms in ${statements} statements (${JSON.stringify(busy)}); EXPLAIN ${JSON.stringify(plan)}`,
  );
  return [
    row({
      id: 'sla.pass',
      figure: `SLA scanner pass, ${busy.scanned} due of ${open} open tickets`,
      value: round(busyMs),
      target: 1000,
      targetText: '≤ 1 s',
      baseline: `idle pass ${round(idleMs)} ms; ${statements} statements`,
      ratio: round(busyMs / 1000, 2),
      details: { idle, busy, idleMs, busyMs, statements, explain: plan },
    }),
    row({
      id: 'sla.explain',
      figure: 'SLA scanner due query uses the next_due_at index (no table scan)',
      value: scanOk ? 1 : 0,
      unit: 'bool',
      target: 1,
      cmp: '>=',
      targetText: 'index range',
      baseline: plan.map((p) => `${p.key}/${p.type}/${p.rows}`).join(','),
      ratio: null,
    }),
  ];
}

// ------------------------------------------------------------------ outbox

async function outbox(ctx) {
  const { db, fake, scale, opts } = ctx;
  const N = 10_000;
  // 10,000 pending notices for 2,000 residents who each granted plenty of subscribe credits.
  const r = rng(23);
  const residents = Array.from({ length: 2000 }, () => randomResident(r, scale.communities));
  const credits = [...new Set(residents)].flatMap((rid) =>
    ['tpl_accepted', 'tpl_dispatched', 'tpl_resolved', 'tpl_reopened', 'tpl_closed', 'tpl_cancelled'].map((tpl) => [rid, tpl, 1000]),
  );
  await db.query('INSERT INTO subscription_credits (resident_id, template_id, credits) VALUES ? ON DUPLICATE KEY UPDATE credits = 1000', [credits]);
  const everyone = Array.from({ length: scale.communities * ROOMS }, (_, k) => [k + 1, 'tpl_accepted', 1000]);
  for (let k = 0; k < everyone.length; k += 5000) {
    await db.query('INSERT INTO subscription_credits (resident_id, template_id, credits) VALUES ? ON DUPLICATE KEY UPDATE credits = 1000', [
      everyone.slice(k, k + 5000),
    ]);
  }
  const now = new Date();
  const [[{ maxNotice }]] = await db.query('SELECT COALESCE(MAX(id), 0) maxNotice FROM notices');
  const notices = [];
  const rows = [];
  for (let i = 0; i < N; i++) {
    const rid = residents[i % residents.length];
    const ticketId = 1 + Math.floor(r() * Number(ctx.seed.max_ticket_id));
    const nid = Number(maxNotice) + 1 + i;
    notices.push([nid, rid, ticketId, 'accepted', '您的报修已受理', `工单 BX20261123-${i} 已由客服受理，我们会尽快为您处理。`, now]);
    rows.push([
      nid,
      rid,
      'accepted',
      JSON.stringify({
        no: `BX20261123-${String(i).padStart(4, '0')}`,
        summary: '水电：卫生间水龙头一直滴水',
        status: '已受理',
        time: now.toISOString(),
        note: '您的报修已受理',
        owner: '客服',
        assignee: '',
        appointment: now.toISOString(),
        title: '您的报修已受理',
        room: '',
      }),
      `subpackages/tickets/pages/detail/index?id=${ticketId}`,
      'pending',
      0,
      now,
      now,
    ]);
  }
  for (let i = 0; i < N; i += 2000) {
    await db.query('INSERT INTO notices (id, resident_id, ticket_id, kind, title, body, created_at) VALUES ?', [notices.slice(i, i + 2000)]);
  }
  const before = fake.state.messages.length;
  let t0;
  const done = new Promise((resolve) => {
    const check = () => {
      if (fake.state.messages.length - before >= N) resolve(performance.now());
    };
    fake.on('message', check);
  });
  t0 = performance.now();
  for (let i = 0; i < N; i += 2000) {
    await db.query('INSERT INTO outbox_messages (notice_id, resident_id, kind, `values`, page, status, attempts, next_attempt_at, created_at) VALUES ?', [
      rows.slice(i, i + 2000),
    ]);
  }
  const finished = await Promise.race([done, sleep(90_000).then(() => null)]);
  const drainSec = finished ? (finished - t0) / 1000 : null;
  const delivered = fake.state.messages.length - before;
  log(`outbox: ${delivered}/${N} delivered in ${drainSec === null ? '>90' : round(drainSec)} s`);
  fake.removeAllListeners('message');

  // Latency from state change (accept committed, HTTP answered) to send, under submission load.
  const sentAt = new Map();
  fake.on('message', (m) => {
    const id = /id=(\d+)/.exec(m.page || '')?.[1];
    if (id && !sentAt.has(id)) sentAt.set(id, Date.now());
  });
  const changedAt = new Map();
  const r2 = rng(29);
  const created = [];
  const seconds = opts.short ? 10 : 20;
  const submitLoad = openLoop({
    rate: 60,
    durationMs: seconds * 1000,
    send: async (i) => {
      const res = await submit(ctx, randomResident(r2, scale.communities), 500_000 + i);
      if (res.status === 201 && res.json.owner) created.push(res.json);
      return res;
    },
  });
  const acceptLoad = (async () => {
    await sleep(1500);
    const acceptRes = await openLoop({
      rate: 40,
      durationMs: (seconds - 2) * 1000,
      send: async () => {
        const t = created.shift();
        if (!t) return { status: 200, ms: 0, end: performance.now(), ok: true };
        const owner = Number(t.owner.id);
        const res = await ctx.http.request({
          method: 'POST',
          path: `${API}/tickets/${t.id}/accept`,
          headers: { authorization: `Bearer ${ctx.tokens.staff(owner, [t.room.communityId], ['agent'])}` },
          body: {},
        });
        if (res.status === 200) changedAt.set(String(t.id), Date.now());
        return res;
      },
    });
    return acceptRes;
  })();
  const [subRes, accRes] = await Promise.all([submitLoad, acceptLoad]);
  // wait for the sends of the last changes
  const until = Date.now() + 15_000;
  while (Date.now() < until && [...changedAt.keys()].some((id) => !sentAt.has(id))) await sleep(200);
  const lat = [...changedAt].filter(([id]) => sentAt.has(id)).map(([id, at]) => Math.max(0, sentAt.get(id) - at));
  const missing = changedAt.size - lat.length;
  const s = summary(lat);
  fake.removeAllListeners('message');
  log(
    `outbox latency: ${lat.length} changes, p50 ${s.p50} p99 ${s.p99} ms, missing ${missing}; submissions ${subRes.completed} (p99 ${summary(subRes.latencies).p99} ms), accepts ${accRes.completed}`,
  );
  return [
    row({
      id: 'outbox.drain',
      figure: `Outbox: ${N} notices delivered to the fake WeChat`,
      value: drainSec === null ? null : round(drainSec, 2),
      unit: 's',
      target: 30,
      targetText: '≤ 30 s',
      baseline: `${round(N / (drainSec || 90), 0)} sends/s`,
      ratio: drainSec === null ? null : round(drainSec / 30, 2),
      details: { delivered },
    }),
    row({
      id: 'outbox.latency.p99',
      figure: 'Outbox: state change → send p99 (60 submissions/s + 40 accepts/s)',
      value: s.p99,
      target: 2000,
      targetText: '≤ 2 s',
      baseline: `p50 ${s.p50} ms, ${lat.length} sends, ${missing} missing`,
      ratio: s.p99 === null ? null : round(s.p99 / 2000, 2),
      details: { ...s, missing, submissions: summary(subRes.latencies), accepts: summary(accRes.latencies) },
    }),
  ];
}

// ------------------------------------------------------------------ staff event streams

/**
 * 500 staff event streams over two server instances: the database statements per second
 * the streams cost (each instance's statements counted in-process, with the streams open
 * minus with none, both while nothing else happens), and how long a change made through
 * one instance takes to reach a stream on the other (submission answered → its
 * `ticket.routed` event on the owner's streams there).
 */
async function streams(ctx) {
  const fs = require('node:fs');
  const http = require('node:http');
  const { startServer } = require('./server');
  const { client } = require('./load');
  const { scale, opts } = ctx;
  const N = 500;
  const instances = [];
  const countFile = (k) => `/tmp/yizhan-bench-queries-${process.pid}-${k}`;
  try {
    for (const k of [0, 1]) {
      instances.push(
        await startServer({
          dbUrl: ctx.dbUrl,
          port: opts.port + 3 + k,
          fakeUrl: ctx.fake.url,
          logFile: path.join(ROOT, `artifacts/bench/server-streams-${k}.log`),
          nodeArgs: ['-r', path.join(__dirname, 'count-queries.js')],
          env: { BENCH_QUERY_COUNT_FILE: countFile(k), OUTBOX_POLL_MS: '0' },
        }),
      );
    }
    const statements = async () => {
      const out = [];
      for (const [k, s] of instances.entries()) {
        fs.rmSync(countFile(k), { force: true });
        s.signal('SIGUSR2');
      }
      for (const k of [0, 1]) {
        const until = Date.now() + 5000;
        while (!fs.existsSync(countFile(k)) && Date.now() < until) await sleep(20);
        out.push(Number(fs.readFileSync(countFile(k), 'utf8')));
      }
      return out[0] + out[1];
    };
    const window = async (ms) => {
      const a = await statements();
      const t = performance.now();
      await sleep(ms);
      const b = await statements();
      return (b - a) / ((performance.now() - t) / 1000);
    };
    const windowMs = opts.short ? 8000 : 15_000;
    const idle = await window(windowMs);
    // The staff: every community's zone agents and night agent, round-robin until 500 streams (several tabs each).
    // Every person with a stream has a tab on both instances, and the submissions below come from
    // the communities they cover: N / 8 of them (4 agents × 2 tabs). Over all communities, xl's
    // 12,000 agents left most submissions' owners without any stream (79 of 80 "missing").
    const covered = Math.min(scale.communities, Math.floor(N / 8));
    const staff = [];
    for (let c = 0; c < covered; c++) for (const k of [0, 1, 2, 3]) staff.push({ c, id: ids.staff(c, k) });
    const arrivals = new Map(); // ticket id → [{ instance, at }]
    const open = [];
    for (let i = 0; i < N; i++) {
      const s = staff[i % staff.length];
      const k = Math.floor(i / staff.length) % 2; // each person's tabs on both instances
      const token = ctx.tokens.staff(s.id, [s.c + 1], ['agent']);
      open.push(
        new Promise((resolve, reject) => {
          const req = http.get({ host: '127.0.0.1', port: opts.port + 3 + k, path: `${API}/staff/events?access_token=${token}`, agent: false }, (res) => {
            if (res.statusCode !== 200) return reject(new Error(`stream HTTP ${res.statusCode}`));
            res.setEncoding('utf8');
            let buf = '';
            res.on('data', (chunk) => {
              const at = performance.now();
              buf += chunk;
              let cut;
              while ((cut = buf.indexOf('\n\n')) >= 0) {
                const block = buf.slice(0, cut);
                buf = buf.slice(cut + 2);
                const data = /^data: (.*)$/m.exec(block)?.[1];
                if (!data) continue;
                const n = JSON.parse(data);
                if (!n.ticketId) continue;
                if (!arrivals.has(n.ticketId)) arrivals.set(n.ticketId, []);
                arrivals.get(n.ticketId).push({ instance: k, at });
              }
            });
            resolve(req);
          });
          req.on('error', reject);
        }),
      );
    }
    const reqs = await Promise.all(open);
    // Every stream has started and read its latest notice id, and each instance's first poll
    // (which wakes all its streams once: notices written while they started) is over.
    await sleep(2500);
    for (let i = 0; i < 30 && (await window(1000)) > 20; i++);
    const busy = await window(windowMs);
    // Changes: submissions through one instance or the other, each routed to a zone agent whose streams are on both.
    const clients = instances.map((s) => client(s.base));
    const changes = [];
    const r = rng(41);
    const count = opts.short ? 40 : 80;
    for (let i = 0; i < count; i++) {
      const k = i % 2;
      const residentId = randomResident(r, covered);
      const res = await clients[k].request({
        method: 'POST',
        path: `${API}/tickets`,
        headers: { authorization: `Bearer ${ctx.tokens.resident(residentId)}`, 'idempotency-key': crypto.randomUUID() },
        body: { ...submitBody(900_000 + i), roomId: String(residentId) },
      });
      if (res.status === 201 && res.json.owner) changes.push({ id: String(res.json.id), via: k, at: res.end });
      await sleep(250 + r() * 250);
    }
    await sleep(3000);
    for (const req of reqs) req.destroy();
    for (const c of clients) c.close();
    const cross = [];
    const same = [];
    let missing = 0;
    for (const ch of changes) {
      const got = arrivals.get(ch.id) ?? [];
      const other = got.filter((a) => a.instance !== ch.via);
      const here = got.filter((a) => a.instance === ch.via);
      if (!other.length) missing++;
      for (const a of other) cross.push(Math.max(0, a.at - ch.at));
      for (const a of here) same.push(Math.max(0, a.at - ch.at));
    }
    const sc = summary(cross);
    const ss = summary(same);
    const perSec = busy - idle;
    log(
      `streams: ${N} over 2 instances; statements/s idle ${round(idle)} → with streams ${round(busy)} (${round(perSec)} from streams); change → alert on the other instance p50 ${sc.p50} p99 ${sc.p99} ms (${cross.length} alerts of ${changes.length} changes, ${missing} missing), same instance p99 ${ss.p99} ms`,
    );
    return [
      row({
        id: 'streams.queries',
        figure: `Staff event streams: DB statements/s from ${N} streams on 2 instances`,
        value: round(Math.max(0, perSec), 1),
        unit: '/s',
        target: 10,
        targetText: '≤ 10/s (was 250+)',
        baseline: `idle ${round(idle, 1)}/s; with streams ${round(busy, 1)}/s`,
        ratio: round(Math.max(0, perSec) / N, 3),
        details: { idle, busy },
      }),
      row({
        id: 'streams.latency.p99',
        figure: 'Staff event streams: change on one instance → alert on the other, p99',
        value: sc.p99 ?? null,
        target: 2000,
        targetText: '≤ 2 s',
        baseline: `p50 ${sc.p50} ms; same instance p99 ${ss.p99} ms; ${cross.length} alerts, ${missing} missing`,
        ratio: sc.p99 == null ? null : round(sc.p99 / 2000, 2),
        details: { cross: sc, same: ss, changes: changes.length, missing },
      }),
    ];
  } finally {
    for (const s of instances) await s.stop();
    for (const k of [0, 1]) fs.rmSync(countFile(k), { force: true });
  }
}

// ------------------------------------------------------------------ uploads

async function makeJpeg() {
  const sharp = require(require.resolve('sharp', { paths: [path.join(ROOT, 'server')] }));
  const width = 4000;
  const height = 3000;
  const raw = Buffer.alloc(width * height * 3);
  const r = rng(31);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const n = r() * 40;
      raw[i] = (x / 16 + n) & 255;
      raw[i + 1] = (y / 12 + n) & 255;
      raw[i + 2] = ((x + y) / 28 + n) & 255;
    }
  }
  let best = null;
  for (const quality of [70, 78, 85, 90]) {
    const buf = await sharp(raw, { raw: { width, height, channels: 3 } })
      .jpeg({ quality })
      .withMetadata({ orientation: 6 })
      .toBuffer();
    best = buf;
    if (buf.length >= 4.5 * 1024 * 1024) break;
  }
  return best;
}

function multipart(file) {
  const boundary = `----bench${crypto.randomBytes(8).toString('hex')}`;
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="photo.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { body: Buffer.concat([head, file, tail]), contentType: `multipart/form-data; boundary=${boundary}` };
}

async function uploads(ctx) {
  const jpeg = await makeJpeg();
  const { body, contentType } = multipart(jpeg);
  let k = 0;
  const send = () =>
    ctx.http.request({
      method: 'POST',
      path: `${API}/uploads`,
      headers: { authorization: `Bearer ${ctx.tokens.resident(ids.room(0, k++ % ROOMS))}`, 'content-type': contentType },
      body,
      timeoutMs: 60_000,
    });
  const warm = await send();
  if (warm.status !== 201) throw new Error(`upload HTTP ${warm.status} ${warm.error ?? String(warm.text).slice(0, 200)}`);
  const single = [];
  for (let i = 0; i < 8; i++) single.push((await send()).ms);
  const s = summary(single);
  // The floor: sharp's bare resize of the same photo to the stored size (2560 px JPEG), here in the bench's process.
  const sharp = require(require.resolve('sharp', { paths: [path.join(ROOT, 'server')] }));
  const bare = [];
  for (let i = 0; i < 8; i++) {
    const t = performance.now();
    await sharp(jpeg).resize(2560, 2560, { fit: 'inside' }).jpeg().toBuffer();
    bare.push(performance.now() - t);
  }
  const b = summary(bare);
  // 20 at once, sampling the server's RSS.
  let peak = ctx.server.rssMb();
  const before = peak;
  const sampler = setInterval(() => {
    const v = ctx.server.rssMb();
    if (v && v > peak) peak = v;
  }, 20);
  const t = performance.now();
  const all = await Promise.all(Array.from({ length: 20 }, send));
  const wall = performance.now() - t;
  clearInterval(sampler);
  const ok = all.filter((r) => r.status === 201).length;
  log(
    `upload ${round(jpeg.length / 1048576)} MB 12 MP: median ${s.p50} ms; 20 concurrent: ${ok}/20 ok in ${round(wall)} ms, RSS ${round(before)} → peak ${round(peak)} MB`,
  );
  return [
    row({
      id: 'upload.single',
      figure: `Photo upload ${round(jpeg.length / 1048576, 1)} MB 12 MP JPEG (median of 8; × sharp's bare resize)`,
      value: s.p50,
      target: 400,
      targetText: '≤ 400 ms',
      baseline: `bare resize ${b.p50} ms; p95 ${s.p95} ms`,
      ratio: round(s.p50 / b.p50, 2),
      details: { ...s, bareResize: b },
    }),
    row({
      id: 'upload.rss',
      figure: `20 concurrent uploads: server peak RSS (${ok}/20 ok, ${round(wall / 1000, 1)} s)`,
      value: round(peak, 0),
      unit: 'MB',
      target: 600,
      targetText: '< 600 MB',
      baseline: `before ${round(before, 0)} MB`,
      ratio: round(peak / 600, 2),
      details: { ok, wallMs: wall, statuses: all.map((r) => r.status) },
    }),
  ];
}

module.exports = { streams, submission, staffQueue, queuePaired, myRequests, stats, slaScanner, outbox, uploads, ctxTokens, queueSql, explain };
