import { solid } from './support/images';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** Issue #18 (4): 公告 per community or area, with pictures, validity and pin; read counts; one from an incident. */
describe('announcements', () => {
  let t: TestApp;
  let w: World;
  let c: Awaited<ReturnType<World['community']>>;
  let agent: { id: string; token: string };
  let resA: { id: string; token: string };
  let resA2: { id: string; token: string };
  let resB: { id: string; token: string };
  const HOUR = 3600_000;
  const titles = async (token: string) => ((await w.ok(token, 'get', '/me/announcements')).items as { title: string }[]).map((a) => a.title);

  beforeAll(async () => {
    t = await startTestApp('announcements');
    w = new World(t);
    c = await w.community();
    agent = await w.staff('a_agent', ['agent'], [c.id], { name: '李敏' });
    resA = await w.resident('a_resA', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    resA2 = await w.resident('a_resA2', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    resB = await w.resident('a_resB', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
  });
  afterAll(() => t.close());

  it('shows valid announcements of the resident’s area, pinned first, with pictures, and counts each resident’s first read', async () => {
    const upload = await t.http
      .post('/api/v1/uploads')
      .set('Authorization', `Bearer ${agent.token}`)
      .attach('file', await solid('jpeg', 640, 480), { filename: 'notice.jpg', contentType: 'image/jpeg' });
    expect(upload.status).toBe(201);
    const whole = await w.ok(agent.token, 'post', '/admin/announcements', {
      communityId: c.id,
      title: '消防演练通知',
      body: '本周六上午 10 点全小区消防演练。',
      photoIds: [upload.body.id],
    });
    expect(whole).toMatchObject({ areaLabel: '全小区', state: 'active', pinned: false, readCount: 0, audienceCount: 3 });
    expect(whole.photos).toHaveLength(1);
    const zoneA = await w.ok(agent.token, 'post', '/admin/announcements', {
      communityId: c.id,
      zoneIds: [c.zoneA1],
      title: 'A1区绿化修剪',
      body: '明日修剪绿化，请勿停车。',
      pinned: true,
    });
    expect(zoneA.audienceCount).toBe(2);
    await w.ok(agent.token, 'post', '/admin/announcements', {
      communityId: c.id,
      title: '下周公告',
      body: '还没到时间。',
      startsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
    });
    await w.ok(agent.token, 'post', '/admin/announcements', {
      communityId: c.id,
      title: '过期公告',
      body: '已经结束。',
      startsAt: new Date(Date.now() - 48 * HOUR).toISOString(),
      endsAt: new Date(Date.now() - 24 * HOUR).toISOString(),
    });

    expect(await titles(resA.token)).toEqual(['A1区绿化修剪', '消防演练通知']);
    expect(await titles(resB.token)).toEqual(['消防演练通知']);
    const mine = await w.ok(resA.token, 'get', '/me/announcements');
    expect(mine.unread).toBe(2);
    const picture = await t.http.get(mine.items[1].photos[0].thumbUrl.replace(/^\/api\/v1/, '/api/v1'));
    expect([picture.status, picture.headers['content-type']]).toEqual([200, 'image/jpeg']);

    // Read counts: each resident once, however often they open it.
    expect((await w.as(resA.token, 'post', `/me/announcements/${whole.id}/read`)).status).toBe(204);
    expect((await w.as(resA.token, 'post', `/me/announcements/${whole.id}/read`)).status).toBe(204);
    expect((await w.as(resB.token, 'post', `/me/announcements/${whole.id}/read`)).status).toBe(204);
    expect((await w.as(resB.token, 'post', `/me/announcements/${zoneA.id}/read`)).status).toBe(404);
    const list = await w.ok(agent.token, 'get', `/admin/announcements?communityId=${c.id}`);
    const count = (id: string) => list.items.find((a: { id: string }) => a.id === id).readCount;
    expect([count(whole.id), count(zoneA.id)]).toEqual([2, 0]);
    expect(list.items.map((a: { state: string }) => a.state).sort()).toEqual(['active', 'active', 'ended', 'scheduled']);

    // 全部已读 covers announcements too; withdrawing one takes it down.
    expect((await w.ok(resA2.token, 'post', '/me/announcements/read-all')).marked).toBe(2);
    expect((await w.ok(resA2.token, 'get', '/me/announcements')).unread).toBe(0);
    expect((await w.ok(agent.token, 'get', `/admin/announcements/${zoneA.id}`)).readCount).toBe(1);
    await w.ok(agent.token, 'patch', `/admin/announcements/${zoneA.id}`, { endsAt: new Date().toISOString() });
    expect(await titles(resA.token)).toEqual(['消防演练通知']);
  });

  it('makes a pinned announcement from an incident in one click', async () => {
    const incident = await w.ok(agent.token, 'post', '/admin/incidents', {
      communityId: c.id,
      buildingIds: [(await t.sql<{ building_id: string }>('SELECT building_id FROM rooms WHERE id = ?', [c.roomB.id]))[0]!.building_id],
      title: '停电',
      category: '水电',
      cause: '配电房检修',
      startsAt: new Date(Date.now() + 24 * HOUR).toISOString(),
      expectedEndAt: new Date(Date.now() + 28 * HOUR).toISOString(),
    });
    const made = await w.ok(agent.token, 'post', `/admin/announcements/from-incident/${incident.id}`);
    expect(made).toMatchObject({ title: '计划停电通知', pinned: true, areaLabel: '8栋', incidentId: incident.id, audienceCount: 1 });
    expect(made.body).toContain('原因：配电房检修');
    expect((await titles(resB.token))[0]).toBe('计划停电通知');
    expect(await titles(resA.token)).not.toContain('计划停电通知');
  });

  it('refuses bad input and strangers', async () => {
    const bad = await w.as(agent.token, 'post', '/admin/announcements', { communityId: c.id, title: '', body: 'x' });
    expect([bad.status, bad.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const backwards = await w.as(agent.token, 'post', '/admin/announcements', {
      communityId: c.id,
      title: 't',
      body: 'x',
      startsAt: new Date().toISOString(),
      endsAt: new Date(Date.now() - HOUR).toISOString(),
    });
    expect(backwards.body.code).toBe('VALIDATION_FAILED');
    const other = await w.community('别的小区');
    const outsider = await w.staff('a_outsider', ['agent'], [other.id]);
    const one = (await w.ok(agent.token, 'get', `/admin/announcements?communityId=${c.id}`)).items[0];
    expect((await w.as(outsider.token, 'get', `/admin/announcements/${one.id}`)).status).toBe(404);
    expect((await w.as(outsider.token, 'get', `/admin/announcements?communityId=${c.id}`)).status).toBe(403);
    expect((await w.as(resA.token, 'get', `/admin/announcements?communityId=${c.id}`)).status).toBe(403);
    const stranger = await w.resident('a_stranger');
    expect((await w.ok(stranger.token, 'get', '/me/announcements')).items).toEqual([]);
  });
});
