import { render, screen, waitFor } from '@testing-library/react';
import { api } from '../../../test/fake-api';
import { ME } from '../../../test/helpers';
import { taroTest } from '../../../test/stubs/taro';
import HomePage from '../../pages/home/index';
import { STORAGE_KEYS } from '../../utils/storage';
import { forgetEarly } from '../early';
import { startFirstPageRequests } from '../first-page';
import { request } from '../request';
import { logOut } from '../session';

/** A resident signed in before: the token is stored and the server still accepts it. */
function storedSession(): void {
  api.tokens.add('stored-token');
  taroTest.storage.set(STORAGE_KEYS.session, { token: 'stored-token', residentId: 'r1', expiresAt: Date.now() + 3_600_000 });
}

describe('the first page’s requests started at launch (h5)', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'h5';
    api.on('GET /me', () => ({ status: 200, body: ME }));
    api.on('GET /me/hotline', () => ({ status: 200, body: { hotline: { phone: '0571-88880000', label: '物业服务中心' } } }));
    api.on('GET /me/incidents', () => ({ status: 200, body: { items: [] } }));
    api.on('GET /me/announcements', () => ({ status: 200, body: { items: [], unread: 0 } }));
    api.on('GET /notices', () => ({ status: 200, body: { items: [], nextCursor: null } }));
    api.on('GET /tickets', () => ({ status: 200, body: { items: [], nextCursor: null } }));
  });
  afterEach(() => forgetEarly());

  it('lets the home page take the answers started at launch: each request is sent once', async () => {
    storedSession();
    startFirstPageRequests('#/pages/home/index');
    // Sent before the page exists; the hotline once "me" has named the room.
    await waitFor(() => expect(api.calls('GET /me/hotline')).toHaveLength(1));
    expect(api.calls().map((r) => r.path)).toEqual(['/me', '/tickets', '/tickets', '/me/incidents', '/me/announcements', '/notices', '/me/hotline']);

    render(<HomePage />);
    expect(await screen.findByTestId('call-hotline')).toBeTruthy();
    expect(api.calls('GET /me')).toHaveLength(1);
    expect(api.calls('GET /tickets')).toHaveLength(2);
    expect(api.calls('GET /me/hotline')).toHaveLength(1);
    expect(api.calls('GET /me/hotline')[0]!.query).toEqual({ roomId: 'room-1' });
    expect(api.calls('GET /notices')).toHaveLength(1);
    expect(api.calls('GET /me/incidents')).toHaveLength(1);
    expect(api.loginCodes).toHaveLength(0);
  });

  it('serves an early answer once: the next call asks the server again', async () => {
    storedSession();
    startFirstPageRequests('#/subpackages/tickets/pages/create/index?type=repair');
    await request('GET', '/me');
    await request('GET', '/me');
    expect(api.calls('GET /me')).toHaveLength(2);
  });

  it('drops the early answers after a change or a sign-out, so a page never shows what was before', async () => {
    storedSession();
    api.on('POST /me/rooms', () => ({ status: 200, body: {} }));
    startFirstPageRequests('');
    await request('POST', '/me/rooms', { data: {} });
    await request('GET', '/me');
    expect(api.calls('GET /me')).toHaveLength(2);

    startFirstPageRequests('#/pages/home/index');
    logOut();
    storedSession();
    await request('GET', '/me/incidents');
    expect(api.calls('GET /me/incidents')).toHaveLength(3);
    // The hotline follows "me" at launch, but not past the sign-out.
    expect(api.calls('GET /me/hotline')).toHaveLength(0);
  });

  it('starts nothing without a stored session (no early login) or for a page without first requests', async () => {
    startFirstPageRequests('#/pages/home/index');
    storedSession();
    startFirstPageRequests('#/pages/me/index');
    // Only the page's own call: nothing was sent at launch, no login either.
    await request('GET', '/me');
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /me']);
  });

  it('asks for a request’s detail and its contacts on the detail page', async () => {
    storedSession();
    startFirstPageRequests('#/subpackages/tickets/pages/detail/index?id=t%2F7');
    await waitFor(() => expect(api.calls().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /tickets/t%2F7', 'GET /tickets/t%2F7/contacts']));
  });
});
