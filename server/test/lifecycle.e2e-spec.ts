import { sidewaysPhotoWithGps, solid } from './support/images';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/**
 * Issue #2's "done when": a repair driven over HTTP from a resident's WeChat login
 * through acceptance, dispatch, on-site work, resolution, confirmation, rating and the
 * return visit — with the owner (首接人) never changing along the way.
 */
describe('a repair from WeChat login to return visit', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp('life');
    w = new World(t);
  });
  afterAll(() => t.close());

  it('follows the whole life cycle and keeps its first-contact owner', async () => {
    const c = await w.community();
    const agent = await w.staff('agent_li', ['agent'], [c.id], { name: '李客服' });
    const tech = await w.staff('tech_wang', ['technician'], [c.id], { name: '王师傅', skills: ['水电'] });
    await w.onDuty(c.id, c.zoneA1, agent.id);

    const resident = await w.resident('zhangwei', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    const me = await w.ok(resident.token, 'get', '/me');
    expect(me.rooms).toEqual([{ roomId: c.roomA.id, communityId: c.id, label: 'A1区 3栋 2单元 1201', status: 'approved' }]);

    const created = await w.as(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect(created.status).toBe(201);
    const ticket = created.body;
    expect(ticket.no).toMatch(/^BX\d{8}-0001$/);
    expect(ticket.status).toBe('submitted');
    expect(ticket.channel).toBe('miniapp');
    expect(ticket.owner).toEqual({ id: agent.id, name: '李客服' });
    expect(ticket.contactPhoneMasked).toBe('138****1234');
    expect(ticket.room).toEqual({ id: c.roomA.id, label: 'A1区 3栋 2单元 1201', communityId: c.id, zoneId: c.zoneA1 });
    // Repair defaults: respond 2 h, on site 24 h, resolve 72 h (DESIGN.md).
    const created_ = new Date(ticket.createdAt).getTime();
    expect(new Date(ticket.deadlines.respondBy).getTime() - created_).toBe(2 * 3600_000);
    expect(new Date(ticket.deadlines.onsiteBy).getTime() - created_).toBe(24 * 3600_000);
    expect(new Date(ticket.deadlines.resolveBy).getTime() - created_).toBe(72 * 3600_000);
    expect(ticket.events.map((e: { type: string }) => e.type)).toEqual(['created', 'routed']);

    const id = ticket.id;
    const step = async (token: string, action: string, body: object = {}, status = 'accepted') => {
      const res = await w.as(token, 'post', `/tickets/${id}/${action}`, body);
      expect({ action, status: res.status, body: res.status >= 300 ? res.body : undefined }).toEqual({ action, status: 200, body: undefined });
      expect(res.body.status).toBe(status);
      expect(res.body.owner?.id).toBe(agent.id);
      return res.body;
    };

    await step(agent.token, 'accept', { note: '已联系业主' }, 'accepted');
    const dispatched = await step(agent.token, 'dispatch', { assigneeId: tech.id, appointmentAt: new Date(Date.now() + 3600_000).toISOString() }, 'dispatched');
    expect(dispatched.assignee).toEqual({ id: tech.id, name: '王师傅' });
    await step(tech.token, 'start', { note: '已到现场' }, 'in_progress');
    const held = await step(tech.token, 'hold', { reason: '等配件' }, 'in_progress');
    expect(held.onHold).toBe(true);
    const resumed = await step(tech.token, 'resume', { reason: '配件到了' }, 'in_progress');
    expect(resumed.onHold).toBe(false);
    expect(new Date(resumed.deadlines.resolveBy).getTime()).toBeGreaterThanOrEqual(new Date(ticket.deadlines.resolveBy).getTime());
    const resolved = await step(tech.token, 'resolve', { note: '已更换阀芯', fee: 35 }, 'resolved');
    expect(resolved.fee).toBe(35);
    expect(resolved.deadlines.confirmBy).not.toBeNull();

    const confirmed = await step(resident.token, 'confirm', {}, 'closed');
    expect(confirmed.status).toBe('closed');
    const rated = await w.as(resident.token, 'post', `/tickets/${id}/rating`, { attitude: 5, timeliness: 4, quality: 5, comment: '师傅很专业' });
    expect(rated.status).toBe(201);
    expect(rated.body.rating).toEqual({ attitude: 5, timeliness: 4, quality: 5, comment: '师傅很专业', tags: [], reply: null });
    const again = await w.as(resident.token, 'post', `/tickets/${id}/rating`, { attitude: 1, timeliness: 1, quality: 1 });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('ALREADY_RATED');

    // The owner answers the rating; a technician may not.
    expect((await w.as(tech.token, 'post', `/tickets/${id}/rating/reply`, { reply: '谢谢' })).status).toBe(403);
    const replied = await w.ok(agent.token, 'post', `/tickets/${id}/rating/reply`, { reply: '感谢您的评价，我们会继续努力' });
    expect(replied.rating.reply).toBe('感谢您的评价，我们会继续努力');
    expect((await w.ok(resident.token, 'get', `/tickets/${id}`)).rating.reply).toBe('感谢您的评价，我们会继续努力');

    const revisited = await step(agent.token, 'revisit', { satisfied: true, note: '业主满意' }, 'revisited');
    expect(revisited.events.map((e: { type: string }) => e.type)).toEqual([
      'created',
      'routed',
      'accepted',
      'dispatched',
      'started',
      'held',
      'resumed',
      'resolved',
      'confirmed',
      'rated',
      'revisited',
    ]);
    const byActor = revisited.events.map((e: { actor: { kind: string; name: string } }) => `${e.actor.kind}:${e.actor.name}`);
    expect(byActor).toContain('staff:王师傅');
    expect(byActor).toContain('resident:业主');

    // The resident sees it in their list; a closed request is "done".
    const mine = await w.ok(resident.token, 'get', '/tickets?stage=done');
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([id]);
  });

  it('reopens an unsatisfied return visit to the same owner', async () => {
    const c = await w.community('第二小区');
    const agent = await w.staff('agent_zhao', ['agent'], [c.id]);
    await w.onDuty(c.id, null, agent.id);
    const resident = await w.resident('wangfang', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    const t1 = await w.ok(resident.token, 'post', '/tickets', { ...w.repair(c.roomA2.id), type: 'complaint', category: '噪音' });
    expect(t1.no).toMatch(/^TS/);
    expect(t1.owner.id).toBe(agent.id);
    await w.ok(agent.token, 'post', `/tickets/${t1.id}/accept`, {});
    // A complaint ends with its formal reply to the resident.
    await w.ok(agent.token, 'post', `/tickets/${t1.id}/formal-reply`, { result: '已与邻居沟通', measures: '晚十点后不再施工' });
    await w.ok(agent.token, 'post', `/tickets/${t1.id}/resolve`, { note: '已与邻居沟通' });
    await w.ok(agent.token, 'post', `/tickets/${t1.id}/verify`, { note: '电话确认' });
    const reopened = await w.ok(agent.token, 'post', `/tickets/${t1.id}/revisit`, { satisfied: false, note: '噪音仍在' });
    expect(reopened.status).toBe('accepted');
    expect(reopened.owner.id).toBe(agent.id);
    expect(reopened.reopenCount).toBe(1);
    expect(reopened.deadlines.confirmBy).toBeNull();
    expect(reopened.events.slice(-2).map((e: { type: string }) => e.type)).toEqual(['revisited', 'reopened']);
  });

  it('carries photos: the resident’s on the request, the technician’s on the resolution, visible only to those who may see it', async () => {
    const c = await w.community('照片小区');
    const agent = await w.staff('photo_agent', ['agent'], [c.id]);
    const tech = await w.staff('photo_tech', ['technician'], [c.id]);
    await w.onDuty(c.id, c.zoneA1, agent.id);
    const resident = await w.resident('photo_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    const upload = async (token: string, image: Buffer) => {
      const res = await t.http
        .post('/api/v1/uploads')
        .set('Authorization', `Bearer ${token}`)
        .attach('file', image, { filename: 'p.jpg', contentType: 'image/jpeg' });
      expect(res.status).toBe(201);
      return res.body as { id: string; url: string };
    };
    const before = await upload(resident.token, await sidewaysPhotoWithGps());
    const tk = await w.ok(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), photoIds: [before.id] });
    expect(tk.photos.map((p: { id: string }) => p.id)).toEqual([before.id]);
    expect(tk.events[0].photos.map((p: { id: string }) => p.id)).toEqual([before.id]);
    const image = await t.http.get(tk.photos[0].url);
    expect(image.status).toBe(200);
    expect(image.headers['content-type']).toBe('image/jpeg');

    await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech.id });
    const after = await upload(tech.token, await solid('jpeg'));
    const resolved = await w.ok(tech.token, 'post', `/tickets/${tk.id}/resolve`, { note: '已修好', photoIds: [after.id] });
    expect(resolved.events.at(-1).photos.map((p: { id: string }) => p.id)).toEqual([after.id]);

    // Someone else's upload, or one already on another request, cannot be attached.
    const stranger = await w.resident('photo_other', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    const stolen = await w.as(stranger.token, 'post', '/tickets', { ...w.repair(c.roomA2.id), photoIds: [before.id] });
    expect(stolen.status).toBe(400);
    expect(stolen.body.code).toBe('PHOTO_INVALID');
    expect((await w.as(stranger.token, 'get', `/tickets/${tk.id}`)).status).toBe(404);
    const tampered = tk.photos[0].url.replace(/sig=[^&]+/, 'sig=' + 'a'.repeat(64));
    expect((await t.http.get(tampered)).status).toBe(403);
  });

  it('answers a submission with exactly what a later read of it returns', async () => {
    // The answer to POST is rendered from what was written, not read back: any column it
    // got wrong (a default, a precision, a name) shows up here as a difference from GET.
    const c = await w.community('回读小区');
    const agent = await w.staff('echo_agent', ['agent'], [c.id], { name: '钱客服' });
    await w.onDuty(c.id, c.zoneA1, agent.id);
    const resident = await w.resident('echo_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    await w.ok(resident.token, 'post', '/me/rooms', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
    const admin = await w.admin();
    const item = await w.ok(admin, 'post', '/admin/service-items', { communityId: c.id, name: '空调清洗', price: 120, durationMin: 120, slotCapacity: 2 });
    const day = new Date(Date.now() + 44 * 3600_000).toISOString().slice(0, 10);
    const slot = (await w.ok(resident.token, 'get', `/service-items/${item.id}/slots?date=${day}`)).items[0].start;
    const photo = await t.http
      .post('/api/v1/uploads')
      .set('Authorization', `Bearer ${resident.token}`)
      .attach('file', await solid('jpeg'), { filename: 'p.jpg', contentType: 'image/jpeg' });
    const cases: [string, string, object][] = [
      ['routed, with a photo', resident.token, { ...w.repair(c.roomA.id), photoIds: [photo.body.id] }],
      ['pooled (nobody on duty in B2)', resident.token, w.repair(c.roomB.id)],
      ['flagged by the content check', resident.token, { ...w.repair(c.roomA.id), description: '电梯里贴满了广告' }],
      [
        'by staff, urgent, by phone',
        agent.token,
        { ...w.repair(c.roomA.id), channel: 'phone', priority: 'urgent', residentName: '张伟', residentPhone: '13812341234' },
      ],
      [
        'a booking',
        resident.token,
        {
          type: 'home_service',
          roomId: c.roomA.id,
          category: '家电清洗',
          description: '客厅挂机',
          serviceItemId: item.id,
          slotStart: slot,
          contactPhone: '13812341234',
        },
      ],
    ];
    // Photo URLs are signed with their expiry, so two renderings differ in the signature only.
    const unsigned = (view: object) => JSON.parse(JSON.stringify(view), (k, v) => (k === 'url' ? String(v).split('?')[0] : v));
    for (const [what, token, body] of cases) {
      const posted = await w.as(token, 'post', '/tickets', body);
      expect({ what, status: posted.status }).toEqual({ what, status: 201 });
      const read = await w.ok(token, 'get', `/tickets/${posted.body.id}`);
      expect({ what, view: unsigned(posted.body) }).toEqual({ what, view: unsigned(read) });
    }
  });

  it('refuses what the state does not allow, naming the current state', async () => {
    const c = await w.community('第三小区');
    const agent = await w.staff('agent_qian', ['agent'], [c.id]);
    await w.onDuty(c.id, c.zoneB2, agent.id);
    const resident = await w.resident('lina', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomB.id));
    const confirm = await w.as(resident.token, 'post', `/tickets/${tk.id}/confirm`);
    expect(confirm.status).toBe(409);
    expect(confirm.body.code).toBe('INVALID_TRANSITION');
    expect(confirm.body.message).toContain('待受理');
    const residentAccept = await w.as(resident.token, 'post', `/tickets/${tk.id}/accept`, {});
    expect(residentAccept.status).toBe(403);
    const cancelled = await w.ok(resident.token, 'post', `/tickets/${tk.id}/cancel`, { reason: '已自行修好' });
    expect(cancelled.status).toBe('cancelled');
    const accept = await w.as(agent.token, 'post', `/tickets/${tk.id}/accept`, {});
    expect(accept.status).toBe(409);
    expect(accept.body.message).toContain('已取消');
  });
});
