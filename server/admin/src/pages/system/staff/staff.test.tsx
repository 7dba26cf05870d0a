import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import StaffPage from '.';

describe('staff accounts', () => {
  beforeEach(() => signIn(['admin'], 'a1', '管理员'));

  it('a new account has no role until one is chosen, and skills come from the managed list', async () => {
    const server = fakeServer({
      'GET /admin/staff': { body: { items: [], nextCursor: null } },
      'GET /communities': { body: { items: [{ id: 'c1', name: '翠湖花园' }], nextCursor: null } },
      'GET /admin/staff/wecom': { body: { items: [] } },
      'GET /staff/wecom-settings': {
        body: {
          enabled: false,
          staffId: 'a1',
          userid: null,
          boundVia: null,
          boundAt: null,
          kinds: [],
          quietStart: null,
          quietEnd: null,
          lastError: null,
          lastErrorReason: null,
          lastErrorAt: null,
          lastSentAt: null,
          pending: 0,
        },
      },
      'POST /admin/staff': (c) => ({ status: 201, body: { id: 's9', ...(c.body as object), active: true, openTickets: 0, communityIds: [] } }),
    });
    renderPage(<StaffPage />, { path: '/system/staff', route: '/system/staff' });
    await userEvent.click(await screen.findByRole('button', { name: /新\s*建/ }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('用户名'), { target: { value: 'shifu_li' } });
    fireEvent.change(within(dialog).getByLabelText('姓名'), { target: { value: '李师傅' } });
    fireEvent.change(within(dialog).getByLabelText(/密码/), { target: { value: 'password-123' } });
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定|保\s*存/ }));
    // Nothing chosen: refused in the form, nothing sent.
    expect(await within(dialog).findByText(/请选择角色/)).toBeInTheDocument();
    expect(server.find('POST', '/admin/staff')).toHaveLength(0);
    // Skills are picked from the list, not typed.
    fireEvent.mouseDown(within(dialog).getByLabelText('技能'));
    expect(await screen.findByTitle('管道疏通')).toBeInTheDocument();
    expect(screen.getByTitle('开锁换锁')).toBeInTheDocument();
  }, 60_000);
});
