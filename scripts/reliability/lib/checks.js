'use strict';
/**
 * Invariants read straight from the database after a run: no half-written ticket, one
 * notice (and outbox row) per resident-facing change, and the outbox compared with
 * what the fake WeChat actually received.
 */
const { sleep, now } = require('./harness');

/** The templates of the notice kinds (DEVELOPMENT_TEMPLATES in server/src/common/config/wechat-templates.ts). */
const TEMPLATE_OF = {
  accepted: 'tpl_accepted',
  dispatched: 'tpl_dispatched',
  resolved: 'tpl_resolved',
  reopened: 'tpl_reopened',
  closed: 'tpl_closed',
  cancelled: 'tpl_cancelled',
};
/** Timeline events that tell the resident something, and the notice kind they produce (notices.service.ts residentNoticeKind, staff actors). */
const NOTICE_OF_EVENT = { accepted: 'accepted', dispatched: 'dispatched', resolved: 'resolved', verified: 'closed', auto_confirmed: 'closed' };
const PAST_ACCEPT = ['accepted', 'dispatched', 'in_progress', 'resolved', 'closed', 'revisited'];

/**
 * Every ticket whole: its 'created' event and one routed/pooled event; accepted ones an
 * 'accepted' event and responded_at; resolved ones a 'resolved' event and resolved_at;
 * each resident-facing event its notice, each notice its outbox row.
 */
async function ticketConsistency(db, report, prefix = '') {
  const [tickets] = await db.query('SELECT id, status, resident_id, owner_id, responded_at, resolved_at FROM tickets');
  const [events] = await db.query('SELECT ticket_id, type, COUNT(*) AS n FROM ticket_events GROUP BY ticket_id, type');
  const [notices] = await db.query('SELECT ticket_id, kind, COUNT(*) AS n FROM notices GROUP BY ticket_id, kind');
  const [orphanNotices] = await db.query('SELECT COUNT(*) AS n FROM notices n LEFT JOIN outbox_messages o ON o.notice_id = n.id WHERE o.id IS NULL');
  const [orphanOutbox] = await db.query('SELECT COUNT(*) AS n FROM outbox_messages o LEFT JOIN notices n ON n.id = o.notice_id WHERE n.id IS NULL');
  const ev = new Map();
  for (const e of events) ev.set(`${e.ticket_id}|${e.type}`, Number(e.n));
  const nt = new Map();
  for (const n of notices) nt.set(`${n.ticket_id}|${n.kind}`, Number(n.n));
  const count = (m, id, k) => m.get(`${id}|${k}`) ?? 0;
  const problems = [];
  for (const t of tickets) {
    const id = String(t.id);
    if (count(ev, id, 'created') !== 1) problems.push(`ticket ${id}: ${count(ev, id, 'created')} 'created' events`);
    if (count(ev, id, 'routed') + count(ev, id, 'pooled') !== 1)
      problems.push(`ticket ${id}: ${count(ev, id, 'routed')} routed + ${count(ev, id, 'pooled')} pooled events`);
    if (t.owner_id === null && count(ev, id, 'claimed') > 0) problems.push(`ticket ${id}: claimed but has no owner`);
    if (count(ev, id, 'claimed') > 1) problems.push(`ticket ${id}: ${count(ev, id, 'claimed')} 'claimed' events`);
    if (PAST_ACCEPT.includes(t.status)) {
      if (count(ev, id, 'accepted') !== 1) problems.push(`ticket ${id} (${t.status}): ${count(ev, id, 'accepted')} 'accepted' events`);
      if (!t.responded_at) problems.push(`ticket ${id} (${t.status}): no responded_at`);
    } else if (count(ev, id, 'accepted') > 0) problems.push(`ticket ${id} (${t.status}): has an 'accepted' event`);
    if (['resolved', 'closed', 'revisited'].includes(t.status)) {
      if (count(ev, id, 'resolved') < 1) problems.push(`ticket ${id} (${t.status}): no 'resolved' event`);
      if (!t.resolved_at) problems.push(`ticket ${id} (${t.status}): no resolved_at`);
    }
    if (t.resident_id !== null) {
      const want = {};
      for (const [event, kind] of Object.entries(NOTICE_OF_EVENT)) want[kind] = (want[kind] ?? 0) + count(ev, id, event);
      for (const [kind, n] of Object.entries(want)) {
        if (count(nt, id, kind) !== n) problems.push(`ticket ${id}: ${n} '${kind}' changes but ${count(nt, id, kind)} notices`);
      }
    }
  }
  if (Number(orphanNotices[0].n)) problems.push(`${orphanNotices[0].n} notices without their outbox row`);
  if (Number(orphanOutbox[0].n)) problems.push(`${orphanOutbox[0].n} outbox rows without their notice`);
  const [[{ n: noticeCount }]] = await db.query('SELECT COUNT(*) AS n FROM notices');
  report.set(`${prefix}ticketsInDb`, tickets.length);
  report.set(`${prefix}halfWrittenTickets`, new Set(problems.map((p) => p.split(':')[0])).size);
  report.set(`${prefix}noticesCreated`, Number(noticeCount));
  for (const p of problems.slice(0, 20)) report.check(false, p);
  if (problems.length > 20) report.check(false, `… and ${problems.length - 20} more consistency problems`);
  return { tickets, problems };
}

/** Waits until no outbox row is pending (bounded). */
async function waitOutboxDrained(db, timeoutMs) {
  const started = now();
  while (now() - started < timeoutMs) {
    const [[{ n }]] = await db.query("SELECT COUNT(*) AS n FROM outbox_messages WHERE status = 'pending'");
    if (Number(n) === 0) return now() - started;
    await sleep(250);
  }
  return null;
}

/**
 * The outbox against the fake's inbox: every delivered row sent exactly once, nothing
 * sent that no row delivered, and each resident got min(credits, notices) per template.
 * `granted`: Map residentId → {templateId: credits granted}.
 */
const KILL_LAG_MS = 2000;

async function outboxDelivery(db, fake, granted, report, prefix = '', { killsAt = [], perKill = 10 } = {}) {
  const [rows] = await db.query(
    'SELECT o.id, o.kind, o.page, o.status, o.resident_id, r.openid FROM outbox_messages o JOIN residents r ON r.id = o.resident_id',
  );
  const [credits] = await db.query('SELECT resident_id, template_id, credits FROM subscription_credits');
  const messages = await fake.messages();
  const key = (touser, template, page) => `${touser}|${template}|${page}`;
  const sent = new Map();
  for (const m of messages) sent.set(key(m.touser, m.template_id, m.page), (sent.get(key(m.touser, m.template_id, m.page)) ?? 0) + 1);
  const byStatus = {};
  const perResidentTemplate = new Map();
  let deliveredRows = 0;
  let missing = 0;
  const delivered = new Set();
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    const template = TEMPLATE_OF[r.kind];
    const k = key(r.openid, template, r.page);
    const rt = `${r.resident_id}|${template}`;
    const agg = perResidentTemplate.get(rt) ?? { rows: 0, delivered: 0 };
    agg.rows++;
    if (r.status === 'delivered') {
      agg.delivered++;
      deliveredRows++;
      delivered.add(k);
      if (!sent.has(k)) missing++;
    }
    perResidentTemplate.set(rt, agg);
  }
  const duplicates = [...sent.values()].reduce((a, n) => a + Math.max(0, n - 1), 0);
  // A send WeChat took just before a SIGKILL, whose 'delivered' never committed, is sent
  // again after the restart: at-least-once, the in-flight window the worker accepts (at
  // most one per send slot and kill). Copies not separated by a kill are real doubles.
  const times = new Map();
  for (const m of messages) {
    const k = key(m.touser, m.template_id, m.page);
    times.set(
      k,
      [...(times.get(k) ?? []), m.at].sort((x, y) => x - y),
    );
  }
  let inFlight = 0;
  const detail = [];
  const perKillCount = new Map();
  for (const [, at] of times) {
    for (let j = 1; j < at.length; j++) {
      // The fake stamps a message when it has read it, which on a busy machine can be a
      // moment after the sender was killed: a kill up to KILL_LAG_MS before the first copy
      // still explains the second.
      const kill = killsAt.find((t) => at[j - 1] - KILL_LAG_MS <= t && t <= at[j]);
      detail.push({ firstSentMsBeforeKill: kill === undefined ? null : kill - at[j - 1], gapMs: at[j] - at[j - 1] });
      if (kill !== undefined && (perKillCount.get(kill) ?? 0) < perKill) {
        inFlight++;
        perKillCount.set(kill, (perKillCount.get(kill) ?? 0) + 1);
      }
    }
  }
  if (detail.length) report.set(`${prefix}duplicateSendDetail`, detail.slice(0, 10));
  const unexplained = [...sent.keys()].filter((k) => !delivered.has(k)).length;
  let creditMismatch = 0;
  const left = new Map(credits.map((c) => [`${c.resident_id}|${c.template_id}`, Number(c.credits)]));
  for (const [residentId, grants] of granted) {
    for (const [template, n] of Object.entries(grants)) {
      const agg = perResidentTemplate.get(`${residentId}|${template}`) ?? { rows: 0, delivered: 0 };
      const expected = Math.min(n, agg.rows);
      if (agg.delivered !== expected) {
        creditMismatch++;
        report.check(false, `resident ${residentId} ${template}: ${n} credits, ${agg.rows} notices, ${agg.delivered} delivered (expected ${expected})`);
      }
      const remaining = left.get(`${residentId}|${template}`) ?? 0;
      if (remaining !== n - agg.delivered) report.check(false, `resident ${residentId} ${template}: ${remaining} credits left, expected ${n - agg.delivered}`);
    }
  }
  for (const [rt, agg] of perResidentTemplate) {
    const [residentId, template] = rt.split('|');
    if (!(granted.get(residentId)?.[template] > 0) && agg.delivered > 0)
      report.check(false, `resident ${residentId} ${template}: ${agg.delivered} delivered without a credit`);
  }
  const expectedDeliveries = [...granted].reduce(
    (a, [rid, g]) => a + Object.entries(g).reduce((b, [t, n]) => b + Math.min(n, perResidentTemplate.get(`${rid}|${t}`)?.rows ?? 0), 0),
    0,
  );
  report.set(`${prefix}outboxRows`, rows.length);
  report.set(`${prefix}outboxByStatus`, byStatus);
  report.set(`${prefix}noticesWithCredit`, expectedDeliveries);
  report.set(`${prefix}delivered`, deliveredRows);
  report.set(`${prefix}fakeMessages`, messages.length);
  report.set(`${prefix}duplicateSends`, duplicates);
  if (killsAt.length) report.set(`${prefix}duplicateSendsInFlightAtKill`, inFlight);
  report.check(duplicates - inFlight === 0, `${duplicates - inFlight} subscribe messages sent more than once (besides ${inFlight} in flight at a kill)`);
  report.check(missing === 0, `${missing} outbox rows marked delivered that WeChat never received`);
  report.check(unexplained === 0, `${unexplained} messages WeChat received without a delivered outbox row`);
  report.check(creditMismatch === 0, `${creditMismatch} resident/template pairs delivered ≠ min(credits, notices)`);
  report.check(!byStatus.pending, `${byStatus.pending} outbox rows still pending after the drain`);
  report.check(!byStatus.failed, `${byStatus.failed} outbox rows failed`);
  return { duplicates, deliveredRows, expectedDeliveries };
}

module.exports = { ticketConsistency, waitOutboxDrained, outboxDelivery, TEMPLATE_OF };
