import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** DESIGN.md §2, the first-contact responsibility rule, case by case. */
describe('first-contact routing', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp('route');
    w = new World(t);
  });
  afterAll(() => t.close());

  it('routes to the agent on duty for the room’s zone, not another zone’s', async () => {
    const c = await w.community('路由一');
    const a1 = await w.staff('r1_a1', ['agent'], [c.id]);
    const b2 = await w.staff('r1_b2', ['agent'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, a1.id);
    await w.onDuty(c.id, c.zoneB2, b2.id);
    const res = await w.resident('r1_res', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
    const tk = await w.ok(res.token, 'post', '/tickets', w.repair(c.roomB.id));
    expect(tk.owner.id).toBe(b2.id);
    expect(tk.events[1]).toMatchObject({ type: 'routed', actor: { kind: 'system' } });
  });

  it('falls back to the community-wide night shift when the zone has nobody', async () => {
    const c = await w.community('路由二');
    const night = await w.staff('r2_night', ['agent'], [c.id]);
    const offDuty = await w.staff('r2_off', ['agent'], [c.id]);
    await w.onDuty(c.id, null, night.id);
    // A shift that ended an hour ago does not count.
    await w.ok(await w.admin(), 'post', '/admin/duty-shifts', {
      communityId: c.id,
      zoneId: c.zoneA1,
      staffId: offDuty.id,
      startAt: new Date(Date.now() - 10 * 3600_000).toISOString(),
      endAt: new Date(Date.now() - 3600_000).toISOString(),
    });
    const res = await w.resident('r2_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    const tk = await w.ok(res.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect(tk.owner.id).toBe(night.id);
  });

  it('picks the on-duty agent with the fewest open requests when several are on duty', async () => {
    const c = await w.community('路由三');
    const busy = await w.staff('r3_busy', ['agent'], [c.id]);
    const free = await w.staff('r3_free', ['agent'], [c.id]);
    // busy already owns two open requests (created by them at the desk: creator owns).
    await w.ok(busy.token, 'post', '/tickets', { ...w.repair(c.roomA.id), channel: 'phone' });
    await w.ok(busy.token, 'post', '/tickets', { ...w.repair(c.roomA.id), channel: 'walk_in' });
    await w.onDuty(c.id, c.zoneA1, busy.id);
    await w.onDuty(c.id, c.zoneA1, free.id);
    const res = await w.resident('r3_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    const first = await w.ok(res.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect(first.owner.id).toBe(free.id);
    const second = await w.ok(res.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect(second.owner.id).toBe(free.id); // free has 1, busy has 2
    const third = await w.ok(res.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect([busy.id, free.id]).toContain(third.owner.id); // 2 vs 2: a tie, lowest id wins
    expect(third.owner.id).toBe([busy.id, free.id].sort((a, b) => Number(a) - Number(b))[0]);
  });

  it('puts the request in the pool when nobody is on duty; of two concurrent claims exactly one wins', async () => {
    const c = await w.community('路由四');
    const x = await w.staff('r4_x', ['agent'], [c.id]);
    const y = await w.staff('r4_y', ['agent'], [c.id]);
    const res = await w.resident('r4_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    const tk = await w.ok(res.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect(tk.owner).toBeNull();
    expect(tk.events.map((e: { type: string }) => e.type)).toEqual(['created', 'pooled']);
    const pool = await w.ok(x.token, 'get', `/tickets?unowned=true&communityId=${c.id}`);
    expect(pool.items.map((i: { id: string }) => i.id)).toEqual([tk.id]);

    const [rx, ry] = await Promise.all([w.as(x.token, 'post', `/tickets/${tk.id}/claim`), w.as(y.token, 'post', `/tickets/${tk.id}/claim`)]);
    const statuses = [rx.status, ry.status].sort();
    expect(statuses).toEqual([200, 409]);
    const loser = rx.status === 409 ? rx : ry;
    const winner = rx.status === 200 ? x : y;
    expect(loser.body.code).toBe('ALREADY_OWNED');
    const detail = await w.ok(winner.token, 'get', `/tickets/${tk.id}`);
    expect(detail.owner.id).toBe(winner.id);
    expect(detail.events.filter((e: { type: string }) => e.type === 'claimed')).toHaveLength(1);
  });

  it('makes the creator the owner of a staff-created request, whatever their role', async () => {
    const c = await w.community('路由五');
    const agent = await w.staff('r5_agent', ['agent'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
    const tech = await w.staff('r5_tech', ['technician'], [c.id]);
    const tk = await w.ok(tech.token, 'post', '/tickets', { ...w.repair(c.roomA.id), channel: 'patrol', residentName: '张伟' });
    expect(tk.owner.id).toBe(tech.id);
    expect(tk.channel).toBe('patrol');
    expect(tk.events.map((e: { type: string }) => e.type)).toEqual(['created']);
  });

  it('never moves the owner on dispatch; only a supervisor transfers, with a reason, audited', async () => {
    const c = await w.community('路由六');
    const owner = await w.staff('r6_owner', ['agent'], [c.id]);
    const other = await w.staff('r6_other', ['agent'], [c.id]);
    const tech = await w.staff('r6_tech', ['technician'], [c.id]);
    const boss = await w.staff('r6_boss', ['supervisor'], [c.id], { name: '赵主管' });
    const tk = await w.ok(owner.token, 'post', '/tickets', { ...w.repair(c.roomA.id), channel: 'phone' });
    await w.ok(owner.token, 'post', `/tickets/${tk.id}/accept`, {});
    const dispatched = await w.ok(owner.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech.id });
    expect(dispatched.owner.id).toBe(owner.id);

    const byAgent = await w.as(other.token, 'post', `/tickets/${tk.id}/transfer`, { toStaffId: other.id, reason: '想接手' });
    expect(byAgent.status).toBe(403);
    const noReason = await w.as(boss.token, 'post', `/tickets/${tk.id}/transfer`, { toStaffId: other.id });
    expect(noReason.status).toBe(400);
    const toTech = await w.as(boss.token, 'post', `/tickets/${tk.id}/transfer`, { toStaffId: tech.id, reason: '调整' });
    expect(toTech.body.code).toBe('INVALID_STAFF');
    const moved = await w.ok(boss.token, 'post', `/tickets/${tk.id}/transfer`, { toStaffId: other.id, reason: '原首接人休假' });
    expect(moved.owner.id).toBe(other.id);
    expect(moved.assignee.id).toBe(tech.id);
    expect(moved.events.at(-1)).toMatchObject({ type: 'transferred', note: '原首接人休假', actor: { name: '赵主管' } });
    const audit = await t.sql<{ detail: string }>("SELECT detail FROM audit_logs WHERE action = 'ticket.transfer' AND target_id = ?", [tk.id]);
    expect(JSON.parse(audit[0]!.detail)).toEqual({ from: owner.id, to: other.id, reason: '原首接人休假' });
    // The old owner can no longer act as owner.
    const oldOwner = await w.as(owner.token, 'post', `/tickets/${tk.id}/verify`, {});
    expect(oldOwner.status).toBe(409);
  });

  it('sends an agent only to technicians of the same community', async () => {
    const c = await w.community('路由七');
    const d = await w.community('路由七外');
    const owner = await w.staff('r7_owner', ['agent'], [c.id]);
    const foreignTech = await w.staff('r7_ftech', ['technician'], [d.id]);
    const tk = await w.ok(owner.token, 'post', '/tickets', { ...w.repair(c.roomA.id), channel: 'phone' });
    await w.ok(owner.token, 'post', `/tickets/${tk.id}/accept`, {});
    const res = await w.as(owner.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: foreignTech.id });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('INVALID_ASSIGNEE');
  });
});
