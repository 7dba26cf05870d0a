#!/usr/bin/env node
'use strict';
/**
 * Crash test: residents submit requests (each with an Idempotency-Key, retried on any
 * failure and sometimes re-sent after success, as a client that lost the answer), an
 * agent accepts and resolves them, and meanwhile the server process is SIGKILLed and
 * restarted several times. Afterwards:
 *   - every acknowledged (2xx) write is in the database, each key made at most one ticket;
 *   - no ticket is half-written (events, milestones, notices, outbox rows all there);
 *   - after a final drain the outbox delivered every notice that had a credit exactly
 *     once (compared with what the fake WeChat received), and nothing twice — except a
 *     send WeChat took in the last moments before a SIGKILL (reported separately);
 *   - probe: a kill while one WeChat send hangs repeats that one message only.
 *
 *   node scripts/reliability/crash.js [--duration-sec 40] [--kills 4] [--residents 12] [--concurrency 6]
 */
const h = require('./lib/harness');
const { ticketConsistency, waitOutboxDrained, outboxDelivery } = require('./lib/checks');

const ARGS = h.parseArgs(process.argv.slice(2), { durationSec: 40, kills: 4, residents: 12, concurrency: 6, maxSubmissions: 3000 });
const RETRY_BUDGET_MS = 25_000; // a client keeps retrying one logical write this long
const CREDITS = [{}, { tpl_accepted: 3, tpl_resolved: 2 }, { tpl_accepted: 80, tpl_resolved: 80 }];

async function run(report) {
  const db = h.dbName('crash');
  h.onCleanup(() => h.dropDatabase(db));
  const fake = await h.startFake('crash');
  const server = h.serverProcess({ name: 'crash-server', db, fake, env: { OUTBOX_POLL_MS: '200', SLA_SCAN_MS: '1000' } });
  report.set('firstStartMs', Math.round(await server.start()));

  // ---- the world: one zone with an agent on duty, residents with a mix of credits
  const world = new h.World(server.base);
  const community = await world.community('可靠性花园', ARGS.residents);
  const agent = await world.staff('kefu_crash', ['agent'], [community.id]);
  await world.onDuty(community.id, community.zoneId, agent.id);
  const residents = [];
  const granted = new Map();
  await h.pool(ARGS.residents, 4, async (i) => {
    const credits = CREDITS[i % CREDITS.length];
    const r = await world.resident(`crash${i}`, community.rooms[i], credits);
    residents[i] = r;
    granted.set(r.id, { tpl_accepted: credits.tpl_accepted ?? 0, tpl_resolved: credits.tpl_resolved ?? 0 });
  });
  world.close();
  h.log(`world ready: ${residents.length} residents, agent ${agent.id}`);

  const api = h.client(server.base, { timeoutMs: 10_000 });
  const stats = { requests: 0, byStatus: {}, networkErrors: 0, unexpected5xx: 0, replaysSent: 0, replaysOk: 0, replayMismatch: 0 };
  const count = (res) => {
    stats.requests++;
    const k = res.status === 0 ? `net:${res.error}` : String(res.status);
    stats.byStatus[k] = (stats.byStatus[k] ?? 0) + 1;
    if (res.status === 0) stats.networkErrors++;
    if (res.status >= 500 && res.status !== 503) stats.unexpected5xx++;
  };
  const retryable = (res) => res.status === 0 || res.status === 503 || (res.status === 409 && res.json?.code === 'IDEMPOTENCY_IN_PROGRESS');

  const submissions = [];
  const queue = []; // acknowledged tickets for the agent
  const transitions = { accept: { acked: new Set(), ambiguous: new Set(), failed: 0 }, resolve: { acked: new Set(), ambiguous: new Set(), failed: 0 } };
  const started = h.now();
  const deadline = started + ARGS.durationSec * 1000;
  let loadDone = false;

  /** One logical submission, retried with its key until acknowledged or out of budget. */
  async function submit(i) {
    const resident = residents[i % residents.length];
    const s = { i, key: `crash-${process.pid}-${i}`, tag: `crash#${i}`, residentId: resident.id, ackId: null, ids: new Set(), attempts: 0 };
    submissions.push(s);
    const until = h.now() + RETRY_BUDGET_MS;
    while (h.now() < until) {
      s.attempts++;
      const res = await api.post('/tickets', h.repairBody(resident.roomId, s.tag), { token: resident.token, headers: { 'Idempotency-Key': s.key } });
      count(res);
      if (res.status >= 200 && res.status < 300) {
        s.ackId = String(res.json.id);
        s.ids.add(s.ackId);
        break;
      }
      if (!retryable(res)) {
        s.error = `${res.status} ${res.json?.code}`;
        return;
      }
      await h.sleep(150 + Math.random() * 150);
    }
    if (!s.ackId) return;
    queue.push(s.ackId);
    // A client that lost the answer sends the same request again.
    if (Math.random() < 0.25) {
      stats.replaysSent++;
      const until2 = h.now() + RETRY_BUDGET_MS;
      while (h.now() < until2) {
        const res = await api.post('/tickets', h.repairBody(resident.roomId, s.tag), { token: resident.token, headers: { 'Idempotency-Key': s.key } });
        count(res);
        if (res.status >= 200 && res.status < 300) {
          s.ids.add(String(res.json.id));
          if (String(res.json.id) === s.ackId && res.headers['idempotent-replayed'] === 'true') stats.replaysOk++;
          else stats.replayMismatch++;
          break;
        }
        if (!retryable(res)) break;
        await h.sleep(150 + Math.random() * 150);
      }
    }
  }

  /** A staff transition, retried on failure; a 409 after a lost answer means an earlier try committed. */
  async function act(id, action, body) {
    const t = transitions[action];
    let lostAnswer = false;
    const until = h.now() + RETRY_BUDGET_MS;
    while (h.now() < until) {
      const res = await api.post(`/tickets/${id}/${action}`, body, { token: agent.token });
      count(res);
      if (res.status >= 200 && res.status < 300) {
        t.acked.add(id);
        return true;
      }
      if (res.status === 409 && lostAnswer) {
        t.ambiguous.add(id);
        return true;
      }
      if (res.status !== 0 && res.status !== 503) break;
      lostAnswer = true;
      await h.sleep(150 + Math.random() * 150);
    }
    t.failed++;
    return false;
  }

  const residentLoad = h.pool(
    ARGS.maxSubmissions,
    ARGS.concurrency,
    async (i) => {
      await submit(i);
      await h.sleep(10 + Math.random() * 30);
    },
    deadline,
  );

  const staffLoad = (async () => {
    const workers = Array.from({ length: 2 }, async () => {
      while (!loadDone || queue.length) {
        const id = queue.shift();
        if (!id) {
          await h.sleep(50);
          continue;
        }
        if ((await act(id, 'accept', { note: '已受理' })) && Math.random() < 0.7) await act(id, 'resolve', { note: '已修好' });
      }
    });
    await Promise.all(workers);
  })();

  // ---- the killer: SIGKILL at spread-out moments, restart at once
  const restarts = [];
  const killsAt = [];
  const killer = (async () => {
    const slot = (ARGS.durationSec * 1000) / (ARGS.kills + 1);
    for (let k = 0; k < ARGS.kills; k++) {
      const at = started + slot * (k + 1) + (Math.random() - 0.5) * slot * 0.4;
      while (h.now() < at) await h.sleep(50);
      const t0 = h.now();
      const pid = server.pid;
      killsAt.push(Date.now());
      await server.kill();
      h.log(`SIGKILL #${k + 1} (pid ${pid}); restarting`);
      const startMs = await server.start();
      restarts.push(Math.round(h.now() - t0));
      h.log(`  back in ${Math.round(h.now() - t0)} ms (start ${Math.round(startMs)} ms)`);
    }
  })();

  await Promise.all([residentLoad, killer]);
  loadDone = true;
  await staffLoad;
  h.log(`load done in ${Math.round(h.now() - started)} ms; draining the outbox`);

  const pool = h.dbPool(db);
  h.onCleanup(() => pool.end());
  const drainMs = await waitOutboxDrained(pool, 30_000);
  report.set('kills', restarts.length);
  report.set('restartMsEach', restarts);
  report.set('requests', stats.requests);
  report.set('responsesByStatus', stats.byStatus);
  report.check(restarts.length === ARGS.kills, `only ${restarts.length} of ${ARGS.kills} kills done`);
  report.check(stats.unexpected5xx === 0, `${stats.unexpected5xx} 5xx answers other than 503`);

  // ---- acknowledged writes are all there, each key made at most one ticket
  const [rows] = await pool.query("SELECT id, description, status, responded_at, resolved_at FROM tickets WHERE description LIKE '%[crash#%'");
  const byTag = new Map();
  for (const r of rows) {
    const tag = /\[(crash#\d+)\]/.exec(r.description)[1];
    byTag.set(tag, [...(byTag.get(tag) ?? []), r]);
  }
  const acked = submissions.filter((s) => s.ackId);
  let ackedFound = 0;
  let duplicates = 0;
  for (const s of submissions) {
    const found = byTag.get(s.tag) ?? [];
    if (found.length > 1) duplicates += found.length - 1;
    if (s.ids.size > 1) report.check(false, `${s.key}: answered with several ids ${[...s.ids]}`);
    if (s.ackId) {
      if (found.some((r) => String(r.id) === s.ackId)) ackedFound++;
      else report.check(false, `${s.key}: acknowledged ticket ${s.ackId} is missing`);
    }
  }
  const unackedCommitted = submissions.filter((s) => !s.ackId && (byTag.get(s.tag) ?? []).length > 0).length;
  const byId = new Map(rows.map((r) => [String(r.id), r]));
  let acceptsFound = 0;
  for (const id of transitions.accept.acked) if (byId.get(id)?.responded_at) acceptsFound++;
  let resolvesFound = 0;
  for (const id of transitions.resolve.acked) if (byId.get(id)?.resolved_at) resolvesFound++;
  let ambiguousFound = 0;
  for (const id of transitions.accept.ambiguous) if (byId.get(id)?.responded_at) ambiguousFound++;
  for (const id of transitions.resolve.ambiguous) if (byId.get(id)?.resolved_at) ambiguousFound++;

  report.set('submissions', submissions.length);
  report.set('submissionsAcknowledged', acked.length);
  report.set('submissionsAckFound', ackedFound);
  report.set('submissionsUnacknowledgedButCommitted', unackedCommitted);
  report.set('submissionsGivenUp', submissions.filter((s) => !s.ackId).length);
  report.set('clientReplays', { sent: stats.replaysSent, sameTicketReplayed: stats.replaysOk, mismatched: stats.replayMismatch });
  report.set('duplicateTickets', duplicates);
  report.set('acceptsAcknowledged', transitions.accept.acked.size);
  report.set('acceptsAckFound', acceptsFound);
  report.set('resolvesAcknowledged', transitions.resolve.acked.size);
  report.set('resolvesAckFound', resolvesFound);
  report.set('transitionsAnsweredLostButCommitted', ambiguousFound);
  report.set('writesAcknowledged', acked.length + transitions.accept.acked.size + transitions.resolve.acked.size);
  report.set('writesAckFound', ackedFound + acceptsFound + resolvesFound);
  report.check(acked.length > 0, 'no submission was acknowledged');
  report.check(ackedFound === acked.length, `${acked.length - ackedFound} acknowledged submissions missing`);
  report.check(duplicates === 0, `${duplicates} duplicate tickets from retried keys`);
  report.check(stats.replayMismatch === 0, `${stats.replayMismatch} replays answered with another ticket or without Idempotent-Replayed`);
  report.check(acceptsFound === transitions.accept.acked.size, `${transitions.accept.acked.size - acceptsFound} acknowledged accepts missing`);
  report.check(resolvesFound === transitions.resolve.acked.size, `${transitions.resolve.acked.size - resolvesFound} acknowledged resolves missing`);
  report.check(ambiguousFound === transitions.accept.ambiguous.size + transitions.resolve.ambiguous.size, 'a transition refused as already done is not done');

  await ticketConsistency(pool, report);
  report.set('outboxDrainMs', drainMs === null ? null : Math.round(drainMs));
  await outboxDelivery(pool, fake, granted, report, '', { killsAt });

  // ---- probe: a kill while one WeChat send hangs. The worker records each send as it
  // returns, so only the hung one is sent again, when its lease ends after the restart.
  const probe = residents[2];
  for (let k = 0; k < 6; k++) await api.post('/subscriptions', { results: { tpl_accepted: 'accept' } }, { token: probe.token });
  const probeIds = [];
  for (let k = 0; k < 6; k++) {
    const res = await api.post('/tickets', h.repairBody(probe.roomId, `probe#${k}`), {
      token: probe.token,
      headers: { 'Idempotency-Key': `probe-${process.pid}-${k}` },
    });
    if (res.status === 201) probeIds.push(String(res.json.id));
  }
  await fake.fail({ path: '/cgi-bin/message/subscribe/send', delayMs: 3000, times: 1 });
  await Promise.all(probeIds.map((id) => api.post(`/tickets/${id}/accept`, { note: '已受理' }, { token: agent.token })));
  await h.sleep(1000);
  const [[{ n: inFlight }]] = await pool.query(
    `SELECT COUNT(*) AS n FROM outbox_messages o JOIN notices n ON n.id = o.notice_id WHERE n.ticket_id IN (${probeIds.map(() => '?').join(',')}) AND o.status = 'pending'`,
    probeIds,
  );
  await server.kill();
  await server.start();
  await waitOutboxDrained(pool, 15_000);
  await h.sleep(2500); // the hung send lands at the fake after its delay
  const pages = new Set(probeIds.map((id) => `subpackages/tickets/pages/detail/index?id=${id}`));
  const probeMsgs = (await fake.messages()).filter((m) => pages.has(m.page));
  const sentTwice = probeMsgs.length - new Set(probeMsgs.map((m) => m.page)).size;
  report.set('probeKillDuringSlowSend', { notices: probeIds.length, pendingAtKill: Number(inFlight), messagesReceived: probeMsgs.length, sentTwice });
  report.check(sentTwice <= 1, `a kill during one slow send re-sent ${sentTwice} messages (only the one in flight may repeat)`);
  report.check(new Set(probeMsgs.map((m) => m.page)).size === probeIds.length, 'a probe notice was never delivered');
  api.close();
}

if (require.main === module) h.main('crash', run);
module.exports = { run };
