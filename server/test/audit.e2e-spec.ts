import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** Issue #22: the audit log names what it is about and can be narrowed by operator, action and day. */
describe('audit log', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp('audit');
    w = new World(t);
  });
  afterAll(() => t.close());

  it('names each target as people know it, and filters by operator, action (or its object) and time', async () => {
    const c = await w.community();
    const agent = await w.staff('au_agent', ['agent'], [c.id], { name: '李敏' });
    const boss = await w.staff('au_boss', ['supervisor'], [c.id], { name: '周主管' });
    const agent2 = await w.staff('au_agent2', ['agent'], [c.id], { name: '赵强' });
    const tk = await w.ok(agent.token, 'post', '/tickets', { ...w.repair(c.roomA.id), contactPhone: '13812341234' });
    await w.ok(boss.token, 'post', `/tickets/${tk.id}/transfer`, { toStaffId: agent2.id, reason: '涉及 B2 区' });
    const admin = await w.admin();

    const transfers = await w.ok(admin, 'get', '/admin/audit-logs?action=ticket.transfer');
    expect(transfers.items).toHaveLength(1);
    expect(transfers.items[0]).toMatchObject({
      action: 'ticket.transfer',
      targetType: 'ticket',
      targetId: tk.id,
      targetLabel: tk.no,
      actor: { name: '周主管' },
    });

    const aboutTickets = await w.ok(admin, 'get', '/admin/audit-logs?action=ticket.');
    expect(aboutTickets.items.map((a: { action: string }) => a.action).sort()).toEqual(['ticket.create', 'ticket.transfer']);
    const staffRows = await w.ok(admin, 'get', '/admin/audit-logs?action=staff.create');
    expect(staffRows.items.map((a: { targetLabel: string }) => a.targetLabel).sort()).toEqual(['周主管', '李敏', '赵强']);
    const rooms = await w.ok(admin, 'get', '/admin/audit-logs?action=room.create');
    expect(rooms.items.some((a: { targetLabel: string }) => a.targetLabel === c.roomA.label)).toBe(true);

    const byBoss = await w.ok(admin, 'get', `/admin/audit-logs?actorId=${boss.id}`);
    expect(byBoss.items.map((a: { action: string }) => a.action)).toContain('ticket.transfer');
    expect(byBoss.items.every((a: { actor: { id: string } }) => a.actor.id === boss.id)).toBe(true);

    const future = new Date(Date.now() + 3600_000).toISOString();
    expect((await w.ok(admin, 'get', `/admin/audit-logs?from=${encodeURIComponent(future)}`)).items).toEqual([]);
    const past = new Date(Date.now() - 3600_000).toISOString();
    expect(
      (await w.ok(admin, 'get', `/admin/audit-logs?from=${encodeURIComponent(past)}&to=${encodeURIComponent(future)}&action=ticket.transfer`)).items,
    ).toHaveLength(1);

    const bad = await w.as(admin, 'get', '/admin/audit-logs?action=DROP%20TABLE');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect((await w.as(admin, 'get', '/admin/audit-logs?from=yesterday')).status).toBe(400);
    expect((await w.as(agent.token, 'get', '/admin/audit-logs')).status).toBe(403);
  });
});
