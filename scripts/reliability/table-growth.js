#!/usr/bin/env node
'use strict';
/**
 * Bounded tables under a steady load: one server with the table sweep running every
 * second (SWEEP_MS) and the outbox worker on; each simulated "day" brings the same
 * load (submissions with Idempotency-Keys, accepts — resident notices and outbox rows —,
 * staff sign-ins — refresh tokens —, every notice read), then the day passes: every
 * time the sweep judges by is moved one day back in the database, and the sweep gets
 * a few passes. The tables the sweep keeps must stop growing once the retention
 * windows are full (OUTBOX_KEEP_DAYS=2, READ_NOTICES_KEEP_DAYS=2; idempotency keys
 * 24 h; refresh tokens, made short-lived here, at expiry), while the requests stay.
 *
 *   node scripts/reliability/table-growth.js [--days 8] [--per-day 20]
 */
const h = require('./lib/harness');

const ARGS = h.parseArgs(process.argv.slice(2), { days: 8, perDay: 20 });
const TABLES = {
  idempotency_keys: 'created_at',
  refresh_tokens: 'expires_at',
  rate_limit_counters: 'expires_at',
  outbox_messages: 'next_attempt_at',
  notices: 'read_at',
  staff_notices: 'read_at',
};

async function run(report) {
  const db = h.dbName('growth');
  h.onCleanup(() => h.dropDatabase(db));
  const fake = await h.startFake('growth');
  const server = h.serverProcess({
    name: 'growth-server',
    db,
    fake,
    env: {
      SWEEP_MS: '1000',
      SWEEP_BATCH: '50',
      OUTBOX_KEEP_DAYS: '2',
      READ_NOTICES_KEEP_DAYS: '2',
      RATE_LIMIT_STORE: 'database',
      REFRESH_TOKEN_TTL_SEC: '600',
    },
  });
  await server.start();
  const pool = h.dbPool(db);
  h.onCleanup(() => pool.end());
  const world = new h.World(server.base);
  const community = await world.community('稳态花园', 4);
  const agent = await world.staff('kefu_growth', ['agent'], [community.id]);
  await world.onDuty(community.id, community.zoneId, agent.id);
  const residents = [];
  for (let i = 0; i < 4; i++) residents.push(await world.resident(`growth${i}`, community.rooms[i], { tpl_accepted: 1000 }));
  const api = h.client(server.base);
  const count = async (table) => Number((await pool.query(`SELECT COUNT(*) AS n FROM ${table}`))[0][0].n);

  const sizes = [];
  let failures = 0;
  for (let day = 0; day < ARGS.days; day++) {
    await h.pool(ARGS.perDay, 4, async (i) => {
      const r = residents[i % residents.length];
      const res = await api.post('/tickets', h.repairBody(r.roomId, `day${day}#${i}`), {
        token: r.token,
        headers: { 'Idempotency-Key': `growth-${day}-${i}` },
      });
      if (res.status !== 201) return void failures++;
      const acc = await api.post(`/tickets/${res.json.id}/accept`, {}, { token: agent.token });
      if (acc.status !== 200) failures++;
    });
    agent.token = await world.staffLogin('kefu_growth');
    await h.sleep(1500); // the outbox sends the day's messages
    for (const r of residents) {
      const page = await api.get('/notices?limit=50', { token: r.token });
      for (const n of page.json?.items ?? []) if (!n.readAt) await api.post(`/notices/${n.id}/read`, undefined, { token: r.token });
    }
    const staffPage = await api.get('/staff/notices?limit=100', { token: agent.token });
    for (const n of staffPage.json?.items ?? []) if (!n.readAt) await api.post(`/staff/notices/${n.id}/read`, undefined, { token: agent.token });
    const row = {};
    for (const table of Object.keys(TABLES)) row[table] = await count(table);
    sizes.push(row);
    h.log(`day ${day}: ${JSON.stringify(row)}`);
    // The day passes, and the sweep gets a few passes.
    for (const [table, column] of Object.entries(TABLES))
      await pool.query(`UPDATE ${table} SET ${column} = ${column} - INTERVAL 1 DAY WHERE ${column} IS NOT NULL`);
    await h.sleep(2500);
  }
  report.set('days', ARGS.days);
  report.set('submissionsPerDay', ARGS.perDay);
  report.set('tableSizesByDay', sizes);
  report.set('tableSizesAfter', Object.fromEntries(await Promise.all(Object.keys(TABLES).map(async (t) => [t, await count(t)]))));
  report.set('tickets', await count('tickets'));
  report.check(failures === 0, `${failures} submissions or accepts failed`);
  for (const table of Object.keys(TABLES)) {
    const series = sizes.map((s) => s[table]);
    const settled = series.slice(3);
    report.check(Math.max(...settled) <= series[2], `${table} kept growing: ${series.join(' → ')}`);
    report.check(Math.max(...series) > 0, `${table} never had rows: the check proves nothing`);
  }
  report.check((await count('tickets')) === ARGS.days * ARGS.perDay, 'requests were swept');
  api.close();
  world.close();
}

if (require.main === module) h.main('table-growth', run);
module.exports = { run };
