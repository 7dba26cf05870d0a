import { fromLocalDateTime, localDateTime } from '@yizhan/shared';
import { OutboxWorker } from '../src/modules/notices/outbox.worker';
import { AppointmentReminders } from '../src/modules/sla/appointment-reminders.service';
import { SlaScanner } from '../src/modules/sla/sla-scanner.service';
import { ContactsService } from '../src/modules/contacts/contacts.service';
import { FieldCrypto } from '../src/modules/crypto/field-crypto.service';
import { solid } from './support/images';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** Issue #16 (2–7): the resident's side of the conversation around a request. */
describe('talking with the resident', () => {
  let t: TestApp;
  let w: World;
  let c: Awaited<ReturnType<World['community']>>;
  let agent: { id: string; token: string };
  let tech: { id: string; token: string };
  let resident: { id: string; token: string };
  const HOUR = 3600_000;

  const upload = async (token: string) => {
    const res = await t.http
      .post('/api/v1/uploads')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', await solid('jpeg'), { filename: 'p.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const staffNotices = async (token: string, ticketId: string) =>
    ((await w.ok(token, 'get', '/staff/notices?limit=100')).items as { ticketId: string; kind: string; type: string; title: string; body: string }[]).filter(
      (n) => n.ticketId === ticketId,
    );
  const inbox = async (ticketId: string) =>
    ((await w.ok(resident.token, 'get', '/notices?limit=100')).items as { ticketId: string; kind: string; title: string; body: string }[]).filter(
      (n) => n.ticketId === ticketId,
    );

  beforeAll(async () => {
    t = await startTestApp('conversation', { BOOKING_CHANGE_CUTOFF_SEC: String(2 * 86400) });
    w = new World(t);
    c = await w.community();
    agent = await w.staff('c_agent', ['agent'], [c.id], { name: '李敏' });
    tech = await w.staff('c_tech', ['technician'], [c.id], { name: '王建国' });
    await w.onDuty(c.id, c.zoneA1, agent.id);
    resident = await w.resident('c_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
  });
  afterAll(() => t.close());

  describe('2. follow-up', () => {
    it('adds a note with photos to an open request and tells the owner and the technician', async () => {
      const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`);
      // Before dispatch only the owner hears of it.
      await w.ok(resident.token, 'post', `/tickets/${tk.id}/comments`, { note: '晚上八点后家里有人' });
      expect((await staffNotices(agent.token, tk.id)).filter((n) => n.kind === 'followed_up')).toHaveLength(1);
      expect((await staffNotices(tech.token, tk.id)).filter((n) => n.kind === 'followed_up')).toHaveLength(0);

      await w.ok(agent.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech.id });
      const photos = [await upload(resident.token), await upload(resident.token)];
      const after = await w.ok(resident.token, 'post', `/tickets/${tk.id}/comments`, { note: '补充两张照片，水槽下面也在滴水', photoIds: photos });
      const mine = after.events.at(-1);
      expect(mine).toMatchObject({ type: 'commented', note: '补充两张照片，水槽下面也在滴水' });
      expect(mine.photos).toHaveLength(2);
      const toTech = (await staffNotices(tech.token, tk.id)).filter((n) => n.kind === 'followed_up');
      expect(toTech).toHaveLength(1);
      expect(toTech[0]).toMatchObject({ type: 'ticket.followed_up', title: '业主补充了说明' });
      expect(toTech[0]!.body).toContain('水槽下面也在滴水');
      expect((await staffNotices(agent.token, tk.id)).filter((n) => n.kind === 'followed_up')).toHaveLength(2);
      // The staff see the photos too.
      const staffView = await w.ok(agent.token, 'get', `/tickets/${tk.id}`);
      expect(staffView.events.at(-1).photos).toHaveLength(2);
    });

    it('refuses more than 9 photos and risky text, and keeps nothing of a refused follow-up', async () => {
      const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
      const tooMany = await w.as(resident.token, 'post', `/tickets/${tk.id}/comments`, {
        note: '照片',
        photoIds: Array.from({ length: 10 }, (_, i) => String(i + 1)),
      });
      expect(tooMany.status).toBe(400);
      expect(tooMany.body.code).toBe('VALIDATION_FAILED');
      const risky = await w.as(resident.token, 'post', `/tickets/${tk.id}/comments`, { note: '这里有人赌博' });
      expect(risky.status).toBe(400);
      expect(risky.body.code).toBe('CONTENT_REJECTED');
      const view = await w.ok(resident.token, 'get', `/tickets/${tk.id}`);
      expect(view.events.filter((e: { type: string }) => e.type === 'commented')).toHaveLength(0);
      expect((await staffNotices(agent.token, tk.id)).filter((n) => n.kind === 'followed_up')).toHaveLength(0);
    });
  });

  describe('3. notices for what the resident waits on', () => {
    const subscribeAll = () =>
      w.ok(resident.token, 'post', '/subscriptions', {
        results: { tpl_replied: 'accept', tpl_held: 'accept', tpl_resumed: 'accept', tpl_appointment: 'accept', tpl_reminder: 'accept', tpl_delayed: 'accept' },
      });

    it('tells the resident of a public reply (not of an internal note), a hold with its public reason, and the resume', async () => {
      await subscribeAll();
      const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`);
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/comments`, { note: '内部：楼上 0201 也在漏' });
      expect((await inbox(tk.id)).map((n) => n.kind)).toEqual(['accepted']);
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/comments`, { note: '您好，师傅明天上午上门，请保持电话畅通', visibility: 'public' });
      const replied = (await inbox(tk.id)).find((n) => n.kind === 'replied')!;
      expect(replied).toMatchObject({ title: '物业回复了您' });
      expect(replied.body).toContain('师傅明天上午上门');
      expect(replied.body).toContain('李敏');

      await w.ok(agent.token, 'post', `/tickets/${tk.id}/hold`, { reason: '供应商周五才发货（内部）', publicReason: '等待配件到货' });
      const held = (await inbox(tk.id)).find((n) => n.kind === 'held')!;
      expect(held.body).toContain('等待配件到货');
      expect(held.body).not.toContain('供应商');
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/resume`, { reason: '配件已到' });
      expect((await inbox(tk.id)).find((n) => n.kind === 'resumed')?.title).toBe('工单恢复处理');

      await t.app.get(OutboxWorker).drainOnce();
      const sent = t.fake.messages().filter((m) => m.touser === t.fake.openidFor('c_res'));
      const templates = sent.map((m) => m.template_id);
      expect(templates).toEqual(expect.arrayContaining(['tpl_replied', 'tpl_held', 'tpl_resumed']));
      const heldMessage = sent.find((m) => m.template_id === 'tpl_held')!;
      expect(JSON.stringify(heldMessage.data)).toContain('等待配件到货');
      expect(JSON.stringify(sent)).not.toContain('供应商');
      expect(JSON.stringify(sent)).not.toContain('0201');
    });

    it('tells of a visit time set or changed, and reminds the evening before, once across instances', async () => {
      const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`);
      // A visit at 10:00 (Asia/Shanghai) two days from now.
      const today = localDateTime(new Date());
      const visit = fromLocalDateTime({ year: today.year, month: today.month, day: today.day + 2, hour: 10, minute: 0, second: 0, millisecond: 0 });
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech.id });
      expect((await inbox(tk.id)).map((n) => n.kind)).toEqual(['dispatched', 'accepted']);
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech.id, appointmentAt: visit.toISOString() });
      const set = (await inbox(tk.id)).find((n) => n.kind === 'appointment')!;
      expect(set.title).toBe('上门时间已确定');
      expect(set.body).toContain('10:00');
      expect(set.body).toContain('王建国');
      // The same technician at the same time again tells nothing new.
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech.id, appointmentAt: visit.toISOString() });
      expect((await inbox(tk.id)).filter((n) => n.kind === 'appointment')).toHaveLength(1);

      const reminders = t.app.get(AppointmentReminders);
      const dayBefore = (hour: number) =>
        fromLocalDateTime({ year: today.year, month: today.month, day: today.day + 1, hour, minute: 0, second: 0, millisecond: 0 });
      expect(await reminders.remind(dayBefore(17))).toBe(0); // not before the evening
      // Two instances' passes at once: one reminder.
      const [a, b] = await Promise.all([reminders.remind(dayBefore(19)), reminders.remind(dayBefore(19))]);
      expect(a + b).toBe(1);
      expect(await reminders.remind(dayBefore(21))).toBe(0);
      const reminder = (await inbox(tk.id)).filter((n) => n.kind === 'reminder');
      expect(reminder).toHaveLength(1);
      expect(reminder[0]).toMatchObject({ title: '明天有上门服务' });
      expect(reminder[0]!.body).toContain('10:00');

      // A changed visit time is reminded of anew.
      const later = new Date(visit.getTime() + 4 * HOUR);
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech.id, appointmentAt: later.toISOString() });
      expect((await inbox(tk.id)).filter((n) => n.kind === 'appointment')).toHaveLength(2);
      expect(await reminders.remind(dayBefore(20))).toBe(1);
      // Visits today or in two days are not "tomorrow".
      expect(await reminders.remind(new Date(visit.getTime() + HOUR))).toBe(0);
    });

    it('apologises once when a time limit is broken, with no staff text', async () => {
      const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
      const other = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id, { description: '楼道灯不亮，晚上看不清台阶' }));
      const scanner = t.app.get(SlaScanner);
      const respondBy = new Date(tk.deadlines.respondBy).getTime();
      await scanner.scan(new Date(respondBy + 1000));
      const delayed = (await inbox(tk.id)).filter((n) => n.kind === 'delayed');
      expect(delayed).toHaveLength(1);
      expect(delayed[0]!.body).toContain('处理时间超出承诺，我们已督办');
      expect(delayed[0]!.body).not.toContain('受理时限');
      // One pass wrote both apologies together: each subscribe message carries its own request and inbox line.
      const sent = await t.sql<{ noticeId: string; ticketId: string; vals: unknown }>(
        `SELECT o.notice_id AS noticeId, n.ticket_id AS ticketId, o.\`values\` AS vals
           FROM outbox_messages o JOIN notices n ON n.id = o.notice_id WHERE o.kind = 'delayed' AND n.ticket_id IN (?, ?) ORDER BY n.ticket_id`,
        [tk.id, other.id],
      );
      expect(sent.map((r) => String(r.ticketId))).toEqual([tk.id, other.id].map(String).sort((a, b) => Number(a) - Number(b)));
      for (const r of sent) {
        const values = typeof r.vals === 'string' ? JSON.parse(r.vals) : r.vals;
        expect(values.no).toBe(String(r.ticketId) === String(tk.id) ? tk.no : other.no);
        expect(values.room).not.toBe('');
      }
      const resolveBy = new Date(tk.deadlines.resolveBy).getTime();
      await scanner.scan(new Date(resolveBy + 1000));
      expect((await inbox(tk.id)).filter((n) => n.kind === 'delayed')).toHaveLength(1);
    });
  });

  describe('6. 确认并评价', () => {
    const resolved = async () => {
      const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`);
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/resolve`, { note: '已更换阀芯' });
      return tk.id as string;
    };
    const rating = { attitude: 5, timeliness: 4, quality: 5, comment: '师傅很仔细', tags: ['准时', '干净整洁'] };

    it('confirms and rates in one step, with quick tags; the staff reply shows under the rating', async () => {
      const id = await resolved();
      const done = await w.ok(resident.token, 'post', `/tickets/${id}/confirm`, { rating });
      expect(done.status).toBe('closed');
      expect(done.rating).toEqual({ attitude: 5, timeliness: 4, quality: 5, comment: '师傅很仔细', tags: ['准时', '干净整洁'], reply: null });
      expect(done.events.slice(-2).map((e: { type: string }) => e.type)).toEqual(['confirmed', 'rated']);
      // Rated once: the rate endpoint now refuses.
      expect((await w.as(resident.token, 'post', `/tickets/${id}/rating`, rating)).body.code).toBe('ALREADY_RATED');
      await w.ok(agent.token, 'post', `/tickets/${id}/rating/reply`, { reply: '感谢您的认可，我们会继续努力' });
      const seen = await w.ok(resident.token, 'get', `/tickets/${id}`);
      expect(seen.rating.reply).toBe('感谢您的认可，我们会继续努力');
    });

    it('confirms without a rating, which can still be given later', async () => {
      const id = await resolved();
      const done = await w.ok(resident.token, 'post', `/tickets/${id}/confirm`, {});
      expect(done.status).toBe('closed');
      expect(done.rating).toBeNull();
      const rated = await w.ok(resident.token, 'post', `/tickets/${id}/rating`, { attitude: 4, timeliness: 4, quality: 4, tags: ['态度好'] });
      expect(rated.rating.tags).toEqual(['态度好']);
    });

    it('refuses a bad rating without confirming: the request stays to be confirmed', async () => {
      const id = await resolved();
      for (const bad of [
        { rating: { attitude: 5, timeliness: 4 } },
        { rating: { ...rating, attitude: 6 } },
        { rating: { ...rating, tags: ['很好'] } },
        // Not solved is a reopen, never part of a confirmation.
        { rating: { ...rating, tags: ['问题未解决'] } },
      ]) {
        const res = await w.as(resident.token, 'post', `/tickets/${id}/confirm`, bad);
        expect({ bad, status: res.status, code: res.body.code }).toEqual({ bad, status: 400, code: 'VALIDATION_FAILED' });
      }
      const still = await w.ok(resident.token, 'get', `/tickets/${id}`);
      expect(still.status).toBe('resolved');
      expect(still.rating).toBeNull();
      // 问题未解决 reopens it to the same owner.
      const reopened = await w.ok(resident.token, 'post', `/tickets/${id}/reopen`, { reason: '问题未解决：还在滴水' });
      expect(reopened.status).toBe('accepted');
      expect(reopened.owner.id).toBe(agent.id);
    });
  });

  describe('4. contact both ways', () => {
    it('needs a way to reach the resident: a typed number, validated, or the WeChat phone', async () => {
      const noPhone = await w.resident('c_nophone', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
      const { contactPhone: _omit, ...withoutPhone } = w.repair(c.roomA.id);
      const refused = await w.as(noPhone.token, 'post', '/tickets', withoutPhone);
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ code: 'CONTACT_REQUIRED', message: '请留下联系电话，方便客服和师傅联系您' });
      const bad = await w.as(noPhone.token, 'post', '/tickets', { ...withoutPhone, contactPhone: '12345' });
      expect(bad.status).toBe(400);
      expect(bad.body.fields).toHaveProperty('contactPhone');
      const typed = await w.ok(noPhone.token, 'post', '/tickets', { ...withoutPhone, contactPhone: '139 1234 5678' });
      expect(typed.contactPhoneMasked).toBe('139****5678');
      // Stored encrypted, as every phone.
      const [row] = await t.sql<{ contact_phone_enc: string }>('SELECT contact_phone_enc FROM tickets WHERE id = ?', [typed.id]);
      expect(row!.contact_phone_enc).not.toContain('13912345678');
      // With a WeChat phone bound, that is the contact number.
      await w.ok(noPhone.token, 'post', '/me/phone', { code: 'phone:13700001111' });
      const viaWechat = await w.ok(noPhone.token, 'post', '/tickets', withoutPhone);
      expect(viaWechat.contactPhoneMasked).toBe('137****1111');
    });

    it("gives the zone's day hotline, the community night line, and the technician on the visit day", async () => {
      const admin = await w.admin();
      const put = (rows: object[]) => w.as(admin, 'put', `/admin/communities/${c.id}/hotlines`, { rows });
      expect((await put([{ zoneId: null, dayPhone: 'call me' }])).status).toBe(400);
      expect(
        (
          await put([
            { zoneId: null, dayPhone: '59800003' },
            { zoneId: null, dayPhone: '59800004' },
          ])
        ).body.code,
      ).toBe('VALIDATION_FAILED');
      expect((await w.as(agent.token, 'put', `/admin/communities/${c.id}/hotlines`, { rows: [] })).status).toBe(403);
      const saved = await put([
        { zoneId: null, nightPhone: '59800003', dayFrom: '08:30', dayTo: '21:00', technicianPhone: '59800006' },
        { zoneId: c.zoneA1, dayPhone: '59800000' },
      ]);
      expect(saved.status).toBe(200);
      expect(saved.body.items).toHaveLength(2);
      expect((await w.ok(agent.token, 'get', `/admin/communities/${c.id}/hotlines`)).items).toHaveLength(2);

      const contacts = t.app.get(ContactsService);
      const at = (hour: number, minute = 0) => {
        const today = localDateTime(new Date());
        return fromLocalDateTime({ year: today.year, month: today.month, day: today.day, hour, minute, second: 0, millisecond: 0 });
      };
      const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
      expect((await contacts.ticketContacts({ kind: 'resident', residentId: resident.id } as never, tk.id, at(10))).hotline).toEqual({
        phone: '59800000',
        label: '客服热线（A1区）',
      });
      expect((await contacts.ticketContacts({ kind: 'resident', residentId: resident.id } as never, tk.id, at(21, 30))).hotline).toEqual({
        phone: '59800003',
        label: '夜间客服热线',
      });
      expect((await contacts.ticketContacts({ kind: 'resident', residentId: resident.id } as never, tk.id, at(8, 29))).hotline?.phone).toBe('59800003');
      // Over HTTP: the resident's room, and the request (no technician before the visit day).
      const now = await w.ok(resident.token, 'get', `/me/hotline?roomId=${c.roomA.id}`);
      expect(['59800000', '59800003']).toContain(now.hotline.phone);
      const other = await w.resident('c_other');
      expect((await w.as(other.token, 'get', `/me/hotline?roomId=${c.roomA.id}`)).body.code).toBe('ROOM_NOT_BOUND');
      expect((await w.as(other.token, 'get', `/tickets/${tk.id}/contacts`)).status).toBe(404);
      expect((await w.ok(resident.token, 'get', `/tickets/${tk.id}/contacts`)).technician).toBeNull();

      // Dispatched for today: the number the property configured, then the technician's own if allowed.
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/accept`);
      await w.ok(agent.token, 'post', `/tickets/${tk.id}/dispatch`, { assigneeId: tech.id, appointmentAt: at(15).toISOString() });
      const resAuth = { kind: 'resident', residentId: resident.id } as never;
      expect((await contacts.ticketContacts(resAuth, tk.id, at(9))).technician).toEqual({ phone: '59800006', label: '联系上门师傅 王建国' });
      expect((await contacts.ticketContacts(resAuth, tk.id, new Date(at(9).getTime() + 86_400_000))).technician).toBeNull();
      await t.sql('UPDATE staff SET phone_enc = ? WHERE id = ?', [t.app.get(FieldCrypto).encrypt('13600002222'), tech.id]);
      await put([
        { zoneId: null, nightPhone: '59800003', technicianPhone: '59800006', technicianOwnPhone: true },
        { zoneId: c.zoneA1, dayPhone: '59800000' },
      ]);
      expect((await contacts.ticketContacts(resAuth, tk.id, at(9))).technician?.phone).toBe('13600002222');
    });
  });

  describe('5. appointments the resident can live with', () => {
    const dayAhead = (days: number) => {
      const d = localDateTime(new Date());
      const x = fromLocalDateTime({ year: d.year, month: d.month, day: d.day + days, hour: 12, minute: 0, second: 0, millisecond: 0 });
      return new Date(x.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    };

    it('keeps a preferred visit time on a repair', async () => {
      const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id, { preferredVisit: '工作日晚上' }));
      expect(tk.events[0]).toMatchObject({ type: 'created', note: '期望上门时间：工作日晚上' });
      const staffView = await w.ok(agent.token, 'get', `/tickets/${tk.id}`);
      expect(staffView.events[0].note).toBe('期望上门时间：工作日晚上');
      expect((await w.as(resident.token, 'post', '/tickets', w.repair(c.roomA.id, { preferredVisit: '半夜' }))).status).toBe(400);
    });

    it('shows the booked window, reschedules and cancels up to the cut-off, and frees the slot', async () => {
      const admin = await w.admin();
      const item = await w.ok(admin, 'post', '/admin/service-items', { communityId: c.id, name: '空调清洗', price: 120, durationMin: 120, slotCapacity: 1 });
      const slots = async (days: number) =>
        (await w.ok(resident.token, 'get', `/service-items/${item.id}/slots?date=${dayAhead(days)}`)).items as { start: string; remaining: number }[];
      const [first] = await slots(4);
      const booking = (slotStart: string) => ({
        type: 'home_service',
        roomId: c.roomA.id,
        category: '家电清洗',
        description: '客厅挂机清洗',
        serviceItemId: item.id,
        slotStart,
        contactPhone: '13812341234',
      });
      const tk = await w.ok(resident.token, 'post', '/tickets', booking(first!.start));
      expect(tk.slotStart).toBe(first!.start);
      expect(tk.slotEnd).toBe(new Date(Date.parse(first!.start) + 120 * 60_000).toISOString());
      expect(tk.changeableUntil).toBe(new Date(Date.parse(first!.start) - 2 * 86400_000).toISOString());
      expect((await slots(4))[0]!.remaining).toBe(0);

      // Reschedule to another day: the new slot is taken, the old one freed, the owner told.
      const [later] = await slots(5);
      const moved = await w.ok(resident.token, 'post', `/tickets/${tk.id}/rebook`, { slotStart: later!.start });
      expect(moved.slotStart).toBe(later!.start);
      expect(moved.deadlines.onsiteBy).toBe(later!.start);
      expect(moved.events.at(-1).note).toMatch(/^预约改到 /);
      expect((await slots(4))[0]!.remaining).toBe(1);
      expect((await slots(5))[0]!.remaining).toBe(0);
      expect((await staffNotices(agent.token, tk.id)).some((n) => n.kind === 'followed_up')).toBe(true);
      // A full slot is refused.
      const other = await w.resident('c_other_booker', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
      const taken = await w.as(other.token, 'post', '/tickets', { ...booking(later!.start), roomId: c.roomA2.id });
      expect(taken.body.code).toBe('SLOT_FULL');
      expect((await w.as(agent.token, 'post', `/tickets/${tk.id}/rebook`, { slotStart: first!.start })).status).toBe(403);

      // Cancel frees the slot.
      await w.ok(resident.token, 'post', `/tickets/${tk.id}/cancel`, { reason: '临时出差' });
      expect((await slots(5))[0]!.remaining).toBe(1);

      // Inside the cut-off (2 days here): neither reschedule nor cancel, with a kind message.
      const [soon] = await slots(1);
      const near = await w.ok(resident.token, 'post', '/tickets', booking(soon!.start));
      expect(near.changeableUntil).toBeNull();
      const locked = await w.as(resident.token, 'post', `/tickets/${near.id}/rebook`, { slotStart: later!.start });
      expect(locked.status).toBe(409);
      expect(locked.body).toMatchObject({ code: 'BOOKING_LOCKED', message: '距上门不足 48 小时，如需改约请联系物业客服' });
      const cancel = await w.as(resident.token, 'post', `/tickets/${near.id}/cancel`, { reason: '不需要了' });
      expect(cancel.body.code).toBe('BOOKING_LOCKED');
      expect((await w.ok(resident.token, 'get', `/tickets/${near.id}`)).status).toBe('submitted');
    });
  });
});
