import ExcelJS from 'exceljs';
import { queueDueAt } from '@yizhan/shared';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/**
 * Issue #4, statistics: GET /admin/stats and GET /admin/reports/tickets.xlsx against
 * hand-computed fixtures. Tickets are created through the API, then their clocks are
 * set in SQL to known instants, so every median, rate and trend row below is worked
 * out by hand in the comments.
 *
 * Window: 2026-11-01 00:00 to 2026-11-04 00:00 Asia/Shanghai = [10-31T16:00Z, 11-03T16:00Z),
 * i.e. the Shanghai days 11-01, 11-02, 11-03. Every deadline here is in the past
 * (except T3's, set to 2099), so "deadline passed" does not depend on when this runs.
 */
const FROM = '2026-11-01T00:00:00+08:00';
const TO = '2026-11-04T00:00:00+08:00';
const H = 3600_000;
const at = (iso: string, plusMs = 0) => new Date(new Date(iso).getTime() + plusMs);

const CLOCK_COLUMNS = [
  'respond_by',
  'responded_at',
  'onsite_by',
  'onsite_at',
  'resolve_by',
  'resolved_at',
  'confirm_by',
  'closed_at',
  'revisit_by',
  'revisited_at',
  'cancelled_at',
  'held_at',
] as const;
type Shape = Partial<Record<(typeof CLOCK_COLUMNS)[number] | 'created_at' | 'status' | 'type' | 'reopen_count' | 'owner_id', unknown>>;

describe('statistics and the Excel export (issue #4)', () => {
  let t: TestApp;
  let w: World;
  let c: Awaited<ReturnType<World['community']>>;
  let c2: Awaited<ReturnType<World['community']>>;
  let sup: { id: string; token: string };
  let sup2: { id: string; token: string };
  let agentA: { id: string; token: string };
  let agentB: { id: string; token: string };
  const tk: Record<string, { id: string; no: string }> = {};

  /** A ticket created over HTTP by `by` (so `by` owns it), then reshaped in SQL: unset clocks are NULL. */
  async function ticket(key: string, by: { token: string }, roomId: string, shape: Shape, rating?: [number, number, number, Date]) {
    const created = await w.ok(by.token, 'post', '/tickets', { ...w.repair(roomId), channel: 'phone', description: `统计测试 ${key}` });
    const fields: Shape & { clock_due_at?: Date | null } = { ...Object.fromEntries(CLOCK_COLUMNS.map((col) => [col, null])), reopen_count: 0, ...shape };
    // The queue key the server keeps with the clocks (what every write sets from the same function).
    const d = (col: (typeof CLOCK_COLUMNS)[number]) => (fields[col] as Date | null) ?? null;
    fields.clock_due_at = queueDueAt({
      respondBy: d('respond_by'),
      onsiteBy: d('onsite_by'),
      resolveBy: d('resolve_by'),
      confirmBy: d('confirm_by'),
      revisitBy: d('revisit_by'),
      respondedAt: d('responded_at'),
      onsiteAt: d('onsite_at'),
      resolvedAt: d('resolved_at'),
      closedAt: d('closed_at'),
      revisitedAt: d('revisited_at'),
      cancelledAt: d('cancelled_at'),
    });
    await t.sql(
      `UPDATE tickets SET ${Object.keys(fields)
        .map((col) => `${col} = ?`)
        .join(', ')} WHERE id = ?`,
      [...Object.values(fields), created.id],
    );
    if (rating) {
      await t.sql('INSERT INTO ticket_ratings (ticket_id, community_id, resident_id, attitude, timeliness, quality, created_at) VALUES (?, ?, 1, ?, ?, ?, ?)', [
        created.id,
        created.room.communityId,
        ...rating,
      ]);
    }
    tk[key] = { id: created.id, no: created.no };
  }

  beforeAll(async () => {
    t = await startTestApp('stats');
    w = new World(t);
    c = await w.community('翠湖花园');
    c2 = await w.community('枫林苑');
    sup = await w.staff('sup_c', ['supervisor'], [c.id], { name: '周主管' });
    sup2 = await w.staff('sup_c2', ['supervisor'], [c2.id], { name: '吴主管' });
    agentA = await w.staff('agent_a', ['agent'], [c.id], { name: '李客服' });
    agentB = await w.staff('agent_b', ['agent'], [c.id], { name: '赵客服' });
    const agentC2 = await w.staff('agent_c2', ['agent'], [c2.id], { name: '钱客服' });

    // T1 repair, A, revisited — every clock met. Created Shanghai 11-01 01:00.
    const c1 = '2026-10-31T17:00:00Z';
    await ticket(
      'T1',
      agentA,
      c.roomA.id,
      {
        created_at: at(c1),
        status: 'revisited',
        respond_by: at(c1, 2 * H),
        responded_at: at(c1, 600_000), // 600 s
        onsite_by: at(c1, 24 * H),
        onsite_at: at(c1, 3 * H),
        resolve_by: at(c1, 72 * H),
        resolved_at: at(c1, 5 * H), // 18,000 s
        confirm_by: at(c1, 77 * H),
        closed_at: at(c1, 6 * H),
        revisit_by: at(c1, 29 * H),
        revisited_at: at(c1, 7 * H),
      },
      [5, 5, 5, at(c1, 5.5 * H)],
    ); // satisfied, rated Shanghai 11-01 06:30
    // T2 repair, A, closed — late for respond, onsite, resolve; confirmed in time; never revisited.
    const c2_ = '2026-11-01T02:00:00Z';
    await ticket(
      'T2',
      agentA,
      c.roomA.id,
      {
        created_at: at(c2_),
        status: 'closed',
        respond_by: at(c2_, 2 * H),
        responded_at: at(c2_, 3 * H), // 10,800 s, breached
        onsite_by: at(c2_, 24 * H),
        onsite_at: at(c2_, 30 * H), // breached
        resolve_by: at(c2_, 72 * H),
        resolved_at: at(c2_, 80 * H), // 288,000 s, breached; resolved 11-04 (outside the window)
        confirm_by: at(c2_, 152 * H),
        closed_at: at(c2_, 90 * H), // met
        revisit_by: at(c2_, 104 * H), // breached (never revisited)
      },
      [5, 3, 5, at(c2_, 81 * H)],
    ); // not satisfied; rated outside the window
    // T3 complaint, B, accepted after one reopen; resolve clock still running until 2099.
    const c3 = '2026-11-01T20:00:00Z';
    await ticket('T3', agentB, c.roomA2.id, {
      created_at: at(c3),
      status: 'accepted',
      type: 'complaint',
      reopen_count: 1,
      respond_by: at(c3, 24 * H),
      responded_at: at(c3, 1 * H), // 3,600 s, met
      resolve_by: new Date('2099-01-01T00:00:00Z'),
    });
    // T4 repair, B, submitted and never answered: respond, onsite and resolve all breached.
    const c4 = '2026-11-02T01:00:00Z';
    await ticket('T4', agentB, c.roomA.id, {
      created_at: at(c4),
      status: 'submitted',
      respond_by: at(c4, 2 * H),
      onsite_by: at(c4, 24 * H),
      resolve_by: at(c4, 72 * H),
    });
    // T5 repair, A, cancelled an hour in: before every deadline, so no clock counts.
    const c5 = '2026-11-02T03:00:00Z';
    await ticket('T5', agentA, c.roomA.id, {
      created_at: at(c5),
      status: 'cancelled',
      cancelled_at: at(c5, 1 * H),
      respond_by: at(c5, 2 * H),
      onsite_by: at(c5, 24 * H),
      resolve_by: at(c5, 72 * H),
    });
    // T6 repair, A, in progress, on hold since before its onsite/resolve deadlines; answered exactly at the deadline.
    const c6 = '2026-11-02T17:00:00Z';
    await ticket('T6', agentA, c.roomB.id, {
      created_at: at(c6),
      status: 'in_progress',
      held_at: at(c6, 10 * H),
      respond_by: at(c6, 2 * H),
      responded_at: at(c6, 2 * H), // 7,200 s, met (at the deadline is on time)
      onsite_by: at(c6, 24 * H),
      resolve_by: at(c6, 72 * H), // paused: not counted
    });
    // T7 home service, A, resolved again after a reopen; not confirmed, not revisited.
    const c7 = '2026-11-03T00:00:00Z';
    await ticket(
      'T7',
      agentA,
      c.roomB.id,
      {
        created_at: at(c7),
        status: 'resolved',
        type: 'home_service',
        reopen_count: 1,
        respond_by: at(c7, 2 * H),
        responded_at: at(c7, 1800_000), // 1,800 s, met
        resolve_by: at(c7, 72 * H),
        resolved_at: at(c7, 10 * H), // 36,000 s, met; resolved Shanghai 11-03 18:00
        confirm_by: at(c7, 82 * H),
        revisit_by: at(c7, 34 * H), // both breached
      },
      [4, 4, 4, at(c7, 11 * H)],
    ); // satisfied, rated Shanghai 11-03 19:00
    // T8 repair, in the pool (no owner), never answered.
    const c8 = '2026-11-03T10:00:00Z';
    await ticket('T8', agentA, c.roomA.id, {
      created_at: at(c8),
      status: 'submitted',
      owner_id: null,
      respond_by: at(c8, 2 * H),
      onsite_by: at(c8, 24 * H),
      resolve_by: at(c8, 72 * H),
    });
    // T9: created one second before the window; resolved and rated (unhappily) inside it, Shanghai 11-01.
    await ticket(
      'T9',
      agentA,
      c.roomA.id,
      {
        created_at: at('2026-10-31T15:59:59Z'),
        status: 'closed',
        resolved_at: at('2026-11-01T05:00:00Z'),
        closed_at: at('2026-11-01T06:00:00Z'),
      },
      [2, 2, 2, at('2026-11-01T06:00:00Z')],
    );
    // T11: created exactly at `to`, so outside the half-open window.
    await ticket('T11', agentA, c.roomA.id, { created_at: at('2026-11-03T16:00:00Z'), status: 'submitted' });
    // T10: another community, in the window, resolved and rated in it — must show nowhere.
    await ticket(
      'T10',
      agentC2,
      c2.roomA.id,
      {
        created_at: at('2026-11-02T02:00:00Z'),
        status: 'resolved',
        responded_at: at('2026-11-02T02:01:00Z'),
        resolved_at: at('2026-11-02T03:00:00Z'),
      },
      [5, 5, 5, at('2026-11-02T04:00:00Z')],
    );
  });
  afterAll(() => t.close());

  const statsUrl = (communityId: string, extra = '') =>
    `/admin/stats?communityId=${communityId}&from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}${extra}`;

  it('counts the tickets created in the window by type and status', async () => {
    const s = await w.ok(sup.token, 'get', statsUrl(c.id));
    expect(s.communityId).toBe(c.id);
    expect(s.from).toBe('2026-10-31T16:00:00.000Z');
    expect(s.to).toBe('2026-11-03T16:00:00.000Z');
    expect(s.counts).toEqual({
      byType: { repair: 6, complaint: 1, home_service: 1, enquiry: 0 },
      byStatus: { submitted: 2, accepted: 1, dispatched: 0, in_progress: 1, resolved: 1, closed: 1, revisited: 1, cancelled: 1 },
      total: 8,
    });
  });

  it('gives nearest-rank median and p90 of first response and resolution', async () => {
    const s = await w.ok(sup.token, 'get', statsUrl(c.id));
    // Responded: 600, 1800, 3600, 7200, 10800 → median rank ⌈2.5⌉ = 3, p90 rank ⌈4.5⌉ = 5.
    expect(s.firstResponse).toEqual({ count: 5, medianSec: 3600, p90Sec: 10800 });
    // Resolved: 18000, 36000, 288000 → median rank ⌈1.5⌉ = 2, p90 rank ⌈2.7⌉ = 3.
    expect(s.resolution).toEqual({ count: 3, medianSec: 36000, p90Sec: 288000 });
  });

  it('rates each time limit over the tickets that were due or met', async () => {
    const s = await w.ok(sup.token, 'get', statsUrl(c.id));
    // respond: met T1 T3 T6 T7; breached T2 (late) T4 T8 (never); T5 cancelled before its deadline.
    expect(s.onTimeRate.respond).toBeCloseTo(4 / 7, 12);
    // onsite: met T1; breached T2 T4 T8; T5 cancelled, T6 paused before its deadline; T3 T7 have none.
    expect(s.onTimeRate.onsite).toBeCloseTo(1 / 4, 12);
    // resolve: met T1 T7; breached T2 T4 T8; T3 running (2099), T5 cancelled, T6 paused.
    expect(s.onTimeRate.resolve).toBeCloseTo(2 / 5, 12);
    // confirm: met T1 T2; breached T7.   revisit: met T1; breached T2 T7.
    expect(s.onTimeRate.confirm).toBeCloseTo(2 / 3, 12);
    expect(s.onTimeRate.revisit).toBeCloseTo(1 / 3, 12);
  });

  it('reports satisfaction, return visits and reopens', async () => {
    const s = await w.ok(sup.token, 'get', statsUrl(c.id));
    expect(s.ratedCount).toBe(3); // T1 5/5/5, T2 5/3/5, T7 4/4/4 (T9 is outside the window)
    expect(s.satisfactionRate).toBeCloseTo(2 / 3, 12);
    expect(s.revisitRate).toBe(0.5); // revisited T1 / closed-or-revisited T1 T2
    expect(s.reopenRate).toBe(0.5); // reopened T3 T7 / resolved at least once T1 T2 T3 T7
  });

  it('has the first-contact owner table', async () => {
    const s = await w.ok(sup.token, 'get', statsUrl(c.id));
    expect(s.owners).toHaveLength(2); // T8 is in the pool
    const [a, b] = s.owners;
    // A owns T1 T2 T5 T6 T7; T6 is open; resolve: met T1 T7, breached T2; ratings T1 T2 T7.
    expect(a).toMatchObject({ staffId: agentA.id, name: '李客服', owned: 5, open: 1, ratedCount: 3 });
    expect(a.onTimeRate).toBeCloseTo(2 / 3, 12);
    expect(a.satisfactionRate).toBeCloseTo(2 / 3, 12);
    // B owns T3 (running) and T4 (breached), both open, none rated.
    expect(b).toEqual({ staffId: agentB.id, name: '赵客服', owned: 2, open: 2, onTimeRate: 0, satisfactionRate: null, ratedCount: 0 });
  });

  it('has a trend row per Shanghai day: created, resolved and rated on that day', async () => {
    const s = await w.ok(sup.token, 'get', statsUrl(c.id));
    expect(s.trend).toEqual([
      // T1 T2 created; T1 (06:00) and T9 (13:00) resolved; T1 rated 5/5/5, T9 2/2/2.
      { date: '2026-11-01', created: 2, resolved: 2, satisfactionRate: 0.5 },
      { date: '2026-11-02', created: 3, resolved: 0, satisfactionRate: null },
      // T6 T7 T8 created; T7 resolved and rated 4/4/4.
      { date: '2026-11-03', created: 3, resolved: 1, satisfactionRate: 1 },
    ]);
  });

  it('answers with nulls, not errors, for an empty window', async () => {
    const s = await w.ok(sup.token, 'get', `/admin/stats?communityId=${c.id}&from=2025-01-01T00:00:00Z&to=2025-01-02T00:00:00Z`);
    expect(s.counts.total).toBe(0);
    expect(s.firstResponse).toEqual({ count: 0, medianSec: null, p90Sec: null });
    expect(s.onTimeRate).toEqual({ respond: null, onsite: null, resolve: null, confirm: null, revisit: null });
    expect([s.satisfactionRate, s.revisitRate, s.reopenRate, s.ratedCount]).toEqual([null, null, null, 0]);
    expect(s.owners).toEqual([]);
    expect(s.trend).toEqual([
      { date: '2025-01-01', created: 0, resolved: 0, satisfactionRate: null },
      { date: '2025-01-02', created: 0, resolved: 0, satisfactionRate: null },
    ]);
  });

  it('defaults to the last 30 days', async () => {
    const before = Date.now();
    const s = await w.ok(sup.token, 'get', `/admin/stats?communityId=${c.id}`);
    const to = new Date(s.to).getTime();
    expect(to).toBeGreaterThanOrEqual(before - 1000);
    expect(to - new Date(s.from).getTime()).toBe(30 * 24 * H);
    expect(s.trend.length).toBeGreaterThanOrEqual(30);
    expect(s.trend.length).toBeLessThanOrEqual(31);
  });

  it('is for supervisors and admins of the community only', async () => {
    const other = await w.as(sup2.token, 'get', statsUrl(c.id));
    expect([other.status, other.body.code]).toEqual([403, 'FORBIDDEN']);
    const agent = await w.as(agentA.token, 'get', statsUrl(c.id));
    expect([agent.status, agent.body.code]).toEqual([403, 'FORBIDDEN']);
    const admin = await w.ok(await w.admin(), 'get', statsUrl(c.id));
    expect(admin.counts.total).toBe(8);
    const own = await w.ok(sup2.token, 'get', statsUrl(c2.id));
    expect(own.counts.total).toBe(1);
    const missing = await w.as(await w.admin(), 'get', statsUrl('999999'));
    expect([missing.status, missing.body.code]).toEqual([404, 'NOT_FOUND']);
    const anonymous = await t.http.get(`/api/v1${statsUrl(c.id)}`);
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['no community', '/admin/stats', 'communityId'],
    ['a community that is not an id', '/admin/stats?communityId=abc', 'communityId'],
    ['from not a date', `/admin/stats?communityId=1&from=yesterday`, 'from'],
    ['from after to', `/admin/stats?communityId=1&from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z`, 'from'],
    ['from equal to to', `/admin/stats?communityId=1&from=2026-11-02T00:00:00Z&to=2026-11-02T00:00:00Z`, 'from'],
    ['more than 366 days', `/admin/stats?communityId=1&from=2025-01-01T00:00:00Z&to=2026-01-03T00:00:00Z`, 'to'],
    ['an unknown field', `/admin/stats?communityId=1&limit=5`, 'limit'],
  ])('refuses %s with 400 VALIDATION_FAILED', async (_what, url, field) => {
    const res = await w.as(await w.admin(), 'get', url);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(res.body.fields ?? {})).toContain(field);
  });

  it('agrees with a by-hand reading of many tickets: owners, percentiles and on-time rates', async () => {
    // A community of its own with ten agents (ids on both sides of a digit boundary once
    // there are more than nine staff) owning tickets round-robin, so owned counts tie and
    // the owner order falls back on the id as a number. Clocks, holds, cancellations,
    // ratings and elapsed times (with milliseconds) come from a fixed pseudo-random sequence.
    const c3 = await w.community('松涛苑');
    const sup3 = await w.staff('sup_c3', ['supervisor'], [c3.id], { name: '孙主管' });
    const agents: { id: string; name: string }[] = [];
    for (let i = 0; i < 10; i++) {
      const name = `客服${i}`;
      agents.push({ id: (await w.staff(`agent_c3_${i}`, ['agent'], [c3.id], { name })).id, name });
    }
    let seed = 20261101;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
    const maybe = (p: number, v: () => Date): Date | null => (rand() < p ? v() : null);
    const types = ['repair', 'complaint', 'home_service'] as const;
    const statuses = ['submitted', 'accepted', 'dispatched', 'in_progress', 'resolved', 'closed', 'revisited', 'cancelled'] as const;
    const windowStart = new Date(FROM).getTime();
    const windowMs = new Date(TO).getTime() - windowStart;
    const rooms = [c3.roomA.id, c3.roomA2.id, c3.roomB.id];

    interface Spec {
      type: string;
      status: string;
      owner: string | null;
      created: Date;
      reopen: number;
      times: Record<(typeof CLOCK_COLUMNS)[number], Date | null>;
      rating?: [number, number, number, Date];
    }
    const specs: Spec[] = [];
    for (let i = 0; i < 45; i++) {
      const created = new Date(windowStart + Math.floor(rand() * windowMs));
      const after = (maxHours: number) => () => new Date(created.getTime() + Math.floor(rand() * maxHours * H));
      // 40 responded and 30 resolved, so p·n is a whole number for both percentiles (the rank
      // is then exactly p·n, not one more); a few equal response times put ties in the list.
      const responded = i >= 40 ? null : i % 9 === 0 ? new Date(created.getTime() + 1234_567) : after(6)();
      const times = {
        respond_by: maybe(0.9, after(4)),
        responded_at: responded,
        onsite_by: maybe(0.7, after(30)),
        onsite_at: maybe(0.5, after(30)),
        resolve_by: rand() < 0.1 ? new Date('2099-01-01T00:00:00Z') : maybe(0.85, after(80)),
        resolved_at: i % 3 === 0 ? null : after(90)(),
        confirm_by: maybe(0.5, after(100)),
        closed_at: maybe(0.4, after(100)),
        revisit_by: maybe(0.5, after(110)),
        revisited_at: maybe(0.3, after(110)),
        cancelled_at: maybe(0.15, after(40)),
        held_at: maybe(0.15, after(40)),
      };
      const spec: Spec = {
        type: pick(types),
        status: pick(statuses),
        owner: i % 11 === 10 ? null : agents[i % 11]!.id,
        created,
        reopen: rand() < 0.2 ? 1 : 0,
        times,
      };
      if (rand() < 0.5) spec.rating = [1 + Math.floor(rand() * 5), 3 + Math.floor(rand() * 3), 4 + Math.floor(rand() * 2), after(100)()];
      specs.push(spec);
      await ticket(
        `M${i}`,
        sup3,
        pick(rooms),
        {
          ...times,
          created_at: created,
          type: spec.type,
          status: spec.status,
          owner_id: spec.owner,
          reopen_count: spec.reopen,
        },
        spec.rating,
      );
    }

    const s = await w.ok(sup3.token, 'get', statsUrl(c3.id));
    const now = Date.now();

    // The reading of DESIGN.md §2, ticket by ticket.
    const ms = (d: Date | null) => (d ? d.getTime() : null);
    const clocks = {
      respond: ['respond_by', ['responded_at', 'resolved_at']],
      onsite: ['onsite_by', ['onsite_at', 'resolved_at']],
      resolve: ['resolve_by', ['resolved_at']],
      confirm: ['confirm_by', ['closed_at']],
      revisit: ['revisit_by', ['revisited_at']],
    } as const;
    const outcome = (x: Spec, clock: keyof typeof clocks): 'met' | 'breached' | null => {
      const [deadlineCol, milestoneCols] = clocks[clock];
      const deadline = ms(x.times[deadlineCol]);
      if (deadline === null) return null;
      const set = milestoneCols.map((col) => ms(x.times[col])).filter((v): v is number => v !== null);
      const milestone = set.length ? Math.min(...set) : null;
      if (milestone !== null) return milestone <= deadline ? 'met' : 'breached';
      const judged = Math.min(now, ms(x.times.cancelled_at) ?? Infinity, ms(x.times.held_at) ?? Infinity);
      return deadline < judged ? 'breached' : null;
    };
    const rate = (xs: Spec[], clock: keyof typeof clocks) => {
      const o = xs.map((x) => outcome(x, clock));
      const due = o.filter((v) => v !== null).length;
      return due ? o.filter((v) => v === 'met').length / due : null;
    };
    const satisfied = (x: Spec) => !!x.rating && x.rating[0] >= 4 && x.rating[1] >= 4 && x.rating[2] >= 4;
    const satisfaction = (xs: Spec[]) => {
      const rated = xs.filter((x) => x.rating).length;
      return rated ? xs.filter(satisfied).length / rated : null;
    };
    // Nearest rank: the first value of the ascending list whose share of the list up to it reaches p.
    const percentiles = (values: number[]) => {
      const sorted = [...values].sort((a, b) => a - b);
      const at = (p: number) => sorted.find((_, i) => (i + 1) / sorted.length >= p)! / 1000;
      return sorted.length ? { count: sorted.length, medianSec: at(0.5), p90Sec: at(0.9) } : { count: 0, medianSec: null, p90Sec: null };
    };
    const elapsed = (col: 'responded_at' | 'resolved_at') => specs.filter((x) => x.times[col]).map((x) => x.times[col]!.getTime() - x.created.getTime());

    expect(s.counts.total).toBe(45);
    expect([s.firstResponse.count, s.resolution.count]).toEqual([40, 30]);
    expect(s.firstResponse).toEqual(percentiles(elapsed('responded_at')));
    expect(s.resolution).toEqual(percentiles(elapsed('resolved_at')));
    expect(s.onTimeRate).toEqual(Object.fromEntries(Object.keys(clocks).map((c) => [c, rate(specs, c as keyof typeof clocks)])));
    expect(s.satisfactionRate).toEqual(satisfaction(specs));
    expect(s.ratedCount).toBe(specs.filter((x) => x.rating).length);
    const resolvedOnce = specs.filter((x) => x.times.resolved_at || x.reopen > 0).length;
    expect(s.reopenRate).toEqual(resolvedOnce ? specs.filter((x) => x.reopen > 0).length / resolvedOnce : null);

    const open = ['submitted', 'accepted', 'dispatched', 'in_progress'];
    const owners = agents
      .map((a) => ({ a, xs: specs.filter((x) => x.owner === a.id) }))
      .filter(({ xs }) => xs.length > 0)
      .sort((p, q) => q.xs.length - p.xs.length || Number(p.a.id) - Number(q.a.id))
      .map(({ a, xs }) => ({
        staffId: a.id,
        name: a.name,
        owned: xs.length,
        open: xs.filter((x) => open.includes(x.status)).length,
        onTimeRate: rate(xs, 'resolve'),
        satisfactionRate: satisfaction(xs),
        ratedCount: xs.filter((x) => x.rating).length,
      }));
    expect(owners.length).toBe(10);
    expect(new Set(owners.map((o) => o.owned)).size).toBeLessThan(10); // ties to break by id
    expect(s.owners).toEqual(owners);
  });

  // ------------------------------------------------------------------ export

  async function xlsx(token: string, query: string) {
    const res = await t.http
      .get(`/api/v1/admin/reports/tickets.xlsx?${query}`)
      .set('Authorization', `Bearer ${token}`)
      .buffer(true)
      .parse((stream, done) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return res;
  }
  async function sheetOf(body: Buffer) {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    return { sheet, rows };
  }
  const windowQuery = `communityId=PLACEHOLDER&from=${encodeURIComponent(FROM)}&to=${encodeURIComponent(TO)}`;

  it('exports the filtered list as a real Excel file with Chinese headers and Shanghai times', async () => {
    const res = await xlsx(sup.token, windowQuery.replace('PLACEHOLDER', c.id));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const shanghaiToday = new Date(Date.now() + 8 * H).toISOString().slice(0, 10).replace(/-/g, '');
    expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(`工单导出-${shanghaiToday}.xlsx`)}`);
    expect(res.headers['content-disposition']).toMatch(/^attachment;/);

    const { rows } = await sheetOf(res.body as Buffer);
    expect(rows[0]).toEqual([
      '工单号',
      '类型',
      '状态',
      '分类',
      '描述',
      '优先级',
      '渠道',
      '房屋',
      '首接人',
      '处理人',
      '创建时间',
      '受理时间',
      '上门时间',
      '完成时间',
      '关闭时间',
      '回访时间',
      '办结时限',
      '超时项',
      '重开次数',
      '费用(元)',
      '评价',
      '评价内容',
    ]);
    // Newest first, as GET /tickets: T8 … T1 (T9 and T11 are outside the window, T10 in another community).
    expect(rows.slice(1).map((r) => r[0])).toEqual(['T8', 'T7', 'T6', 'T5', 'T4', 'T3', 'T2', 'T1'].map((k) => tk[k]!.no));

    const byNo = new Map(rows.slice(1).map((r) => [r[0], r]));
    const t1 = byNo.get(tk.T1!.no)!;
    expect(t1.slice(0, 10)).toEqual([tk.T1!.no, '报修', '已回访', '水电', '统计测试 T1', '普通', '电话', 'A1区 3栋 2单元 1201', '李客服', undefined]);
    // Created 2026-10-31T17:00Z = 2026-11-01 01:00 in Shanghai; accepted 10 minutes later.
    const wall = (v: unknown) => (v as Date).toISOString().slice(0, 19).replace('T', ' ');
    expect(wall(t1[10])).toBe('2026-11-01 01:00:00');
    expect(wall(t1[11])).toBe('2026-11-01 01:10:00');
    expect(wall(t1[13])).toBe('2026-11-01 06:00:00');
    expect(t1[17]).toBeUndefined(); // nothing overdue
    expect(t1[20]).toBe('态度5 时效5 质量5');

    const t2 = byNo.get(tk.T2!.no)!;
    expect(t2[2]).toBe('已完成');
    expect(t2[17]).toBe('受理时限、上门时限、办结时限、回访时限');
    expect(byNo.get(tk.T7!.no)![1]).toBe('上门服务');
    expect(byNo.get(tk.T8!.no)![8]).toBeUndefined(); // pool: no owner
  });

  it('applies the GET /tickets filters and the caller’s scope', async () => {
    const complaints = await sheetOf((await xlsx(sup.token, `${windowQuery.replace('PLACEHOLDER', c.id)}&type=complaint`)).body);
    expect(complaints.rows.slice(1).map((r) => r[0])).toEqual([tk.T3!.no]);
    const open = await sheetOf((await xlsx(sup.token, `${windowQuery.replace('PLACEHOLDER', c.id)}&stage=open&sort=oldest`)).body);
    expect(open.rows.slice(1).map((r) => r[0])).toEqual(['T3', 'T4', 'T6', 'T8'].map((k) => tk[k]!.no));
    // Most pressing first, by the running clock: T4 respond (11-02 03:00Z), T8 respond (11-03 12:00Z), T6 on site (11-03 17:00Z), T3 resolve (2099).
    const due = await sheetOf((await xlsx(sup.token, `${windowQuery.replace('PLACEHOLDER', c.id)}&stage=open&sort=deadline`)).body);
    expect(due.rows.slice(1).map((r) => r[0])).toEqual(['T4', 'T8', 'T6', 'T3'].map((k) => tk[k]!.no));

    // Without a community: every community of the caller, and only those.
    const mine = await sheetOf((await xlsx(sup2.token, '')).body);
    expect(mine.rows.slice(1).map((r) => r[0])).toEqual([tk.T10!.no]);

    const other = await xlsx(sup2.token, `communityId=${c.id}`);
    expect(other.status).toBe(403);
    expect(JSON.parse(other.body.toString()).code).toBe('FORBIDDEN');
    const agent = await xlsx(agentA.token, `communityId=${c.id}`);
    expect(agent.status).toBe(403);
    const bad = await xlsx(sup.token, 'status=bogus');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body.toString()).code).toBe('VALIDATION_FAILED');
    const paged = await xlsx(sup.token, 'limit=5');
    expect(paged.status).toBe(400);
  });

  it('records who exported what in the audit log', async () => {
    const rows = await t.sql<{ n: number }>("SELECT COUNT(*) AS n FROM audit_logs WHERE action = 'ticket.export' AND actor_id = ?", [sup.id]);
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
  });
});
