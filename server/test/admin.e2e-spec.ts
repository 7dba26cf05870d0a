import { solid } from './support/images';
import { PRIORITIES, TICKET_TYPES } from '@yizhan/shared';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** The admin endpoints of API.md: structure, roster import, bindings, roster of duty, SLA, catalogue, audit. */
describe('admin', () => {
  let t: TestApp;
  let w: World;
  let admin: string;
  let c: Awaited<ReturnType<World['community']>>;
  beforeAll(async () => {
    t = await startTestApp('admin');
    w = new World(t);
    admin = await w.admin();
    c = await w.community();
  });
  afterAll(() => t.close());

  it('imports a roster from CSV: checks every row, dry run writes nothing, then applies', async () => {
    const csv = [
      '分区,楼栋,单元,房号,业主姓名,业主电话',
      'A1,5,1,0101,陈静,13600001234',
      'A1,5,1,0102,刘洋,12345',
      'C9,6,1,0101,,',
      ',5,1,,,',
      'B2,9,2,0301,杨帆,',
    ].join('\n');
    const dry = await t.http
      .post(`/api/v1/admin/communities/${c.id}/rooms/import?dryRun=true`)
      .set('Authorization', `Bearer ${admin}`)
      .attach('file', Buffer.from('\uFEFF' + csv), { filename: 'roster.csv', contentType: 'text/csv' });
    expect(dry.status).toBe(201);
    expect(dry.body).toMatchObject({ dryRun: true, created: 0, updated: 0, failed: 3 });
    expect(dry.body.rows.map((r: { line: number; ok: boolean }) => [r.line, r.ok])).toEqual([
      [2, true],
      [3, false],
      [4, false],
      [5, false],
      [6, true],
    ]);
    expect(dry.body.rows[1].errors[0]).toContain('不是有效的手机号');
    expect(dry.body.rows[2].errors[0]).toContain('分区「C9」不存在');
    const before = (await w.ok(admin, 'get', `/admin/communities/${c.id}/rooms?q=5栋`)).items;
    expect(before).toEqual([]);

    const applied = await t.http
      .post(`/api/v1/admin/communities/${c.id}/rooms/import`)
      .set('Authorization', `Bearer ${admin}`)
      .attach('file', Buffer.from(csv), { filename: 'roster.csv', contentType: 'text/csv' });
    expect(applied.body).toMatchObject({ dryRun: false, created: 2, updated: 0, failed: 3 });
    const rooms = (await w.ok(admin, 'get', `/admin/communities/${c.id}/rooms?q=0101`)).items;
    expect(rooms).toEqual([expect.objectContaining({ label: 'A1区 5栋 1单元 0101', ownerName: '陈静', ownerPhoneMasked: '136****1234' })]);
    // Words in any order of the label, or the owner's name or phone as on the roster.
    for (const q of ['5栋 0101', '0101 A1区', '陈静', '13600001234']) {
      const found = (await w.ok(admin, 'get', `/admin/communities/${c.id}/rooms?q=${encodeURIComponent(q)}`)).items;
      expect([q, found.map((r: { label: string }) => r.label)]).toEqual([q, ['A1区 5栋 1单元 0101']]);
    }
    expect((await w.ok(admin, 'get', `/admin/communities/${c.id}/rooms?q=${encodeURIComponent('5栋 0999')}`)).items).toEqual([]);
    const notSpreadsheet = await t.http
      .post(`/api/v1/admin/communities/${c.id}/rooms/import`)
      .set('Authorization', `Bearer ${admin}`)
      .attach('file', Buffer.from('%PDF-1.4'), { filename: 'x.pdf', contentType: 'application/pdf' });
    expect(notSpreadsheet.status).toBe(415);
  });

  it('holds a binding that does not match the roster for staff review', async () => {
    const agent = await w.staff('adm_agent', ['agent'], [c.id]);
    const r = await w.resident('tenant');
    const pending = await w.ok(r.token, 'post', '/me/rooms', { roomId: c.roomA.id, name: '租客小周', phone: '13500009999' });
    expect(pending).toEqual({ roomId: c.roomA.id, status: 'pending' });
    expect((await w.as(r.token, 'post', '/tickets', w.repair(c.roomA.id))).body.code).toBe('ROOM_NOT_BOUND');
    const list = await w.ok(agent.token, 'get', '/admin/room-bindings');
    expect(list.items).toEqual([expect.objectContaining({ roomId: c.roomA.id, name: '租客小周', phoneMasked: '135****9999', status: 'pending' })]);
    const approved = await w.ok(agent.token, 'post', `/admin/room-bindings/${list.items[0].id}/approve`);
    expect(approved.status).toBe('approved');
    expect((await w.as(agent.token, 'post', `/admin/room-bindings/${list.items[0].id}/reject`)).status).toBe(409);
    expect((await w.as(r.token, 'post', '/tickets', w.repair(c.roomA.id))).status).toBe(201);
  });

  it('validates duty shifts: only the community’s agents, end after start', async () => {
    const boss = await w.staff('adm_boss', ['supervisor'], [c.id]);
    const agent = await w.staff('adm_agent2', ['agent'], [c.id]);
    const tech = await w.staff('adm_tech', ['technician'], [c.id]);
    const start = new Date('2026-12-01T00:30:00Z').toISOString();
    const end = new Date('2026-12-01T13:00:00Z').toISOString();
    const ok = await w.as(boss.token, 'post', '/admin/duty-shifts', { communityId: c.id, zoneId: c.zoneA1, staffId: agent.id, startAt: start, endAt: end });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ zoneId: c.zoneA1, staffId: agent.id, startAt: start, endAt: end });
    expect(
      (await w.as(boss.token, 'post', '/admin/duty-shifts', { communityId: c.id, zoneId: null, staffId: tech.id, startAt: start, endAt: end })).body.code,
    ).toBe('INVALID_STAFF');
    expect(
      (await w.as(boss.token, 'post', '/admin/duty-shifts', { communityId: c.id, zoneId: null, staffId: agent.id, startAt: end, endAt: start })).status,
    ).toBe(400);
    expect(
      (await w.as(agent.token, 'post', '/admin/duty-shifts', { communityId: c.id, zoneId: null, staffId: agent.id, startAt: start, endAt: end })).status,
    ).toBe(403);
    const week = await w.ok(agent.token, 'get', `/admin/duty-shifts?communityId=${c.id}&from=2026-12-01T00:00:00Z&to=2026-12-02T00:00:00Z`);
    expect(week.items.map((s: { id: string }) => s.id)).toEqual([ok.body.id]);
  });

  it('applies a community’s own SLA policy to new requests', async () => {
    const boss = await w.staff('adm_sla', ['supervisor'], [c.id]);
    const policies = await w.ok(boss.token, 'get', `/admin/sla-policies?communityId=${c.id}`);
    // Every type and priority, and complaints once more for their second level (一般 / 重大).
    expect(policies.items).toHaveLength((TICKET_TYPES.length + 1) * PRIORITIES.length);
    expect(policies.items.find((p: { type: string; priority: string }) => p.type === 'complaint' && p.priority === 'normal')).toMatchObject({
      respondWithinSec: 24 * 3600,
      isDefault: true,
    });
    const agent = await w.staff('adm_sla_agent', ['agent'], [c.id]);
    const respondWithin = async () => {
      const tk = await w.ok(agent.token, 'post', '/tickets', { ...w.repair(c.roomB.id), channel: 'phone', priority: 'urgent' });
      const created = new Date(tk.createdAt).getTime();
      return [new Date(tk.deadlines.respondBy).getTime() - created, new Date(tk.deadlines.onsiteBy).getTime() - created];
    };
    // The server keeps a community's policies in memory: a change made through it applies to the very next request.
    const defaults = await respondWithin();
    expect(defaults).toEqual([15 * 60_000, 30 * 60_000]); // DESIGN.md: urgent repair
    const own = await w.ok(boss.token, 'post', '/admin/sla-policies', {
      communityId: c.id,
      type: 'repair',
      priority: 'urgent',
      respondWithinSec: 600,
      onsiteWithinSec: 1200,
      resolveWithinSec: 7200,
      confirmWithinSec: 3600,
      revisitWithinSec: 3600,
    });
    expect(await respondWithin()).toEqual([600_000, 1_200_000]);
    await w.ok(boss.token, 'delete', `/admin/sla-policies/${own.id}`);
    expect(await respondWithin()).toEqual(defaults);
    await w.ok(boss.token, 'post', '/admin/sla-policies', {
      communityId: c.id,
      type: 'repair',
      priority: 'urgent',
      respondWithinSec: 600,
      onsiteWithinSec: 1200,
      resolveWithinSec: 7200,
      confirmWithinSec: 3600,
      revisitWithinSec: 3600,
    });
  });

  it('books an in-home service into a slot until the slot is full', async () => {
    const item = await w.ok(admin, 'post', '/admin/service-items', { communityId: c.id, name: '空调清洗', price: 120, durationMin: 120, slotCapacity: 1 });
    const r1 = await w.resident('booker1', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    const r2 = await w.resident('booker2', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
    const catalogue = await w.ok(r1.token, 'get', `/service-items?communityId=${c.id}`);
    expect(catalogue.items.map((i: { name: string; price: number }) => [i.name, i.price])).toEqual([['空调清洗', 120]]);
    const tomorrow = new Date(Date.now() + 36 * 3600_000 + 8 * 3600_000).toISOString().slice(0, 10);
    const slots = await w.ok(r1.token, 'get', `/service-items/${item.id}/slots?date=${tomorrow}`);
    expect(slots.items.map((s: { start: string }) => s.start.slice(11, 16))).toEqual(['01:00', '03:00', '05:00', '07:00']); // 09:00–17:00 Shanghai
    const slotStart = slots.items[0].start;
    const booking = {
      type: 'home_service',
      roomId: c.roomA2.id,
      category: '家电清洗',
      description: '客厅挂机',
      serviceItemId: item.id,
      slotStart,
      contactPhone: '13812341234',
    };
    const first = await w.as(r1.token, 'post', '/tickets', booking);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ no: expect.stringMatching(/^FW/), serviceItem: { id: item.id, name: '空调清洗', price: 120 }, slotStart });
    expect(first.body.deadlines.onsiteBy).toBe(slotStart);
    const full = await w.as(r2.token, 'post', '/tickets', { ...booking, roomId: c.roomB.id });
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('SLOT_FULL');
    expect((await w.ok(r1.token, 'get', `/service-items/${item.id}/slots?date=${tomorrow}`)).items[0].remaining).toBe(0);
    const offGrid = await w.as(r2.token, 'post', '/tickets', {
      ...booking,
      roomId: c.roomB.id,
      slotStart: new Date(Date.parse(slotStart) + 60_000).toISOString(),
    });
    expect(offGrid.body.code).toBe('SLOT_INVALID');
  });

  it('lets an admin give a service a picture, its own bookable hours and how far ahead it can be booked', async () => {
    const upload = await t.http
      .post('/api/v1/uploads')
      .set('Authorization', `Bearer ${admin}`)
      .attach('file', await solid('jpeg', 320, 240), { filename: 'item.jpg', contentType: 'image/jpeg' });
    expect(upload.status).toBe(201);
    const base = { communityId: c.id, name: '油烟机清洗', description: '拆洗油网、清理风轮，约 2 小时', price: 150, durationMin: 120, slotCapacity: 2 };
    const tooShort = await w.as(admin, 'post', '/admin/service-items', { ...base, slotsFromMin: 16 * 60, slotsUntilMin: 17 * 60 });
    expect([tooShort.status, tooShort.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const item = await w.ok(admin, 'post', '/admin/service-items', {
      ...base,
      slotsFromMin: 14 * 60,
      slotsUntilMin: 18 * 60,
      bookingDays: 2,
      photoId: upload.body.id,
    });
    expect(item).toMatchObject({
      slotsFromMin: 840,
      slotsUntilMin: 1080,
      bookingDays: 2,
      photo: { id: upload.body.id, url: expect.any(String), thumbUrl: expect.any(String) },
    });
    const r = await w.resident('booker3', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    const shown = (await w.ok(r.token, 'get', `/service-items?communityId=${c.id}`)).items.find((i: { id: string }) => i.id === item.id);
    expect(shown).toMatchObject({ description: '拆洗油网、清理风轮，约 2 小时', photo: { id: upload.body.id } });
    const shanghaiDay = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * 86400_000).toISOString().slice(0, 10);
    const tomorrow = await w.ok(r.token, 'get', `/service-items/${item.id}/slots?date=${shanghaiDay(1)}`);
    expect(tomorrow.items.map((s: { start: string }) => s.start.slice(11, 16))).toEqual(['06:00', '08:00']); // 14:00 and 16:00 Shanghai
    expect((await w.ok(r.token, 'get', `/service-items/${item.id}/slots?date=${shanghaiDay(2)}`)).items).toEqual([]); // past the 2-day window
    // Narrowing the hours below one slot is refused; removing the picture is allowed.
    const narrowed = await w.as(admin, 'patch', `/admin/service-items/${item.id}`, { slotsUntilMin: 15 * 60 });
    expect([narrowed.status, narrowed.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(await w.ok(admin, 'patch', `/admin/service-items/${item.id}`, { photoId: null, bookingDays: 3 })).toMatchObject({ photo: null, bookingDays: 3 });
  });

  it('keeps an audit log of staff actions, readable by admins only', async () => {
    const logs = await w.ok(admin, 'get', '/admin/audit-logs?limit=100');
    const actions = new Set(logs.items.map((l: { action: string }) => l.action));
    for (const a of ['staff.login', 'community.create', 'room.import', 'room_binding.approve', 'duty_shift.create', 'sla_policy.upsert', 'ticket.create']) {
      expect(actions).toContain(a);
    }
    const agent = await w.staff('adm_reveal', ['agent'], [c.id]);
    const tk = await w.ok(agent.token, 'post', '/tickets', { ...w.repair(c.roomB.id), channel: 'phone', contactPhone: '13700001111' });
    expect(tk.contactPhoneMasked).toBe('137****1111');
    expect(await w.ok(agent.token, 'post', `/tickets/${tk.id}/reveal-phone`)).toEqual({ phone: '13700001111' });
    const reveal = await w.ok(admin, 'get', `/admin/audit-logs?action=ticket.reveal_phone&targetId=${tk.id}`);
    expect(reveal.items).toEqual([expect.objectContaining({ actor: expect.objectContaining({ id: agent.id }), ip: expect.any(String) })]);
  });

  it('answers health with the database state', async () => {
    const res = await t.http.get('/api/v1/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });
});
