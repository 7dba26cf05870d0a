import { startTestApp, TestApp } from './support/test-app';

/** Every response names its request id, so a user's report can be matched to the server's log lines. */
describe('X-Request-Id', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp('reqid');
  });
  afterAll(() => t.close());

  it("keeps the caller's (or the proxy's) request id and sends it back", async () => {
    const res = await t.http.get('/api/v1/health').set('X-Request-Id', 'lb-7f3a.42');
    expect(res.status).toBe(200);
    expect(res.headers['x-request-id']).toBe('lb-7f3a.42');
  });

  it('makes one when none comes, on answers and errors alike', async () => {
    const ok = await t.http.get('/api/v1/health');
    const refused = await t.http.get('/api/v1/tickets');
    expect(refused.status).toBe(401);
    for (const res of [ok, refused]) expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(ok.headers['x-request-id']).not.toBe(refused.headers['x-request-id']);
  });

  it('replaces an id that could forge or flood log lines', async () => {
    for (const bad of ['a b', 'x'.repeat(200), '<script>']) {
      const res = await t.http.get('/api/v1/health').set('X-Request-Id', bad);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
