import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

describe('sign-in', () => {
  let t: TestApp;
  let w: World;
  beforeAll(async () => {
    t = await startTestApp('auth');
    w = new World(t);
  });
  afterAll(() => t.close());

  it('created the bootstrap admin, with an argon2id hash', async () => {
    const rows = await t.sql<{ username: string; password_hash: string; roles: string }>('SELECT username, password_hash, roles FROM staff');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ username: 'admin', roles: 'admin' });
    expect(rows[0]!.password_hash).toMatch(/^\$argon2id\$/);
    const login = await t.http.post('/api/v1/auth/staff/login').send({ username: 'admin', password: 'admin-password' });
    expect(login.status).toBe(200);
    expect(login.body.staff).toEqual({ id: expect.any(String), name: '系统管理员', roles: ['admin'], communityIds: [] });
  });

  it('rotates refresh tokens and revokes the family when one is replayed', async () => {
    const login = await t.http.post('/api/v1/auth/staff/login').send({ username: 'admin', password: 'admin-password' });
    const first = login.body.refreshToken;
    const r1 = await t.http.post('/api/v1/auth/staff/refresh').send({ refreshToken: first });
    expect(r1.status).toBe(200);
    expect(r1.body.refreshToken).not.toBe(first);
    const replay = await t.http.post('/api/v1/auth/staff/refresh').send({ refreshToken: first });
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('REFRESH_INVALID');
    // The legitimate successor is revoked too: the leak ends the whole session.
    const successor = await t.http.post('/api/v1/auth/staff/refresh').send({ refreshToken: r1.body.refreshToken });
    expect(successor.status).toBe(401);
    expect((await t.http.post('/api/v1/auth/staff/refresh').send({ refreshToken: 'garbage' })).status).toBe(401);
  });

  it('ends a session at once when the account is deactivated, its access changes or its password is reset', async () => {
    const admin = await w.admin();
    const c = await w.community();
    const other = await w.community('碧水苑');
    const login = async (username: string) => (await t.http.post('/api/v1/auth/staff/login').send({ username, password: 'password-123' })).body;
    const me = await w.staff('leaver', ['agent', 'supervisor'], [c.id]);
    const first = await login('leaver');
    const reads = async (token: string) => (await w.as(token, 'get', `/tickets?communityId=${c.id}`)).status;
    expect(await reads(first.accessToken)).toBe(200);

    // A rename changes nothing the token says it may do: the token keeps working.
    await w.ok(admin, 'patch', `/admin/staff/${me.id}`, { name: '改名后', roles: ['supervisor', 'agent'], communityIds: [c.id] });
    expect(await reads(first.accessToken)).toBe(200);

    // Moved to another community: the old token is refused; a refresh carries the new scope.
    await w.ok(admin, 'patch', `/admin/staff/${me.id}`, { communityIds: [other.id] });
    const stale = await w.as(first.accessToken, 'get', `/tickets?communityId=${c.id}`);
    expect(stale.body).toMatchObject({ statusCode: 401, code: 'UNAUTHENTICATED', message: '您的账号权限已变更，请重新登录' });
    const refreshed = await t.http.post('/api/v1/auth/staff/refresh').send({ refreshToken: first.refreshToken });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.staff.communityIds).toEqual([other.id]);
    expect((await w.as(refreshed.body.accessToken, 'get', `/tickets?communityId=${c.id}`)).status).toBe(403);
    expect((await w.as(refreshed.body.accessToken, 'get', `/tickets?communityId=${other.id}`)).status).toBe(200);

    // A role taken away: refused at once as well.
    await w.ok(admin, 'patch', `/admin/staff/${me.id}`, { roles: ['agent'] });
    expect((await w.as(refreshed.body.accessToken, 'get', '/tickets')).status).toBe(401);
    const current = await login('leaver');

    // Deactivated: the access token and every refresh token stop working, even after reactivation.
    await w.ok(admin, 'patch', `/admin/staff/${me.id}`, { active: false });
    expect(await reads(current.accessToken)).toBe(401);
    expect((await t.http.post('/api/v1/auth/staff/refresh').send({ refreshToken: current.refreshToken })).status).toBe(401);
    await w.ok(admin, 'patch', `/admin/staff/${me.id}`, { active: true });
    expect((await t.http.post('/api/v1/auth/staff/refresh').send({ refreshToken: current.refreshToken })).status).toBe(401);

    // A password reset signs the account out everywhere.
    const again = await login('leaver');
    await w.ok(admin, 'patch', `/admin/staff/${me.id}`, { password: 'new-password-456' });
    expect((await w.as(again.accessToken, 'get', '/tickets')).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/staff/refresh').send({ refreshToken: again.refreshToken })).status).toBe(401);
    expect((await t.http.post('/api/v1/auth/staff/login').send({ username: 'leaver', password: 'new-password-456' })).status).toBe(200);
  });

  it('locks an account after five wrong passwords', async () => {
    const c = await w.community();
    await w.staff('victim', ['agent'], [c.id]);
    for (let i = 0; i < 5; i++) {
      const res = await t.http.post('/api/v1/auth/staff/login').send({ username: 'victim', password: 'wrong-password' });
      expect(res.status).toBe(401);
      expect(res.body.code).toBe('LOGIN_FAILED');
    }
    const locked = await t.http.post('/api/v1/auth/staff/login').send({ username: 'victim', password: 'password-123' });
    expect(locked.status).toBe(429);
    expect(locked.body.code).toBe('ACCOUNT_LOCKED');
    const unknown = await t.http.post('/api/v1/auth/staff/login').send({ username: 'nobody', password: 'x' });
    expect(unknown.body).toMatchObject({ statusCode: 401, code: 'LOGIN_FAILED', message: '用户名或密码不正确' });
  });

  it('logs a resident in through jscode2session; a used or unknown code is 401 WECHAT_CODE_INVALID', async () => {
    const ok = await t.http.post('/api/v1/auth/wechat/login').send({ code: 'fake:zhou:1' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ expiresIn: expect.any(Number), resident: { phoneBound: false, rooms: [] } });
    const again = await t.http.post('/api/v1/auth/wechat/login').send({ code: 'fake:zhou:2' });
    expect(again.body.resident.id).toBe(ok.body.resident.id);
    const reused = await t.http.post('/api/v1/auth/wechat/login').send({ code: 'fake:zhou:1' });
    expect(reused.status).toBe(401);
    expect(reused.body.code).toBe('WECHAT_CODE_INVALID');
    expect((await t.http.post('/api/v1/auth/wechat/login').send({ code: 'nonsense' })).body.code).toBe('WECHAT_CODE_INVALID');
    const residents = await t.sql<{ openid: string }>('SELECT openid FROM residents');
    expect(residents.map((r) => r.openid)).toEqual([t.fake.openidFor('zhou')]);
  });

  it('says WeChat is busy (503) rather than failing the resident when WeChat is down', async () => {
    t.fake.fail({ path: '/sns/jscode2session', httpStatus: 503, times: 1 });
    const res = await t.http.post('/api/v1/auth/wechat/login').send({ code: 'fake:wu:1' });
    expect(res.status).toBe(503);
    expect(res.body.code).toBe('WECHAT_UNAVAILABLE');
  });

  it('binds the phone from the getPhoneNumber code, masked', async () => {
    const r = await w.resident('phoneuser');
    const res = await w.as(r.token, 'post', '/me/phone', { code: 'phone:13855556666' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ phoneMasked: '138****6666' });
    expect((await w.ok(r.token, 'get', '/me')).phoneMasked).toBe('138****6666');
  });
});
