import { SlaScanner } from '../src/modules/sla/sla-scanner.service';
import { resolveDeadline } from '../src/modules/sla/working-days';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

const HOUR = 3600_000;

/** Issue #4: the scanner warns, marks breaches once, escalates in two levels, auto-confirms — and never moves the owner. */
describe('time limits', () => {
  let t: TestApp;
  let w: World;
  let scanner: SlaScanner;
  let c: Awaited<ReturnType<World['community']>>;
  let agent: { id: string; token: string };
  let boss: { id: string; token: string };
  let resident: { id: string; token: string };
  const at = (base: string, ms: number) => new Date(new Date(base).getTime() + ms);
  const events = async (id: string) => (await w.ok(agent.token, 'get', `/tickets/${id}`)).events.map((e: { type: string }) => e.type);
  const staffNotices = async (token: string, ticketId: string) =>
    (await w.ok(token, 'get', '/staff/notices?limit=100')).items
      .filter((n: { ticketId: string }) => n.ticketId === ticketId)
      .map((n: { type: string }) => n.type);

  beforeAll(async () => {
    t = await startTestApp('sla', { SLA_WARN_LEAD_SEC: '1800', SLA_ESCALATE_AFTER_SEC: '3600' });
    w = new World(t);
    scanner = t.app.get(SlaScanner);
    c = await w.community();
    agent = await w.staff('s_agent', ['agent'], [c.id]);
    boss = await w.staff('s_boss', ['supervisor'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id, 20);
    resident = await w.resident('s_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
  });
  afterAll(() => t.close());

  it('warns the owner before the deadline, then records the breach once and escalates once per level', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    const respondBy = tk.deadlines.respondBy as string; // 2 h for a repair

    expect((await scanner.scan(at(respondBy, -45 * 60_000))).warned).toBe(0);
    const warn = await scanner.scan(at(respondBy, -20 * 60_000));
    expect(warn).toMatchObject({ warned: 1, breached: 0 });
    expect((await scanner.scan(at(respondBy, -10 * 60_000))).warned).toBe(0); // once
    expect(await staffNotices(agent.token, tk.id)).toEqual(['sla.warning', 'ticket.routed']);

    const breach = await scanner.scan(at(respondBy, 1000));
    expect(breach).toMatchObject({ breached: 1, escalated: 1 });
    expect((await scanner.scan(at(respondBy, 60_000))).breached).toBe(0); // once per clock
    expect(await events(tk.id)).toEqual(['created', 'routed', 'overdue', 'escalated']);
    expect(await staffNotices(boss.token, tk.id)).toEqual(['sla.escalated']);
    const detail = await w.ok(agent.token, 'get', `/tickets/${tk.id}`);
    expect(detail.overdue).toEqual(['respond']);
    expect(detail.owner.id).toBe(agent.id); // ownership never moves by itself
    const overdueList = await w.ok(agent.token, 'get', '/tickets?overdue=true');
    expect(overdueList.items.map((i: { id: string }) => i.id)).toContain(tk.id);

    // Still unhandled an hour later: the admins hear of it, once.
    const second = await scanner.scan(at(respondBy, HOUR + 2000));
    expect(second.escalated).toBe(1);
    expect((await scanner.scan(at(respondBy, 2 * HOUR))).escalated).toBe(0);
    expect((await events(tk.id)).filter((e: string) => e === 'escalated')).toHaveLength(2);
    expect(await staffNotices(await w.admin(), tk.id)).toEqual(['sla.escalated']);
  });

  it('leaves a clock met in time alone and keeps watching the others', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    const respondBy = tk.deadlines.respondBy as string;
    const result = await scanner.scan(at(respondBy, HOUR));
    expect(result.breached).toBe(0);
    const resolveBy = tk.deadlines.resolveBy as string;
    await scanner.scan(at(resolveBy, 1000));
    expect((await w.ok(agent.token, 'get', `/tickets/${tk.id}`)).overdue.sort()).toEqual(['onsite', 'resolve']);
  });

  it('pauses on hold: the running clocks move by exactly the paused time; a clock already met does not', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/hold`, { reason: '等业主在家' });
    // The hold began 5 hours ago (set directly: no sleeping for hours in tests).
    const [held] = await t.sql<{ held_at: Date }>('SELECT held_at FROM tickets WHERE id = ?', [tk.id]);
    await t.sql('UPDATE tickets SET held_at = ? WHERE id = ?', [new Date(held!.held_at.getTime() - 5 * 3600_000), tk.id]);
    const heldAt = (await t.sql<{ held_at: Date }>('SELECT held_at FROM tickets WHERE id = ?', [tk.id]))[0]!.held_at;
    // Nothing is due while on hold.
    expect((await t.sql<{ next_due_at: Date | null }>('SELECT next_due_at FROM tickets WHERE id = ?', [tk.id]))[0]!.next_due_at).toBeNull();
    const resumed = await w.ok(agent.token, 'post', `/tickets/${tk.id}/resume`, { reason: '业主在家了' });
    const resumeAt = new Date(resumed.events.at(-1).at).getTime();
    const paused = resumeAt - new Date(heldAt).getTime();
    expect(paused).toBeGreaterThanOrEqual(5 * HOUR);
    expect(new Date(resumed.deadlines.resolveBy).getTime() - new Date(tk.deadlines.resolveBy).getTime()).toBe(paused);
    expect(new Date(resumed.deadlines.onsiteBy).getTime() - new Date(tk.deadlines.onsiteBy).getTime()).toBe(paused);
    expect(resumed.deadlines.respondBy).toBe(tk.deadlines.respondBy); // met before the hold: unchanged
  });

  it('auto-confirms a resolved request whose confirmation window passed, and tells the resident', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    const resolved = await w.ok(agent.token, 'post', `/tickets/${tk.id}/resolve`, { note: '已处理' });
    const confirmBy = resolved.deadlines.confirmBy as string; // 72 h
    expect((await scanner.scan(at(confirmBy, -1000))).autoConfirmed).toBe(0);
    expect((await scanner.scan(at(confirmBy, 1000))).autoConfirmed).toBe(1);
    const after = await w.ok(resident.token, 'get', `/tickets/${tk.id}`);
    expect(after.status).toBe('closed');
    expect(after.events.at(-1)).toMatchObject({ type: 'auto_confirmed', actor: { kind: 'system' } });
    const inbox = await w.ok(resident.token, 'get', '/notices');
    expect(inbox.items.find((n: { ticketId: string }) => n.ticketId === tk.id)).toMatchObject({ kind: 'closed' });
    const [row] = await t.sql<{ closed_at: Date; updated_at: Date }>('SELECT closed_at, updated_at FROM tickets WHERE id = ?', [tk.id]);
    expect(new Date(row!.closed_at).getTime()).toBe(at(confirmBy, 1000).getTime());
    expect(new Date(row!.updated_at).getTime()).toBe(at(confirmBy, 1000).getTime());
    // The owner's return visit is still due.
    expect((await w.as(agent.token, 'post', `/tickets/${tk.id}/revisit`, { satisfied: true })).status).toBe(200);
  });

  it('lets two scanners run at once without doing anything twice', async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    const when = at(tk.deadlines.respondBy, 1000);
    const results = await Promise.all([scanner.scan(when), scanner.scan(when), scanner.scan(when)]);
    expect(results.reduce((n, r) => n + r.breached, 0)).toBeGreaterThanOrEqual(1);
    expect((await events(tk.id)).filter((e: string) => e === 'overdue')).toHaveLength(1);
    expect((await events(tk.id)).filter((e: string) => e === 'escalated')).toHaveLength(1);
  });

  it('counts a policy’s resolve limit in China’s working days, at creation and again after a reopen', async () => {
    await w.ok(boss.token, 'post', '/admin/sla-policies', {
      communityId: c.id,
      type: 'complaint',
      priority: 'normal',
      respondWithinSec: 86400,
      onsiteWithinSec: null,
      resolveWithinSec: 172800,
      resolveWorkingDays: 7,
      confirmWithinSec: 259200,
      revisitWithinSec: 86400,
    });
    const policies = await w.ok(boss.token, 'get', `/admin/sla-policies?communityId=${c.id}`);
    expect(policies.items.find((p: { type: string; priority: string }) => p.type === 'complaint' && p.priority === 'normal')).toMatchObject({
      resolveWorkingDays: 7,
      isDefault: false,
    });
    const tk = await w.ok(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), type: 'complaint', category: '噪音' });
    const policy = { resolveWithinSec: 172800, resolveWorkingDays: 7 };
    expect(tk.deadlines.resolveBy).toBe(resolveDeadline(policy, new Date(tk.createdAt)).toISOString());
    // Never sooner than 7 calendar days (7 working days always span at least a weekend).
    expect(new Date(tk.deadlines.resolveBy).getTime() - new Date(tk.createdAt).getTime()).toBeGreaterThanOrEqual(7 * 24 * HOUR);
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/formal-reply`, { result: '已协调', measures: '加强巡查' });
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/resolve`, { note: '已协调' });
    const reopened = await w.ok(resident.token, 'post', `/tickets/${tk.id}/reopen`, { reason: '问题依旧' });
    const reopenedAt = new Date(reopened.events.at(-1).at);
    expect(reopened.deadlines.resolveBy).toBe(resolveDeadline(policy, reopenedAt).toISOString());
    const bad = await w.as(boss.token, 'post', '/admin/sla-policies', {
      communityId: c.id,
      type: 'complaint',
      priority: 'normal',
      respondWithinSec: 1,
      onsiteWithinSec: null,
      resolveWithinSec: 1,
      resolveWorkingDays: 0,
      confirmWithinSec: 1,
      revisitWithinSec: 1,
    });
    expect(bad.status).toBe(400);

    // Saving the policy without the working-day limit (as the admin page did) keeps it; only an explicit null clears it.
    const hoursOnly = {
      communityId: c.id,
      type: 'complaint',
      priority: 'normal',
      respondWithinSec: 7200,
      onsiteWithinSec: null,
      resolveWithinSec: 172800,
      confirmWithinSec: 259200,
      revisitWithinSec: 86400,
    };
    expect(await w.ok(boss.token, 'post', '/admin/sla-policies', hoursOnly)).toMatchObject({ respondWithinSec: 7200, resolveWorkingDays: 7 });
    expect(await w.ok(boss.token, 'post', '/admin/sla-policies', { ...hoursOnly, resolveWorkingDays: null })).toMatchObject({ resolveWorkingDays: null });
  });

  it('gives 咨询/建议 its own number prefix and a 7-working-day feedback limit, editable per community', async () => {
    const defaults = await w.ok(boss.token, 'get', `/admin/sla-policies?communityId=${c.id}`);
    expect(defaults.items.find((p: { type: string; priority: string }) => p.type === 'enquiry' && p.priority === 'normal')).toMatchObject({
      resolveWorkingDays: 7,
      onsiteWithinSec: null,
      isDefault: true,
    });
    const enquiry = await w.ok(resident.token, 'post', '/tickets', {
      type: 'enquiry',
      roomId: c.roomA.id,
      category: '意见建议',
      description: '建议在中心花园增加几张长椅',
      contactPhone: '13812341234',
    });
    expect(enquiry.no).toMatch(/^ZX\d{8}-\d{4}$/);
    expect(enquiry.deadlines.onsiteBy).toBeNull();
    expect(enquiry.deadlines.resolveBy).toBe(
      resolveDeadline({ resolveWithinSec: 7 * 24 * 3600, resolveWorkingDays: 7 }, new Date(enquiry.createdAt)).toISOString(),
    );
    // The community's own limit: 5 working days for new enquiries.
    const saved = await w.ok(boss.token, 'post', '/admin/sla-policies', {
      communityId: c.id,
      type: 'enquiry',
      priority: 'normal',
      respondWithinSec: 4 * 3600,
      onsiteWithinSec: null,
      resolveWithinSec: 5 * 24 * 3600,
      resolveWorkingDays: 5,
      confirmWithinSec: 259200,
      revisitWithinSec: 86400,
    });
    expect(saved).toMatchObject({ resolveWorkingDays: 5, isDefault: false });
    const next = await w.ok(resident.token, 'post', '/tickets', {
      type: 'enquiry',
      roomId: c.roomA.id,
      category: '收费咨询',
      description: '物业费可以按季度交吗？',
      contactPhone: '13812341234',
    });
    expect(next.deadlines.resolveBy).toBe(resolveDeadline({ resolveWithinSec: 5 * 24 * 3600, resolveWorkingDays: 5 }, new Date(next.createdAt)).toISOString());
    const listed = await w.ok(agent.token, 'get', '/tickets?type=enquiry');
    expect(listed.items.map((i: { no: string }) => i.no)).toEqual([next.no, enquiry.no]);
  });

  it('handles several tickets in one pass: pool alerts to whoever is on duty, each timeline in order, one version step per ticket', async () => {
    const c2 = await w.community('松风苑');
    const boss2 = await w.staff('s_boss2', ['supervisor'], [c2.id]);
    const res2 = await w.resident('s_res2', { roomId: c2.roomA.id, name: '张伟', phone: '13812341234' });
    // Nobody on duty when they arrive: both wait in the pool; an agent comes on duty later.
    const first = await w.ok(res2.token, 'post', '/tickets', w.repair(c2.roomA.id));
    const second = await w.ok(res2.token, 'post', '/tickets', w.repair(c2.roomA.id, { description: '卫生间下水道堵了' }));
    const night = await w.staff('s_night', ['agent'], [c2.id]);
    await w.onDuty(c2.id, null, night.id, 20);
    const ids = [first.id, second.id];
    const state = async () =>
      t.sql<{ id: string; owner_id: string | null; version: number; updated_at: Date }>(
        `SELECT id, owner_id, version, updated_at FROM tickets WHERE id IN (?, ?) ORDER BY id`,
        ids,
      );
    const timeline = async (id: string) =>
      (await t.sql<{ type: string }>('SELECT type FROM ticket_events WHERE ticket_id = ? ORDER BY id', [id])).map((e) => e.type);
    const before = await state();
    expect(before.map((r) => r.owner_id)).toEqual([null, null]);

    // One pass: the first breaches its respond limit, the second is only near its own.
    const when = at(first.deadlines.respondBy, 1000);
    await t.sql('UPDATE tickets SET respond_by = ?, next_due_at = ? WHERE id = ?', [
      at(when.toISOString(), 20 * 60_000),
      at(when.toISOString(), -60_000),
      second.id,
    ]);
    await scanner.scan(when);
    expect(await timeline(first.id)).toEqual(['created', 'pooled', 'overdue', 'escalated']);
    expect(await timeline(second.id)).toEqual(['created', 'pooled']);
    expect(await staffNotices(night.token, first.id)).toEqual(['sla.overdue']);
    expect(await staffNotices(night.token, second.id)).toEqual(['sla.warning']);
    expect(await staffNotices(boss2.token, first.id)).toEqual(['sla.escalated']);
    const after = await state();
    expect(after.map((r) => Number(r.version))).toEqual(before.map((r) => Number(r.version) + 1));
    expect(after.map((r) => new Date(r.updated_at).getTime())).toEqual(before.map((r) => new Date(r.updated_at).getTime())); // not closed: untouched

    // An hour on, in one pass: the first goes to the admins, the second breaches and goes to the supervisor.
    const later = at(when.toISOString(), HOUR + 2000);
    const result = await scanner.scan(later);
    expect(result.escalated).toBeGreaterThanOrEqual(2);
    expect(await timeline(first.id)).toEqual(['created', 'pooled', 'overdue', 'escalated', 'escalated']);
    expect(await timeline(second.id)).toEqual(['created', 'pooled', 'overdue', 'escalated']);
    expect(await staffNotices(night.token, second.id)).toEqual(['sla.overdue', 'sla.warning']);
    expect(await staffNotices(boss2.token, second.id)).toEqual(['sla.escalated']);
    expect(await staffNotices(await w.admin(), first.id)).toEqual(['sla.escalated']);
    const levels = await t.sql<{ escalation_level: number; escalated_at: Date; sla_breached: number; version: number }>(
      'SELECT escalation_level, escalated_at, sla_breached, version FROM tickets WHERE id IN (?, ?) ORDER BY id',
      ids,
    );
    expect(levels.map((r) => [Number(r.escalation_level), new Date(r.escalated_at).getTime(), Number(r.sla_breached), Number(r.version)])).toEqual([
      [2, later.getTime(), 1, Number(before[0]!.version) + 2],
      [1, later.getTime(), 1, Number(before[1]!.version) + 2],
    ]);
  });

  it("sends each ticket's running clock and how it stands, and list items carry the appointment (the technician's 今日)", async () => {
    const tech = await w.staff('s_tech_clock', ['technician'], [c.id]);
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    const respondBy = tk.deadlines.respondBy as string;
    expect(tk.clock).toEqual({ name: 'respond', dueAt: respondBy, warnAt: at(respondBy, -30 * 60_000).toISOString(), state: 'ok' });

    // Within SLA_WARN_LEAD_SEC of the deadline: warning; past it: breached (moved by editing the deadline, not by sleeping).
    const setRespondBy = (d: Date) => t.sql('UPDATE tickets SET respond_by = ? WHERE id = ?', [d, tk.id]);
    await setRespondBy(new Date(Date.now() + 10 * 60_000));
    expect((await w.ok(agent.token, 'get', `/tickets/${tk.id}`)).clock.state).toBe('warning');
    await setRespondBy(new Date(Date.now() - 60_000));
    const late = await w.ok(agent.token, 'get', '/tickets?limit=100');
    expect(late.items.find((i: { id: string }) => i.id === tk.id).clock).toMatchObject({ name: 'respond', state: 'breached' });

    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    const appointmentAt = new Date(Date.now() + 3 * HOUR).toISOString();
    const dispatched = await w.ok(agent.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech.id, appointmentAt });
    expect(dispatched.clock).toMatchObject({ name: 'onsite', dueAt: dispatched.deadlines.onsiteBy, state: 'ok' });
    expect(dispatched.runningClocks).toEqual(['onsite', 'resolve']);
    const jobs = await w.ok(tech.token, 'get', '/tickets?mine=assignee&stage=open&sort=deadline');
    expect(jobs.items.map((i: { id: string; appointmentAt: string }) => [i.id, i.appointmentAt])).toEqual([[tk.id, appointmentAt]]);
    const newest = await w.ok(tech.token, 'get', '/tickets?mine=assignee');
    expect(newest.items[0].appointmentAt).toBe(appointmentAt);

    await w.ok(tech.token, 'post', `/tickets/${tk.id}/hold`, { reason: '等配件' });
    expect((await w.ok(agent.token, 'get', `/tickets/${tk.id}`)).clock).toMatchObject({ name: 'onsite', state: 'paused' });
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/cancel`, { reason: '业主取消' });
    const cancelled = await w.ok(agent.token, 'get', `/tickets/${tk.id}`);
    expect([cancelled.clock, cancelled.runningClocks]).toEqual([null, []]);
  });
});
