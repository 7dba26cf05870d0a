import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** Issue #22: one person is on one shift at a time. */
describe('duty roster', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp('duty');
    w = new World(t);
  });
  afterAll(() => t.close());

  it('refuses a shift that overlaps another of the same person, in any community, and allows back-to-back ones', async () => {
    const c = await w.community();
    const other = await w.community('碧水湾');
    const agent = await w.staff('d_agent', ['agent'], [c.id, other.id], { name: '李敏' });
    const colleague = await w.staff('d_agent2', ['agent'], [c.id], { name: '赵强' });
    const admin = await w.admin();
    const shift = (communityId: string, zoneId: string | null, staffId: string, start: string, end: string) =>
      w.as(admin, 'post', '/admin/duty-shifts', { communityId, zoneId, staffId, startAt: `2026-12-08T${start}:00+08:00`, endAt: `2026-12-08T${end}:00+08:00` });

    const day = await shift(c.id, c.zoneA1, agent.id, '08:30', '21:00');
    expect(day.status).toBe(201);
    const overlapping = await shift(c.id, c.zoneB2, agent.id, '20:00', '23:00');
    expect(overlapping.status).toBe(409);
    expect(overlapping.body).toMatchObject({ code: 'SHIFT_OVERLAP' });
    expect(overlapping.body.message).toContain('12月8日 08:30');
    expect((await shift(other.id, null, agent.id, '12:00', '13:00')).status).toBe(409);
    // Back to back is fine, and so is a colleague at the same time.
    expect((await shift(c.id, null, agent.id, '21:00', '23:30')).status).toBe(201);
    expect((await shift(c.id, c.zoneA1, colleague.id, '08:30', '21:00')).status).toBe(201);
    // Moving a shift onto another is refused; moving it within its own time is not an overlap with itself.
    const late = await shift(c.id, c.zoneB2, colleague.id, '21:00', '23:00');
    const moved = await w.as(admin, 'put', `/admin/duty-shifts/${late.body.id}`, {
      communityId: c.id,
      zoneId: c.zoneB2,
      staffId: colleague.id,
      startAt: '2026-12-08T20:00:00+08:00',
      endAt: '2026-12-08T23:00:00+08:00',
    });
    expect(moved.status).toBe(409);
    const shortened = await w.as(admin, 'put', `/admin/duty-shifts/${late.body.id}`, {
      communityId: c.id,
      zoneId: c.zoneB2,
      staffId: colleague.id,
      startAt: '2026-12-08T21:30:00+08:00',
      endAt: '2026-12-08T23:00:00+08:00',
    });
    expect(shortened.status).toBe(200);
  });
});
