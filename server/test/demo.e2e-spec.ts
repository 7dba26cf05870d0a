import { DemoDataLoader } from '../src/modules/demo/demo-data';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/**
 * The demo data (DEMO_DATA=true) reads like a working desk (issue #22): its requests are
 * filed through the real services in seconds, then spread over the past days, so the
 * dashboard's medians are minutes and hours, not "0 秒", and the queue has time left.
 */
describe('demo data', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp('demo');
    w = new World(t);
    await t.app.get(DemoDataLoader).load();
  }, 120_000);
  afterAll(() => t.close());

  it('has timelines spread over days, with medians of minutes and hours', async () => {
    const boss = await w.staffLogin('zhuguan', 'demo1234');
    const [community] = await t.sql<{ id: string }>('SELECT id FROM communities ORDER BY id LIMIT 1');
    const now = Date.now();
    const stats = await w.ok(
      boss,
      'get',
      `/admin/stats?communityId=${community!.id}&from=${new Date(now - 30 * 86400_000).toISOString()}&to=${new Date(now + 60_000).toISOString()}`,
    );
    expect(stats.firstResponse.medianSec).toBeGreaterThanOrEqual(4 * 60);
    expect(stats.firstResponse.medianSec).toBeLessThan(60 * 60);
    expect(stats.resolution.medianSec).toBeGreaterThanOrEqual(60 * 60);
    // Finished requests fall on several days of the trend, not all on today.
    expect(stats.trend.filter((d: { created: number }) => d.created > 0).length).toBeGreaterThanOrEqual(5);
    // Every timeline is in order and in the past; every open request has a running clock.
    const events = await t.sql<{ ticket_id: string; at: Date | string; id: string }>('SELECT ticket_id, at, id FROM ticket_events ORDER BY ticket_id, id');
    let last: { ticket: string; at: number } | null = null;
    for (const e of events) {
      const at = new Date(e.at).getTime();
      expect(at).toBeLessThan(now);
      if (last && last.ticket === String(e.ticket_id)) expect(at).toBeGreaterThanOrEqual(last.at);
      last = { ticket: String(e.ticket_id), at };
    }
    const [{ n }] = (await t.sql<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM tickets WHERE status IN ('submitted','accepted','dispatched','in_progress') AND clock_due_at IS NULL",
    )) as [{ n: number | string }];
    expect(Number(n)).toBe(0);
  });
});
