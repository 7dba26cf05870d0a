import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, signIn } from '../test/helpers';
import { http, setErrorPresenter } from './request';
import { getSession } from './session';

describe('request wrapper', () => {
  const shown: string[] = [];
  beforeEach(() => {
    shown.length = 0;
    setErrorPresenter((m) => shown.push(m));
    signIn(['agent']);
  });

  it('on 401 refreshes the token once, retries, and the caller gets the data', async () => {
    const server = fakeServer({
      'GET /tickets': (call) =>
        call.headers.Authorization === 'Bearer access-2'
          ? { body: { items: [{ id: 't1' }], nextCursor: null } }
          : { status: 401, body: { code: 'UNAUTHORIZED', message: '登录已失效' } },
      'POST /auth/staff/refresh': (call) =>
        (call.body as { refreshToken: string }).refreshToken === 'refresh-1'
          ? { body: { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 } }
          : { status: 401 },
    });
    const page = await http.get<{ items: unknown[] }>('/tickets');
    expect(page.items).toHaveLength(1);
    expect(server.find('POST', '/auth/staff/refresh')).toHaveLength(1);
    expect(getSession()?.accessToken).toBe('access-2');
    expect(getSession()?.staff.name).toBe('王小丽'); // kept from the login
    expect(shown).toEqual([]);
  });

  it('several requests failing together share one refresh', async () => {
    const server = fakeServer({
      'GET /a': (c) => (c.headers.Authorization === 'Bearer access-2' ? { body: { ok: 1 } } : { status: 401 }),
      'GET /b': (c) => (c.headers.Authorization === 'Bearer access-2' ? { body: { ok: 2 } } : { status: 401 }),
      'POST /auth/staff/refresh': { body: { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 } },
    });
    await Promise.all([http.get('/a'), http.get('/b')]);
    expect(server.find('POST', '/auth/staff/refresh')).toHaveLength(1);
  });

  it('when the refresh is refused the session ends (back to login) and says so in Chinese', async () => {
    const server = fakeServer({
      'GET /tickets': { status: 401 },
      'POST /auth/staff/refresh': { status: 401, body: { code: 'UNAUTHORIZED', message: '请重新登录' } },
    });
    await expect(http.get('/tickets')).rejects.toMatchObject({ statusCode: 401, message: '登录已过期，请重新登录' });
    expect(getSession()).toBeNull();
    expect(server.find('GET', '/tickets')).toHaveLength(1); // no retry without a new token
    expect(shown).toEqual(['登录已过期，请重新登录']);
  });

  it('a still-refused retry does not loop: one refresh, one retry, then login', async () => {
    const server = fakeServer({
      'GET /tickets': { status: 401 },
      'POST /auth/staff/refresh': { body: { accessToken: 'access-2', refreshToken: 'refresh-2', expiresIn: 900 } },
    });
    await expect(http.get('/tickets')).rejects.toMatchObject({ statusCode: 401 });
    expect(server.find('GET', '/tickets')).toHaveLength(2);
    expect(server.find('POST', '/auth/staff/refresh')).toHaveLength(1);
    expect(getSession()).toBeNull();
  });

  it('passes the server error through: code, Chinese message and fields', async () => {
    fakeServer({
      'POST /tickets/t1/accept': { status: 409, body: { statusCode: 409, code: 'INVALID_TRANSITION', message: '工单当前为「已派工」，不能受理' } },
      'POST /tickets': { status: 400, body: { statusCode: 400, code: 'VALIDATION_FAILED', message: '提交的内容有误', fields: { roomId: ['请选择房屋'] } } },
    });
    await expect(http.post('/tickets/t1/accept', {})).rejects.toMatchObject({
      statusCode: 409,
      code: 'INVALID_TRANSITION',
      message: '工单当前为「已派工」，不能受理',
    });
    await expect(http.post('/tickets', {})).rejects.toMatchObject({ code: 'VALIDATION_FAILED', fields: { roomId: ['请选择房屋'] } });
    expect(shown).toEqual(['工单当前为「已派工」，不能受理', '提交的内容有误']);
  });

  it('a network failure or a non-JSON 502 still gives a readable Chinese message', async () => {
    vi.stubGlobal(
      'fetch',
      vi
        .fn()
        .mockRejectedValueOnce(new TypeError('Failed to fetch'))
        .mockResolvedValueOnce(new Response('<html>Bad Gateway</html>', { status: 502 })),
    );
    await expect(http.get('/x')).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: '网络连接失败，请检查网络后重试' });
    await expect(http.get('/x')).rejects.toMatchObject({ statusCode: 502, code: 'HTTP_502', message: '服务器开小差了，请稍后重试' });
  });

  it('silent requests leave the message to the caller', async () => {
    fakeServer({ 'POST /tickets/t1/claim': { status: 409, body: { code: 'ALREADY_OWNED', message: '该工单已有首接人' } } });
    await expect(http.post('/tickets/t1/claim', undefined, { silent: true })).rejects.toMatchObject({ code: 'ALREADY_OWNED' });
    expect(shown).toEqual([]);
  });
});
