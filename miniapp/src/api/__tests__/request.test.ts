import { api } from '../../../test/fake-api';
import { returningResident } from '../../../test/helpers';
import { taroTest } from '../../../test/stubs/taro';
import { STORAGE_KEYS } from '../../utils/storage';
import { request } from '../request';

describe('request wrapper', () => {
  beforeEach(() => {
    returningResident();
    api.on('GET /me', () => ({ status: 200, body: { id: 'r1', phoneMasked: null, rooms: [] } }));
  });

  it('logs in silently with wx.login and sends the token', async () => {
    const res = await request('GET', '/me');
    expect(res).toEqual({ ok: true, status: 200, data: { id: 'r1', phoneMasked: null, rooms: [] } });
    expect(api.loginCodes).toEqual(['wx-code-1']);
    expect(api.calls('GET /me')[0]!.headers.Authorization).toBe('Bearer token-1');
  });

  it('logs in again once when the token has expired and still returns the data', async () => {
    await request('GET', '/me');
    api.expireTokens();
    const res = await request('GET', '/me');
    expect(res.ok).toBe(true);
    expect(api.loginCodes).toHaveLength(2);
    expect(api.calls('GET /me').map((r) => r.headers.Authorization)).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-2']);
  });

  it('shares one login between requests that hit 401 together', async () => {
    await request('GET', '/me');
    api.expireTokens();
    const results = await Promise.all([request('GET', '/me'), request('GET', '/me'), request('GET', '/me')]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(api.loginCodes).toHaveLength(2);
  });

  it('gives up after one re-login when the server keeps refusing, instead of looping', async () => {
    api.on('GET /me', () => ({ status: 401, body: { statusCode: 401, code: 'UNAUTHORIZED', message: '请重新登录' } }));
    const res = await request('GET', '/me');
    expect(res).toMatchObject({ ok: false, status: 401 });
    expect(api.calls('GET /me')).toHaveLength(2);
  });

  it('turns a network failure into the common error shape with a Chinese message', async () => {
    await request('GET', '/me');
    api.offline = true;
    const res = await request('GET', '/me');
    expect(res).toEqual({ ok: false, status: 0, code: 'NETWORK_ERROR', message: '网络开小差了，请检查网络后重试' });
  });

  it('passes the server error code and message through', async () => {
    api.on('POST /tickets/:id/urge', () => ({
      status: 429,
      body: { statusCode: 429, code: 'URGE_TOO_SOON', message: '刚刚已催促过，请 30 分钟后再试' },
    }));
    const res = await request('POST', '/tickets/7/urge', { data: {} });
    expect(res).toEqual({ ok: false, status: 429, code: 'URGE_TOO_SOON', message: '刚刚已催促过，请 30 分钟后再试' });
  });

  it('shows a kind message, not server internals, for a 5xx', async () => {
    api.on('GET /me', () => ({ status: 502, body: '<html>Bad Gateway</html>' }));
    const res = await request('GET', '/me');
    expect(res).toEqual({ ok: false, status: 502, code: 'HTTP_502', message: '服务暂时不可用，请稍后再试' });
  });

  it('keeps the validation details of a 400', async () => {
    api.on('POST /me/rooms', () => ({
      status: 400,
      body: { statusCode: 400, code: 'VALIDATION_FAILED', message: '请检查填写的内容', fields: { phone: ['手机号格式不正确'] } },
    }));
    const res = await request('POST', '/me/rooms', { data: {} });
    expect(res).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', fields: { phone: ['手机号格式不正确'] } });
  });
});

describe('login in the browser build', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    api.on('GET /me', () => ({ status: 200, body: { id: 'r1', phoneMasked: null, rooms: [] } }));
  });

  it('asks for the login page when no demo name was given, without calling the server', async () => {
    const res = await request('GET', '/me');
    expect(res).toMatchObject({ ok: false, code: 'LOGIN_REQUIRED' });
    expect(api.requests).toHaveLength(0);
  });

  it('logs in with a fresh fake:<name>:<nonce> code of the demo login, again after a 401', async () => {
    taroTest.storage.set(STORAGE_KEYS.demoName, '张三');
    await request('GET', '/me');
    api.expireTokens();
    const res = await request('GET', '/me');
    expect(res.ok).toBe(true);
    expect(api.loginCodes).toEqual([expect.stringMatching(/^fake:张三:/), expect.stringMatching(/^fake:张三:/)]);
    expect(new Set(api.loginCodes).size).toBe(2);
  });
});

describe('first open in WeChat', () => {
  it('does not log in before the resident has agreed to the privacy guideline', async () => {
    const res = await request('GET', '/me');
    expect(res).toMatchObject({ ok: false, code: 'LOGIN_REQUIRED' });
    expect(api.requests).toHaveLength(0);
  });
});
