import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Response } from 'express';
import { INestApplication } from '@nestjs/common';
import { createApp } from '../src/app.factory';
import { DrainService } from '../src/common/lifecycle/drain.service';
import { HealthController } from '../src/modules/health/health.controller';
import { TableSweeper } from '../src/modules/housekeeping/table-sweeper.service';
import { OutboxWorker } from '../src/modules/notices/outbox.worker';
import { startTestApp, TEST_DB, TestApp } from './support/test-app';
import { World } from './support/world';

/** Issue 20: running it for years — probes, graceful shutdown, bounded tables, the room keyword, shared rate limits. */

/** Opens a staff event stream on a listening server and collects what arrives until it ends. */
function openStream(port: number, token: string): Promise<{ text: () => string; ended: Promise<void> }> {
  return new Promise((resolve, reject) => {
    let text = '';
    const req = http.get(
      { host: '127.0.0.1', port, path: `/api/v1/staff/events?access_token=${encodeURIComponent(token)}`, headers: { accept: 'text/event-stream' } },
      (res) => {
        if (res.statusCode !== 200) return reject(new Error(`stream answered ${res.statusCode}`));
        res.setEncoding('utf8');
        const ended = new Promise<void>((done) => res.on('end', () => done()));
        res.on('data', (chunk: string) => (text += chunk));
        resolve({ text: () => text, ended });
      },
    );
    req.on('error', reject);
  });
}

function fakeResponse(): Response & { code: number } {
  const res = {
    code: 200,
    status(code: number) {
      res.code = code;
      return res;
    },
  };
  return res as unknown as Response & { code: number };
}

describe('health probes and graceful shutdown', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp('drain');
    w = new World(t);
  });
  afterAll(() => t.close());

  it('has no /metrics without METRICS_TOKEN', async () => {
    expect((await t.http.get('/metrics')).status).toBe(404);
  });

  it('answers liveness and readiness (database up, migrations applied) beside /health', async () => {
    expect((await t.http.get('/api/v1/health/live')).body).toEqual({ status: 'ok' });
    const ready = await t.http.get('/api/v1/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', db: 'up', migrations: true });
    expect((await t.http.get('/api/v1/health')).body).toEqual({ status: 'ok', db: 'up' });
  });

  it('on shutdown tells every open event stream to reconnect, ends them, and reports not ready', async () => {
    const c = await w.community();
    const agent = await w.staff('d_agent', ['agent'], [c.id]);
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const streams = await Promise.all(Array.from({ length: 20 }, () => openStream(port, agent.token)));
    const started = Date.now();
    await t.app.get(DrainService).beforeApplicationShutdown();
    await Promise.all(streams.map((s) => s.ended));
    expect(Date.now() - started).toBeLessThan(3000);
    for (const s of streams) expect(s.text()).toMatch(/retry: (1\d{3})\n/);
    const res = fakeResponse();
    const ready = await t.app.get(HealthController).ready(res);
    expect(res.code).toBe(503);
    expect(ready.status).toBe('draining');
    expect(t.app.get(HealthController).live()).toEqual({ status: 'ok' });
    // The hook ran once: app.close() (in t.close()) finds the instance already drained.
    expect(t.app.get(DrainService).draining).toBe(true);
  });
});

describe('the room keyword of a subscribe message', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp('room', {
      WECHAT_TEMPLATES: JSON.stringify({ accepted: { templateId: 'tpl_room', data: { character_string1: 'no', thing5: 'room', phrase3: 'status' } } }),
    });
    w = new World(t);
  });
  afterAll(() => t.close());

  it('carries the label of the request’s room', async () => {
    const c = await w.community();
    const agent = await w.staff('r_agent', ['agent'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
    const resident = await w.resident('r_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_room: 'accept' } });
    const ticket = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    await w.ok(agent.token, 'post', `/tickets/${ticket.id}/accept`, {});
    expect(await t.app.get(OutboxWorker).drainOnce()).toEqual({ claimed: 1, delivered: 1 });
    const [sent] = t.fake.messages({ template_id: 'tpl_room' });
    expect(c.roomA.label).toMatch(/1201/);
    expect(sent!.data.thing5!.value).toBe(c.roomA.label);
    expect(sent!.data.character_string1!.value).toBe(ticket.no);
  });
});

describe('bounded tables', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp('sweep', { SWEEP_BATCH: '10', OUTBOX_KEEP_DAYS: '2', READ_NOTICES_KEEP_DAYS: '2', RATE_LIMIT_STORE: 'database' });
    w = new World(t);
  });
  afterAll(() => t.close());

  const TABLES = {
    idempotency_keys: 'created_at',
    refresh_tokens: 'expires_at',
    rate_limit_counters: 'expires_at',
    outbox_messages: 'next_attempt_at',
    notices: 'read_at',
    staff_notices: 'read_at',
  } as const;
  type Table = keyof typeof TABLES;
  const count = async (table: string) => Number((await t.sql<{ n: string }>(`SELECT COUNT(*) AS n FROM ${table}`))[0]!.n);
  /** A day passes: every time the sweep judges by moves one day back. */
  const aDayPasses = async () => {
    for (const [table, column] of Object.entries(TABLES)) {
      const shifted = TEST_DB === 'sqlite' ? `strftime('%Y-%m-%d %H:%M:%f', ${column}, '-1 day')` : `${column} - INTERVAL 1 DAY`;
      await t.sql(`UPDATE ${table} SET ${column} = ${shifted} WHERE ${column} IS NOT NULL`);
    }
  };

  it('sweeps only what is past keeping, in batches', async () => {
    const sweeper = t.app.get(TableSweeper);
    await sweeper.sweepOnce(); // start from what is there
    const c = await w.community();
    const agent = await w.staff('s_agent', ['agent'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
    const resident = await w.resident('s_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    for (let i = 0; i < 25; i++) await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id), { 'Idempotency-Key': `sweep-${i}` });
    const keys = await count('idempotency_keys');
    expect(keys).toBeGreaterThanOrEqual(25);
    expect((await sweeper.sweepOnce()).counts['idempotency keys']).toBe(0); // all inside their window
    await aDayPasses();
    const { counts } = await sweeper.sweepOnce();
    expect(counts['idempotency keys']).toBe(keys); // three batches of at most 10
    expect(counts['rate-limit windows']).toBeGreaterThan(0);
    expect(await count('idempotency_keys')).toBe(0);
    // Unread notices stay however old; refresh tokens a day old are still valid (14 d).
    expect(counts['read staff notices']).toBe(0);
    expect(await count('staff_notices')).toBeGreaterThanOrEqual(25);
    expect(counts['expired refresh tokens']).toBe(0);
  });

  it('keeps every table from growing under a steady load', async () => {
    const sweeper = t.app.get(TableSweeper);
    const worker = t.app.get(OutboxWorker);
    const c = await w.community('稳态花园');
    const agent = await w.staff('g_agent', ['agent'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
    const resident = await w.resident('g_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    const sizes: Record<Table, number>[] = [];
    for (let day = 0; day < 7; day++) {
      // A day's load: submissions with keys, accepts (notices + outbox), a staff sign-in (a refresh token), everything read.
      for (let i = 0; i < 4; i++) {
        const ticket = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id), { 'Idempotency-Key': `day${day}-${i}` });
        await w.ok(agent.token, 'post', `/tickets/${ticket.id}/accept`, {});
      }
      await w.staffLogin('g_agent');
      await worker.drainOnce();
      for (const n of (await w.ok(resident.token, 'get', '/notices?limit=50')).items)
        if (!n.readAt) await w.ok(resident.token, 'post', `/notices/${n.id}/read`);
      for (const n of (await w.ok(agent.token, 'get', '/staff/notices?limit=50')).items)
        if (!n.readAt) await w.ok(agent.token, 'post', `/staff/notices/${n.id}/read`);
      // The size at the end of the day, before that night's sweep: the most each table holds.
      const row = {} as Record<Table, number>;
      for (const table of Object.keys(TABLES) as Table[]) row[table] = await count(table);
      sizes.push(row);
      await aDayPasses();
      await sweeper.sweepOnce();
    }
    // Refresh tokens live 14 days: shorten the tail so the test sees them go too.
    await t.sql(`UPDATE refresh_tokens SET expires_at = created_at`);
    await sweeper.sweepOnce();
    expect(await count('refresh_tokens')).toBe(0);
    // From the third day on, every swept table holds at most what two days' load leaves.
    for (const table of ['idempotency_keys', 'rate_limit_counters', 'outbox_messages', 'notices', 'staff_notices'] as Table[]) {
      const series = sizes.map((s) => s[table]);
      expect({ table, steady: Math.max(...series.slice(3)) <= series[2]! }).toEqual({ table, steady: true });
      expect(Math.max(...series)).toBeGreaterThan(0);
    }
    // Each day's rows are gone once past keeping: one day of keys; outbox rows two days
    // after their last attempt — which for a sent row is its claim's lease end, a minute
    // after the send, so here three days of rows (the day-old steps make the minute count).
    expect(sizes[6]!.idempotency_keys).toBe(4);
    expect(sizes[6]!.outbox_messages).toBe(12);
    expect(await count('idempotency_keys')).toBe(0);
    expect(await count('tickets')).toBeGreaterThanOrEqual(28); // the requests themselves stay
  });
});

describe('rate limits shared by two instances', () => {
  let t: TestApp;
  let second: INestApplication | null = null;
  beforeAll(async () => {
    t = await startTestApp('limits', { RATE_LIMIT_WRITE_PER_MIN: '6', RATE_LIMIT_STORE: 'database' });
  });
  afterAll(async () => {
    await second?.close();
    await t.close();
  });

  it('counts one limit across instances, in the database', async () => {
    const w = new World(t);
    const c = await w.community();
    const resident = await w.resident('l_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    // The same database, a second process's worth of server (on SQLite, the same file: still one counter table).
    second = await createApp(t.config, { logger: ['error'] });
    await second.init();
    const other = second.getHttpServer();
    // Fixed one-minute windows: do not start in the last seconds of one.
    while (new Date().getSeconds() > 45) await new Promise((r) => setTimeout(r, 1000));
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const server = i % 2 === 0 ? t.app.getHttpServer() : other;
      const res = await (
        await import('supertest')
      )
        .default(server)
        .post('/api/v1/tickets')
        .set('Authorization', `Bearer ${resident.token}`)
        .send(w.repair(c.roomA.id));
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body.code).toBe('RATE_LIMITED');
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 201, 429, 429]);
    const rows = await t.sql<{ hits: number }>('SELECT hits FROM rate_limit_counters ORDER BY hits DESC');
    expect(Number(rows[0]!.hits)).toBe(8);
  });
});

describe('metrics', () => {
  let t: TestApp;
  let w: World;
  const TOKEN = 'metrics-token-for-tests';
  beforeAll(async () => {
    t = await startTestApp('metrics', { METRICS_TOKEN: TOKEN });
    w = new World(t);
  });
  afterAll(() => t.close());

  it('serves Prometheus metrics to the holder of the token only', async () => {
    expect((await t.http.get('/metrics')).status).toBe(401);
    expect((await t.http.get('/metrics').set('Authorization', 'Bearer wrong-token-for-tests!!')).status).toBe(401);
    const c = await w.community();
    const agent = await w.staff('m_agent', ['agent'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
    const resident = await w.resident('m_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    const ticket = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    await w.ok(agent.token, 'post', `/tickets/${ticket.id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${ticket.id}/accept`, {}).catch(() => undefined); // a 409
    const before = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(before.status).toBe(200);
    expect(before.headers['content-type']).toMatch(/^text\/plain/);
    expect(before.text).toMatch(/yizhan_outbox_pending 1\n/);
    expect(before.text).toMatch(/yizhan_outbox_oldest_pending_age_seconds \d/);
    await t.app.get(OutboxWorker).drainOnce();
    const res = await t.http.get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    const text = res.text;
    expect(text).toMatch(/yizhan_http_requests_total\{method="POST",route="\/api\/v1\/tickets",status="201"\} 1\n/);
    expect(text).toMatch(/yizhan_http_requests_total\{method="POST",route="\/api\/v1\/tickets\/:id\/accept",status="409"\} 1\n/);
    expect(text).toMatch(/yizhan_http_request_duration_seconds_bucket\{le="\+Inf",method="POST",route="\/api\/v1\/tickets"\} 1\n/);
    expect(text).toMatch(/yizhan_wechat_sends_total\{outcome="delivered",errcode="0"\} 1\n/);
    expect(text).toMatch(/yizhan_outbox_pending 0\n/);
    expect(text).toMatch(/yizhan_sla_scanner_lag_seconds \d/);
    expect(text).toMatch(/yizhan_staff_event_streams 0\n/);
    expect(text).toMatch(/yizhan_db_pool_connections\{state="open"\} \d/);
    expect(text).toMatch(/yizhan_nodejs_eventloop_lag_seconds/);
  });
});

describe('a small database pool under concurrent submissions', () => {
  let t: TestApp;
  const poolSize = process.env.DB_POOL_SIZE;
  beforeAll(async () => {
    // Two connections: a submission that took a second one inside its transaction would leave none.
    process.env.DB_POOL_SIZE = '2';
    t = await startTestApp('small_pool');
  });
  afterAll(async () => {
    await t.close();
    if (poolSize === undefined) delete process.env.DB_POOL_SIZE;
    else process.env.DB_POOL_SIZE = poolSize;
  });

  it('serves eight at once from eight communities whose time limits are not cached yet', async () => {
    const w = new World(t);
    const residents = [];
    for (let i = 0; i < 8; i++) {
      const c = await w.community(`池塘花园${i}`);
      residents.push({ roomId: c.roomA.id, token: (await w.resident(`pool_res${i}`, { roomId: c.roomA.id, name: '张伟', phone: '13812341234' })).token });
    }
    const statuses = await Promise.all(
      residents.map(
        async ({ roomId, token }) =>
          (await t.http.post('/api/v1/tickets').set('Authorization', `Bearer ${token}`).send(w.repair(roomId)).timeout(10_000)).status,
      ),
    );
    expect(statuses).toEqual(Array(8).fill(201));
    expect((await t.http.get('/api/v1/health').timeout(5000)).status).toBe(200);
  });
});
