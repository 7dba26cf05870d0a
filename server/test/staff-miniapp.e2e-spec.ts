import { solid } from './support/images';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/**
 * Issue 15 §2 — the staff side of the mini-program (员工端): sign-in bound to a WeChat
 * user, the two kinds of token kept apart, ticket actions that a phone's offline queue
 * may send more than once (Idempotency-Key), and the technician's change of visit time.
 */
describe('the staff side of the mini-program', () => {
  let t: TestApp;
  let w: World;
  let nonce = 0;
  const code = (user: string) => `fake:${user}:${++nonce}`;
  const bind = (user: string, username: string, password = 'password-123') =>
    t.http.post('/api/v1/auth/staff/wechat').send({ code: code(user), username, password });
  const silent = (user: string) => t.http.post('/api/v1/auth/staff/wechat/login').send({ code: code(user) });

  beforeAll(async () => {
    t = await startTestApp('staffapp');
    w = new World(t);
  });
  afterAll(() => t.close());

  it('binds a staff account to a WeChat user once, then signs in with wx.login alone', async () => {
    const c = await w.community();
    const tech = await w.staff('sa_tech', ['technician'], [c.id], { name: '王师傅' });

    // Not bound yet: the silent sign-in asks for the password.
    const before = await silent('wang_phone');
    expect(before.status).toBe(401);
    expect(before.body).toMatchObject({ code: 'STAFF_NOT_BOUND', message: '请使用工作账号和密码登录' });

    // A wrong password binds nothing.
    const wrong = await bind('wang_phone', 'sa_tech', 'not-the-password');
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('LOGIN_FAILED');
    expect(await t.sql('SELECT * FROM staff_wechat_bindings')).toHaveLength(0);
    // Nor does a code WeChat refuses (the fake answers 40029 to codes it does not know).
    const badCode = await t.http.post('/api/v1/auth/staff/wechat').send({ code: 'not-a-code', username: 'sa_tech', password: 'password-123' });
    expect(badCode.status).toBe(401);
    expect(badCode.body.code).toBe('WECHAT_CODE_INVALID');

    const first = await bind('wang_phone', 'sa_tech');
    expect(first.status).toBe(200);
    expect(first.body.staff).toEqual({ id: tech.id, name: '王师傅', roles: ['technician'], communityIds: [c.id] });
    expect((await w.as(first.body.accessToken, 'get', '/tickets?mine=assignee')).status).toBe(200);
    const rows = await t.sql<{ staff_id: string; openid: string }>('SELECT staff_id, openid FROM staff_wechat_bindings');
    expect(rows).toEqual([{ staff_id: expect.anything(), openid: t.fake.openidFor('wang_phone') }]);
    expect(String(rows[0]!.staff_id)).toBe(tech.id);

    // From now on wx.login is enough, on this WeChat user only.
    const again = await silent('wang_phone');
    expect(again.status).toBe(200);
    expect(again.body.staff.id).toBe(tech.id);
    expect((await w.as(again.body.accessToken, 'get', '/tickets?mine=assignee')).status).toBe(200);
    expect((await silent('someone_else')).body.code).toBe('STAFF_NOT_BOUND');

    // The admin's staff list says who is bound.
    const admin = await w.admin();
    const listed = (await w.ok(admin, 'get', `/admin/staff?communityId=${c.id}`)).items.find((s: { id: string }) => s.id === tech.id);
    expect(listed.wechatBound).toBe(true);
    const audit = await t.sql<{ action: string }>("SELECT action FROM audit_logs WHERE action = 'staff.wechat_bind'");
    expect(audit).toHaveLength(1);
  });

  it('keeps one account per WeChat user and one WeChat user per account', async () => {
    const c = await w.community('碧水苑');
    const a = await w.staff('sa_one', ['agent'], [c.id]);
    const b = await w.staff('sa_two', ['agent'], [c.id]);
    expect((await bind('shared_phone', 'sa_one')).status).toBe(200);
    // A colleague signs in on the same phone: the phone now speaks for them only.
    expect((await bind('shared_phone', 'sa_two')).status).toBe(200);
    expect((await silent('shared_phone')).body.staff.id).toBe(b.id);
    // The first account moves to a new phone: its old binding (none left) and the new one.
    expect((await bind('new_phone', 'sa_one')).status).toBe(200);
    expect((await silent('new_phone')).body.staff.id).toBe(a.id);
    expect((await silent('shared_phone')).body.staff.id).toBe(b.id);
    // sa_two moves too: the shared phone is bound to nobody.
    expect((await bind('b_new_phone', 'sa_two')).status).toBe(200);
    expect((await silent('shared_phone')).body.code).toBe('STAFF_NOT_BOUND');
    const counts = await t.sql<{ n: number }>(
      "SELECT COUNT(*) AS n FROM staff_wechat_bindings WHERE staff_id IN (SELECT id FROM staff WHERE username IN ('sa_one', 'sa_two'))",
    );
    expect(Number(counts[0]!.n)).toBe(2);
  });

  it('ends the binding on unbinding, deactivation and a new password', async () => {
    const c = await w.community('绿景苑');
    const admin = await w.admin();
    const s = await w.staff('sa_leaver', ['technician'], [c.id]);

    expect((await bind('leaver_phone', 'sa_leaver')).status).toBe(200);
    const token = (await silent('leaver_phone')).body.accessToken;
    const unbound = await w.as(admin, 'delete', `/admin/staff/${s.id}/wechat`);
    expect(unbound.status).toBe(200);
    expect(unbound.body.wechatBound).toBe(false);
    expect((await silent('leaver_phone')).body.code).toBe('STAFF_NOT_BOUND');
    // Unbinding ends the phone's sign-in; a token already issued lives out its short life (as a password login's would).
    expect((await w.as(token, 'get', '/tickets')).status).toBe(200);
    expect((await t.sql("SELECT action FROM audit_logs WHERE action = 'staff.wechat_unbind'")).length).toBe(1);
    // Only an admin unbinds.
    expect((await w.as(s.token, 'delete', `/admin/staff/${s.id}/wechat`)).status).toBe(403);

    // A new password: the binding ends, and so does every token.
    const bound = await bind('leaver_phone', 'sa_leaver');
    await w.ok(admin, 'patch', `/admin/staff/${s.id}`, { password: 'another-password-1' });
    expect((await silent('leaver_phone')).body.code).toBe('STAFF_NOT_BOUND');
    expect((await w.as(bound.body.accessToken, 'get', '/tickets')).status).toBe(401);
    expect((await bind('leaver_phone', 'sa_leaver')).body.code).toBe('LOGIN_FAILED');

    // Deactivated: the binding ends; reactivation does not bring it back.
    expect((await bind('leaver_phone', 'sa_leaver', 'another-password-1')).status).toBe(200);
    await w.ok(admin, 'patch', `/admin/staff/${s.id}`, { active: false });
    expect((await silent('leaver_phone')).body.code).toBe('STAFF_NOT_BOUND');
    await w.ok(admin, 'patch', `/admin/staff/${s.id}`, { active: true });
    expect((await silent('leaver_phone')).body.code).toBe('STAFF_NOT_BOUND');
  });

  it('never lets a staff token act as a resident, nor a resident token as staff', async () => {
    const c = await w.community('金色家园');
    const agent = await w.staff('sa_agent_sep', ['agent'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
    // The same person is a resident of the community and a member of staff, on one WeChat user.
    const resident = await w.resident('both_hats', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    const staff = await bind('both_hats', 'sa_agent_sep');
    expect(staff.status).toBe(200);
    const staffToken = staff.body.accessToken as string;

    const mine = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    // Staff token on the resident's routes: refused, and no resident is created or read.
    expect((await w.as(staffToken, 'get', '/me')).status).toBe(403);
    expect((await w.as(staffToken, 'get', '/notices')).status).toBe(403);
    expect((await w.as(staffToken, 'post', `/tickets/${mine.id}/urge`)).status).toBe(403);
    expect((await w.as(staffToken, 'post', `/tickets/${mine.id}/confirm`)).status).toBe(403);
    // A staff token creating a request is a staff registration (channel phone), never the resident's own.
    const viaStaff = await w.as(staffToken, 'post', '/tickets', w.repair(c.roomA.id));
    expect(viaStaff.status).toBe(201);
    expect(viaStaff.body).toMatchObject({ channel: 'phone', residentId: null, owner: { id: agent.id } });

    // Resident token on staff routes: refused.
    expect((await w.as(resident.token, 'post', `/tickets/${mine.id}/accept`, {})).status).toBe(403);
    expect((await w.as(resident.token, 'post', `/tickets/${mine.id}/reveal-phone`)).status).toBe(403);
    expect((await w.as(resident.token, 'get', '/admin/staff')).status).toBe(403);
    expect((await w.as(resident.token, 'get', '/staff/events')).status).toBe(403);
    // The resident's list holds their own request only, not what the staff side sees.
    const list = await w.ok(resident.token, 'get', '/tickets');
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
  });

  it('applies an action sent twice with one Idempotency-Key once, and lets the technician move the visit', async () => {
    const c = await w.community('翠苑二期');
    const agent = await w.staff('sa_owner', ['agent'], [c.id], { name: '李客服' });
    const tech = await w.staff('sa_fixer', ['technician'], [c.id], { name: '赵师傅', skills: ['水电'] });
    const otherTech = await w.staff('sa_other_fixer', ['technician'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
    const resident = await w.resident('sa_resident', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    const ticket = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id, { priority: 'urgent' }));
    await w.ok(agent.token, 'post', `/tickets/${ticket.id}/accept`, {});
    const visit = new Date(Date.now() + 2 * 3600_000);
    await w.ok(agent.token, 'post', `/tickets/${ticket.id}/dispatch`, { assigneeId: tech.id, appointmentAt: visit.toISOString() });

    // The list carries what the technician's day needs.
    const day = await w.ok(tech.token, 'get', '/tickets?mine=assignee&stage=open');
    expect(day.items).toHaveLength(1);
    expect(day.items[0]).toMatchObject({ id: ticket.id, priority: 'urgent', appointmentAt: visit.toISOString(), room: { label: 'A1区 3栋 2单元 1201' } });

    // Change of visit time, with a reason: on the timeline, and the resident is told.
    const noticesBefore = (await w.ok(resident.token, 'get', '/notices')).items.length;
    const later = new Date(Date.now() + 5 * 3600_000);
    expect((await w.as(tech.token, 'post', `/tickets/${ticket.id}/reschedule`, { appointmentAt: later.toISOString() })).status).toBe(400);
    const moved = await w.as(tech.token, 'post', `/tickets/${ticket.id}/reschedule`, { appointmentAt: later.toISOString(), reason: '配件明天才到' });
    expect(moved.status).toBe(200);
    expect(moved.body.appointmentAt).toBe(later.toISOString());
    expect(moved.body.status).toBe('dispatched');
    const last = moved.body.events[moved.body.events.length - 1];
    expect(last).toMatchObject({ type: 'dispatched', actor: { id: tech.id, name: '赵师傅' } });
    expect(last.note).toMatch(/^上门时间改为 .+：配件明天才到$/);
    const notices = (await w.ok(resident.token, 'get', '/notices')).items;
    expect(notices.length).toBe(noticesBefore + 1);
    expect(notices[0]).toMatchObject({ ticketId: ticket.id, title: '已安排师傅上门' });
    // The technician is not told of their own change.
    const techNotices = await t.sql("SELECT kind FROM staff_notices WHERE staff_id = ? AND kind = 'dispatched'", [tech.id]);
    expect(techNotices).toHaveLength(1);
    // Nobody else's visit to move.
    expect((await w.as(otherTech.token, 'post', `/tickets/${ticket.id}/reschedule`, { appointmentAt: later.toISOString(), reason: 'x' })).status).toBe(404);

    // Check-in sent twice with one key (the answer to the first was lost): applied once.
    const key = { 'Idempotency-Key': 'start-7f3a9c' };
    const s1 = await w.as(tech.token, 'post', `/tickets/${ticket.id}/start`, {}, key);
    const s2 = await w.as(tech.token, 'post', `/tickets/${ticket.id}/start`, {}, key);
    expect([s1.status, s2.status]).toEqual([200, 200]);
    expect(s2.body.status).toBe('in_progress');
    // Without the key the second would be refused: the request is already in progress.
    expect((await w.as(tech.token, 'post', `/tickets/${ticket.id}/start`, {})).status).toBe(409);

    // Before photos as a comment, then resolve with after photos and a fee, each sent twice.
    const upload = async () =>
      (
        await t.http
          .post('/api/v1/uploads')
          .set('Authorization', `Bearer ${tech.token}`)
          .attach('file', await solid('jpeg'), { filename: 'p.jpg', contentType: 'image/jpeg' })
      ).body.id as string;
    const before = await upload();
    const after = await upload();
    const ck = { 'Idempotency-Key': 'comment-1b2c' };
    await w.ok(tech.token, 'post', `/tickets/${ticket.id}/comments`, { note: '维修前照片', photoIds: [before] }, ck);
    await w.ok(tech.token, 'post', `/tickets/${ticket.id}/comments`, { note: '维修前照片', photoIds: [before] }, ck);
    const rk = { 'Idempotency-Key': 'resolve-9d8e' };
    const body = { note: '更换阀芯，已不漏水', photoIds: [after], fee: 35.5 };
    const r1 = await w.as(tech.token, 'post', `/tickets/${ticket.id}/resolve`, body, rk);
    const r2 = await w.as(tech.token, 'post', `/tickets/${ticket.id}/resolve`, body, rk);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(r2.body).toMatchObject({ status: 'resolved', fee: 35.5 });
    const types = (await t.sql<{ type: string }>('SELECT type FROM ticket_events WHERE ticket_id = ? ORDER BY id', [ticket.id])).map((e) => e.type);
    expect(types.filter((x) => x === 'started')).toHaveLength(1);
    expect(types.filter((x) => x === 'commented')).toHaveLength(1);
    expect(types.filter((x) => x === 'resolved')).toHaveLength(1);

    // One key, one action: the same key on another action or ticket is a different request.
    const again = await w.as(agent.token, 'post', `/tickets/${ticket.id}/verify`, {}, rk);
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('closed');
    // A malformed key is a clear 400.
    expect((await w.as(agent.token, 'post', `/tickets/${ticket.id}/comments`, { note: 'x' }, { 'Idempotency-Key': 'x'.repeat(65) })).body.code).toBe(
      'VALIDATION_FAILED',
    );
  });

  it('lists the requests at risk (a deadline within the warning lead time) for the supervisor', async () => {
    const c = await w.community('临期花园');
    const agent = await w.staff('sa_risk_agent', ['agent'], [c.id]);
    const sup = await w.staff('sa_risk_sup', ['supervisor'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
    const resident = await w.resident('sa_risk_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    const soon = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    const later = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id, { description: '阳台灯不亮' }));
    const past = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id, { description: '门禁失灵' }));
    // Respond limits: in 10 minutes (within the 30-minute lead), in 2 hours, and passed.
    const at = (ms: number) => new Date(Date.now() + ms);
    await t.sql('UPDATE tickets SET respond_by = ? WHERE id = ?', [at(10 * 60_000), soon.id]);
    await t.sql('UPDATE tickets SET respond_by = ? WHERE id = ?', [at(-10 * 60_000), past.id]);
    const risky = await w.ok(sup.token, 'get', `/tickets?atRisk=true&communityId=${c.id}`);
    expect(risky.items.map((i: { id: string }) => i.id)).toEqual([soon.id]);
    const overdue = await w.ok(sup.token, 'get', `/tickets?overdue=true&stage=open&communityId=${c.id}`);
    expect(overdue.items.map((i: { id: string }) => i.id)).toEqual([past.id]);
    // Accepted in time: no longer at risk.
    await w.ok(agent.token, 'post', `/tickets/${soon.id}/accept`, {});
    expect((await w.ok(sup.token, 'get', `/tickets?atRisk=true&communityId=${c.id}`)).items).toEqual([]);
    expect(later.id).toBeTruthy();
  });
});
