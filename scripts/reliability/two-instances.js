#!/usr/bin/env node
'use strict';
/**
 * Two server instances on one database (different ports, both with the outbox worker
 * and the SLA scanner on), started at the same moment (migrations under their lock):
 *   - residents' submissions spread across both;
 *   - pooled tickets claimed concurrently through both: exactly one winner each;
 *   - deadlines forced into the past by SQL: both scanners run, every breach is
 *     recorded once (one 'overdue' per clock, one 'escalated' per level, one notice);
 *   - accepts and resolves through both, the outbox drained by both: every notice with
 *     a credit delivered exactly once, nothing sent twice.
 *
 *   node scripts/reliability/two-instances.js [--routed 40] [--pooled 30] [--residents 10]
 */
const h = require('./lib/harness');
const { ticketConsistency, waitOutboxDrained, outboxDelivery } = require('./lib/checks');

const ARGS = h.parseArgs(process.argv.slice(2), { routed: 40, pooled: 30, residents: 10, claimers: 3 });
const CREDITS = [{ tpl_accepted: 2, tpl_resolved: 1 }, { tpl_accepted: 50, tpl_resolved: 50 }, {}];

async function waitFor(what, fn, timeoutMs) {
  const started = h.now();
  while (h.now() - started < timeoutMs) {
    if (await fn()) return h.now() - started;
    await h.sleep(200);
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}

async function run(report) {
  const db = h.dbName('two');
  h.onCleanup(() => h.dropDatabase(db));
  const fake = await h.startFake('two');
  const env = { OUTBOX_POLL_MS: '100', SLA_SCAN_MS: '200', SLA_WARN_LEAD_SEC: '0' };
  const a = h.serverProcess({ name: 'two-server-a', db, fake, env });
  const b = h.serverProcess({ name: 'two-server-b', db, fake, env });
  const [msA, msB] = await Promise.all([a.start(), b.start()]);
  report.set('concurrentStartMs', [Math.round(msA), Math.round(msB)]);
  const apis = [h.client(a.base), h.client(b.base)];
  const pool = h.dbPool(db);
  h.onCleanup(() => pool.end());
  const [[{ n: migrations }]] = await pool.query('SELECT COUNT(*) AS n, COUNT(DISTINCT name) AS d FROM migrations');
  const [[{ d: distinctMigrations }]] = await pool.query('SELECT COUNT(DISTINCT name) AS d FROM migrations');
  report.check(Number(migrations) === Number(distinctMigrations), `migrations applied twice (${migrations} rows, ${distinctMigrations} distinct)`);

  // ---- the world: a routed community (agent on duty + supervisor) and a pooled one (nobody on duty)
  const world = new h.World(a.base);
  const routed = await world.community('双实例花园', ARGS.residents);
  const pooled = await world.community('无人值班苑', ARGS.residents);
  const agent = await world.staff('kefu_two', ['agent'], [routed.id]);
  await world.onDuty(routed.id, routed.zoneId, agent.id);
  const supervisor = await world.staff('zhuguan_two', ['supervisor'], [routed.id, pooled.id]);
  const claimers = [];
  for (let i = 0; i < ARGS.claimers; i++) claimers.push(await world.staff(`kefu_pool${i}`, ['agent'], [pooled.id]));
  const granted = new Map();
  const residents = { routed: [], pooled: [] };
  for (const [kind, community] of [
    ['routed', routed],
    ['pooled', pooled],
  ]) {
    await h.pool(ARGS.residents, 4, async (i) => {
      const credits = CREDITS[i % CREDITS.length];
      const r = await world.resident(`two-${kind}${i}`, community.rooms[i], credits);
      residents[kind][i] = r;
      granted.set(r.id, { tpl_accepted: credits.tpl_accepted ?? 0, tpl_resolved: credits.tpl_resolved ?? 0 });
    });
  }
  world.close();
  void supervisor;

  // ---- submissions spread across both instances
  const perInstance = [0, 0];
  const submitted = { routed: [], pooled: [] };
  let failures = 0;
  for (const [kind, n] of [
    ['routed', ARGS.routed],
    ['pooled', ARGS.pooled],
  ]) {
    await h.pool(n, 6, async (i) => {
      const r = residents[kind][i % ARGS.residents];
      const which = i % 2;
      const res = await apis[which].post('/tickets', h.repairBody(r.roomId, `two-${kind}#${i}`), {
        token: r.token,
        headers: { 'Idempotency-Key': `two-${kind}-${i}` },
      });
      if (res.status !== 201) {
        failures++;
        report.check(false, `submission ${kind}#${i} via ${'AB'[which]}: ${res.status} ${res.json?.code ?? res.error}`);
        return;
      }
      perInstance[which]++;
      submitted[kind].push(String(res.json.id));
    });
  }
  report.set('submissionsPerInstance', { A: perInstance[0], B: perInstance[1] });
  report.check(failures === 0, `${failures} submissions failed`);
  const [poolRows] = await pool.query(`SELECT id, owner_id FROM tickets WHERE community_id = ?`, [pooled.id]);
  report.check(
    poolRows.every((r) => r.owner_id === null),
    'a ticket of the community without duty went to an owner',
  );

  // ---- concurrent claims: every claimer at once, alternating instances
  let winners = 0;
  let multipleWinners = 0;
  let noWinner = 0;
  const losers = {};
  const claimedBy = new Map();
  await h.pool(submitted.pooled.length, 4, async (i) => {
    const id = submitted.pooled[i];
    const results = await Promise.all(claimers.map((c, k) => apis[(i + k) % 2].post(`/tickets/${id}/claim`, {}, { token: c.token })));
    const won = results.map((res, k) => (res.status === 200 ? k : -1)).filter((k) => k >= 0);
    for (const res of results) if (res.status !== 200) losers[`${res.status} ${res.json?.code}`] = (losers[`${res.status} ${res.json?.code}`] ?? 0) + 1;
    if (won.length === 1) {
      winners++;
      claimedBy.set(id, claimers[won[0]].id);
    } else if (won.length > 1) multipleWinners++;
    else noWinner++;
  });
  const [owners] = await pool.query(
    `SELECT t.id, t.owner_id, (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'claimed') AS claims FROM tickets t WHERE community_id = ?`,
    [pooled.id],
  );
  const wrongOwner = owners.filter((o) => String(o.owner_id) !== claimedBy.get(String(o.id)) || Number(o.claims) !== 1).length;
  report.set('claimRaces', submitted.pooled.length);
  report.set('claimWinners', winners);
  report.set('claimLosers', losers);
  report.check(multipleWinners === 0, `${multipleWinners} pooled tickets had several winning claims`);
  report.check(noWinner === 0, `${noWinner} pooled tickets had no winning claim`);
  report.check(wrongOwner === 0, `${wrongOwner} pooled tickets whose owner/claimed events disagree with the winner`);
  report.check(
    Object.keys(losers).every((k) => k === '409 ALREADY_OWNED'),
    `losing claims answered ${JSON.stringify(losers)}`,
  );

  // ---- SLA on both: respond deadlines forced into the past
  const all = [...submitted.routed, ...submitted.pooled];
  const inList = all.map(() => '?').join(',');
  await pool.query(
    `UPDATE tickets SET respond_by = UTC_TIMESTAMP(3) - INTERVAL 2 HOUR, next_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id IN (${inList})`,
    all,
  );
  const level1Ms = await waitFor(
    'every forced ticket to breach (level 1)',
    async () => {
      const [[{ n }]] = await pool.query(
        `SELECT COUNT(*) AS n FROM tickets WHERE id IN (${inList}) AND escalation_level >= 1 AND (next_due_at IS NULL OR next_due_at > UTC_TIMESTAMP(3))`,
        all,
      );
      return Number(n) === all.length;
    },
    20_000,
  );
  // Second level: the first escalation is made two hours old.
  await pool.query(
    `UPDATE tickets SET escalated_at = UTC_TIMESTAMP(3) - INTERVAL 2 HOUR, next_due_at = UTC_TIMESTAMP(3) - INTERVAL 1 SECOND WHERE id IN (${inList})`,
    all,
  );
  const level2Ms = await waitFor(
    'every forced ticket to escalate to level 2',
    async () => {
      const [[{ n }]] = await pool.query(`SELECT COUNT(*) AS n FROM tickets WHERE id IN (${inList}) AND escalation_level = 2`, all);
      return Number(n) === all.length;
    },
    20_000,
  );
  await h.sleep(1000); // a few more passes of both scanners: nothing more may happen
  const [sla] = await pool.query(
    `SELECT t.id,
       (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'overdue') AS overdue,
       (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'overdue' AND e.data LIKE '%"respond"%') AS overdueRespond,
       (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'escalated' AND e.data LIKE '%"level":1%') AS esc1,
       (SELECT COUNT(*) FROM ticket_events e WHERE e.ticket_id = t.id AND e.type = 'escalated' AND e.data LIKE '%"level":2%') AS esc2,
       (SELECT COUNT(*) FROM staff_notices n WHERE n.ticket_id = t.id AND n.kind = 'sla_overdue') AS overdueNotices,
       (SELECT COUNT(*) FROM staff_notices n WHERE n.ticket_id = t.id AND n.kind = 'escalated') AS escNotices
     FROM tickets t WHERE t.id IN (${inList})`,
    all,
  );
  const [[{ n: admins }]] = await pool.query("SELECT COUNT(*) AS n FROM staff WHERE active = 1 AND FIND_IN_SET('admin', roles) > 0");
  const doubleOverdue = sla.filter((r) => Number(r.overdueRespond) !== 1 || Number(r.overdue) !== 1).length;
  const doubleEscalated = sla.filter((r) => Number(r.esc1) !== 1 || Number(r.esc2) !== 1).length;
  // Level 1 tells the community's supervisor(s) (one here), level 2 the admins; the owner (if any) gets one overdue notice.
  const badNotices = sla.filter((r) => Number(r.escNotices) !== 1 + Number(admins) || Number(r.overdueNotices) !== 1).length;
  report.set('slaForcedTickets', all.length);
  report.set(
    'slaOverdueEvents',
    sla.reduce((s, r) => s + Number(r.overdue), 0),
  );
  report.set(
    'slaEscalatedEvents',
    sla.reduce((s, r) => s + Number(r.esc1) + Number(r.esc2), 0),
  );
  report.set('slaLevel1Ms', Math.round(level1Ms));
  report.set('slaLevel2Ms', Math.round(level2Ms));
  report.check(doubleOverdue === 0, `${doubleOverdue} tickets without exactly one 'overdue' (respond) event`);
  report.check(doubleEscalated === 0, `${doubleEscalated} tickets without exactly one escalation per level`);
  report.check(badNotices === 0, `${badNotices} tickets with a wrong number of overdue/escalation staff notices`);

  // ---- accepts and resolves through both instances; the outbox drained by both
  const work = [...submitted.routed.map((id) => [id, agent]), ...submitted.pooled.map((id) => [id, claimers.find((c) => c.id === claimedBy.get(id))])];
  let transitionFailures = 0;
  await h.pool(work.length, 6, async (i) => {
    const [id, who] = work[i];
    const acc = await apis[i % 2].post(`/tickets/${id}/accept`, { note: '已受理' }, { token: who.token });
    if (acc.status !== 200) return void transitionFailures++;
    if (i % 3 !== 0) {
      const res = await apis[(i + 1) % 2].post(`/tickets/${id}/resolve`, { note: '已修好' }, { token: who.token });
      if (res.status !== 200) transitionFailures++;
    }
  });
  report.check(transitionFailures === 0, `${transitionFailures} accepts/resolves failed`);
  const drainMs = await waitOutboxDrained(pool, 30_000);
  report.set('outboxDrainMs', drainMs === null ? null : Math.round(drainMs));
  const [sentBy] = await pool.query("SELECT COUNT(*) AS n FROM outbox_messages WHERE status = 'delivered'");
  void sentBy;
  await ticketConsistency(pool, report);
  await outboxDelivery(pool, fake, granted, report);
  for (const api of apis) api.close();
}

if (require.main === module) h.main('two-instances', run);
module.exports = { run };
