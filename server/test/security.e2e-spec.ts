import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/** DESIGN.md §4: sign-in and costly writes are rate-limited; responses carry security headers. */
describe('rate limits and security headers', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp('security', { RATE_LIMIT_LOGIN_PER_MIN: '5', RATE_LIMIT_WRITE_PER_MIN: '3' });
    w = new World(t);
  });
  afterAll(() => t.close());

  it('limits sign-in attempts per address with 429 RATE_LIMITED and Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      const res = await t.http.post('/api/v1/auth/staff/login').send({ username: 'nobody', password: 'wrong' });
      statuses.push(res.status);
      if (res.status === 429) {
        expect(res.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED', message: '操作太频繁了，请稍后再试' });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
      }
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it('limits submissions per resident, not per address, and leaves reads alone', async () => {
    const admin = await t.http.post('/api/v1/auth/staff/login').set('X-Forwarded-For', '10.1.1.1').send({ username: 'admin', password: 'admin-password' });
    // (loopback is a trusted proxy, so the forwarded address is the one counted for sign-in)
    expect(admin.status).toBe(200);
    const c = await (async () => {
      (w as unknown as { adminToken: string }).adminToken = admin.body.accessToken;
      return w.community();
    })();
    const login = (user: string) =>
      t.http
        .post('/api/v1/auth/wechat/login')
        .set('X-Forwarded-For', `10.2.0.${user.length}`)
        .send({ code: `fake:${user}:1` });
    const a = (await login('limit_a')).body.token as string;
    const b = (await login('limit_bb')).body.token as string;
    await w.ok(a, 'post', '/me/rooms', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    await w.ok(b, 'post', '/me/rooms', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    const submit = (token: string, roomId: string) => w.as(token, 'post', '/tickets', w.repair(roomId));
    const mine = [];
    for (let i = 0; i < 4; i++) mine.push((await submit(a, c.roomA.id)).status);
    expect(mine).toEqual([201, 201, 201, 429]);
    expect((await submit(b, c.roomA2.id)).status).toBe(201); // another resident is not affected
    for (let i = 0; i < 10; i++) expect((await w.as(a, 'get', '/tickets')).status).toBe(200);
  });

  it('sends security headers and no x-powered-by', async () => {
    const res = await t.http.get('/api/v1/health');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toContain('max-age=');
  });
});
