import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeServer, renderPage } from '../../test/helpers';
import { getSession, resetSessionCache, setSession } from '../../services/session';
import LoginPage from '.';

describe('staff login', () => {
  it('asks for the username and password before sending anything', async () => {
    resetSessionCache();
    setSession(null);
    const server = fakeServer({});
    renderPage(<LoginPage />, { path: '/login', route: '/login' });
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('请输入用户名')).toBeInTheDocument();
    expect(screen.getByText('请输入密码')).toBeInTheDocument();
    expect(server.calls).toHaveLength(0);
  });

  it("shows the server's Chinese reason for a wrong password and does not try to refresh", async () => {
    setSession(null);
    const server = fakeServer({
      'POST /auth/staff/login': { status: 401, body: { statusCode: 401, code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } },
    });
    renderPage(<LoginPage />, { path: '/login', route: '/login' });
    await userEvent.type(screen.getByLabelText('用户名'), 'wangxl');
    await userEvent.type(screen.getByLabelText('密码'), 'wrong-pass');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    expect(await screen.findByText('用户名或密码错误')).toBeInTheDocument();
    expect(server.find('POST', '/auth/staff/refresh')).toHaveLength(0);
    expect(getSession()).toBeNull();
  });

  it('signs in and keeps the session', async () => {
    setSession(null);
    fakeServer({
      'POST /auth/staff/login': {
        body: { accessToken: 'a', refreshToken: 'r', expiresIn: 900, staff: { id: 's9', name: '李师傅', roles: ['technician'], communityIds: ['c1'] } },
      },
    });
    renderPage(<LoginPage />, { path: '/login', route: '/login' });
    await userEvent.type(screen.getByLabelText('用户名'), 'lisf');
    await userEvent.type(screen.getByLabelText('密码'), 'right-pass');
    await userEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
    await waitFor(() => expect(getSession()?.staff.name).toBe('李师傅'));
  });
});
