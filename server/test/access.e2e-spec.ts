import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** Residents see their own requests, staff their communities, technicians their jobs (DESIGN.md §4). */
describe('access scoping', () => {
  let t: TestApp;
  let w: World;
  let c: Awaited<ReturnType<World['community']>>;
  let d: Awaited<ReturnType<World['community']>>;
  let ticketA: { id: string };
  let residentA: { id: string; token: string };
  let residentB: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp('access');
    w = new World(t);
    c = await w.community('甲小区');
    d = await w.community('乙小区');
    residentA = await w.resident('acc_a', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    residentB = await w.resident('acc_b', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    ticketA = await w.ok(residentA.token, 'post', '/tickets', w.repair(c.roomA.id));
  });
  afterAll(() => t.close());

  it('hides a resident’s request from another resident (404, and not in their list)', async () => {
    const res = await w.as(residentB.token, 'get', `/tickets/${ticketA.id}`);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('NOT_FOUND');
    expect((await w.ok(residentB.token, 'get', '/tickets')).items).toEqual([]);
    for (const action of ['cancel', 'urge', 'confirm', 'reopen']) {
      const r = await w.as(residentB.token, 'post', `/tickets/${ticketA.id}/${action}`, ['cancel', 'reopen'].includes(action) ? { reason: 'x' } : {});
      expect({ action, status: r.status }).toEqual({ action, status: 404 });
    }
    expect((await w.ok(residentA.token, 'get', `/tickets/${ticketA.id}`)).id).toBe(ticketA.id);
  });

  it('does not let a resident report from a room they have not bound', async () => {
    const res = await w.as(residentB.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('ROOM_NOT_BOUND');
  });

  it('hides another community’s requests from staff', async () => {
    const outsider = await w.staff('acc_out', ['agent', 'supervisor'], [d.id]);
    expect((await w.as(outsider.token, 'get', `/tickets/${ticketA.id}`)).status).toBe(404);
    expect((await w.as(outsider.token, 'post', `/tickets/${ticketA.id}/claim`)).status).toBe(404);
    expect((await w.ok(outsider.token, 'get', '/tickets')).items).toEqual([]);
    expect((await w.as(outsider.token, 'get', `/tickets?communityId=${c.id}`)).status).toBe(403);
    expect((await w.as(outsider.token, 'post', '/tickets', { ...w.repair(c.roomA.id), channel: 'phone' })).body.code).toBe('ROOM_NOT_IN_COMMUNITY');
    const insider = await w.staff('acc_in', ['agent'], [c.id]);
    expect((await w.ok(insider.token, 'get', '/tickets')).items.map((i: { id: string }) => i.id)).toEqual([ticketA.id]);
  });

  it('shows a technician only what was dispatched to them', async () => {
    const agent = await w.staff('acc_agent', ['agent'], [c.id]);
    const tech1 = await w.staff('acc_t1', ['technician'], [c.id]);
    const tech2 = await w.staff('acc_t2', ['technician'], [c.id]);
    const tk = await w.ok(agent.token, 'post', '/tickets', { ...w.repair(c.roomA.id), channel: 'phone' });
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech1.id });
    expect((await w.as(tech1.token, 'get', `/tickets/${tk.id}`)).status).toBe(200);
    expect((await w.as(tech2.token, 'get', `/tickets/${tk.id}`)).status).toBe(404);
    expect((await w.ok(tech2.token, 'get', '/tickets')).items).toEqual([]);
    expect((await w.as(tech2.token, 'post', `/tickets/${tk.id}/start`, {})).status).toBe(404);
    expect((await w.ok(tech1.token, 'get', '/tickets?mine=assignee')).items.map((i: { id: string }) => i.id)).toEqual([tk.id]);
  });

  it('keeps admin endpoints to their roles', async () => {
    const agent = await w.staff('acc_role', ['agent'], [c.id]);
    expect((await w.as(agent.token, 'post', '/admin/communities', { name: 'x' })).status).toBe(403);
    expect((await w.as(agent.token, 'get', '/admin/audit-logs')).status).toBe(403);
    expect((await w.as(residentA.token, 'get', '/admin/staff')).status).toBe(403);
    expect((await w.as(agent.token, 'get', '/me')).status).toBe(403);
    expect((await t.http.get('/api/v1/tickets')).status).toBe(401);
    expect((await t.http.get('/api/v1/tickets').set('Authorization', 'Bearer not.a.token')).body.code).toBe('UNAUTHENTICATED');
  });

  it('stores no phone number or roster name in plain text', async () => {
    const hits = await t.sql(
      `SELECT 'rooms' AS t FROM rooms WHERE CONCAT_WS('|', owner_name_enc, owner_phone_enc) LIKE '%1381234%' OR owner_name_enc LIKE '%张伟%'
       UNION ALL SELECT 'tickets' FROM tickets WHERE contact_phone_enc LIKE '%1381234%'
       UNION ALL SELECT 'bindings' FROM room_bindings WHERE CONCAT_WS('|', name_enc, phone_enc) LIKE '%1381234%' OR name_enc LIKE '%张伟%'`,
    );
    expect(hits).toEqual([]);
    const stored = await t.sql<{ contact_phone_enc: string }>('SELECT contact_phone_enc FROM tickets WHERE id = ?', [ticketA.id]);
    expect(stored[0]!.contact_phone_enc).toMatch(/^k1:/);
  });
});
