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
    const res = await t.http.post('/api/v1/uploads').set('Authorization', `Bearer ${token}`).attach('file', await solid('jpeg'), { filename: 'p.jpg', contentType: 'image/jpeg' });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const staffNotices = async (token: string, ticketId: string) =>
    ((await w.ok(token, 'get', '/staff/notices?limit=100')).items as { ticketId: string; kind: string; type: string; title: string; body: string }[]).filter((n) => n.ticketId === ticketId);
  const inbox = async (ticketId: string) =>
    ((await w.ok(resident.token, 'get', '/notices?limit=100')).items as { ticketId: string; kind: string; title: string; body: string }[]).filter((n) => n.ticketId === ticketId);

  beforeAll(async () => {
    t = await startTestApp('conversation');
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
      const tooMany = await w.as(resident.token, 'post', `/tickets/${tk.id}/comments`, { note: '照片', photoIds: Array.from({ length: 10 }, (_, i) => String(i + 1)) });
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
});
