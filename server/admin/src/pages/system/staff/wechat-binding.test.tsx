import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import StaffPage from '.';

const account = (id: string, name: string, wechatBound: boolean) => ({
  id,
  username: `u${id}`,
  name,
  phoneMasked: null,
  roles: ['technician'],
  communityIds: ['c1'],
  skills: ['水电'],
  active: true,
  openOwned: 0,
  openAssigned: 2,
  wechatBound,
});

const wecom = (staffId: string, userid: string | null) => ({
  enabled: true,
  staffId,
  userid,
  boundVia: userid ? 'admin' : null,
  boundAt: userid ? new Date().toISOString() : null,
  kinds: [],
  quietStart: null,
  quietEnd: null,
  lastError: null,
  lastErrorReason: null,
  lastErrorAt: null,
  lastSentAt: null,
  pending: 0,
});

describe('staff accounts: the mini-program binding', () => {
  beforeEach(() => signIn(['admin'], 'a1'));

  it('shows who is bound to a WeChat user and ends a binding after confirmation', async () => {
    let bound = true;
    const server = fakeServer({
      'GET /communities': { body: { items: [{ id: 'c1', name: '翠湖花园' }] } },
      'GET /admin/communities': { body: { items: [{ id: 'c1', name: '翠湖花园' }], nextCursor: null } },
      'GET /admin/staff': () => ({ body: { items: [account('7', '王师傅', bound), account('8', '赵师傅', false)], nextCursor: null } }),
      // Both are bound in 企业微信, so the only 未绑定 in a row is the mini-program's.
      'GET /admin/staff/wecom': { body: { items: [wecom('7', 'wangsf'), wecom('8', 'zhaosf')] } },
      'GET /staff/wecom-settings': { body: wecom('a1', null) },
      'DELETE /admin/staff/7/wechat': () => {
        bound = false;
        return { body: account('7', '王师傅', false) };
      },
    });
    renderPage(<StaffPage />);
    const row = (await screen.findByText('王师傅')).closest('tr')!;
    expect(within(row).getByText('已绑定微信')).toBeInTheDocument();
    const other = screen.getByText('赵师傅').closest('tr')!;
    expect(within(other).getByText('未绑定')).toBeInTheDocument();
    expect(within(other).queryByRole('button', { name: '解除绑定' })).toBeNull();

    await userEvent.click(within(row).getByRole('button', { name: '解除绑定' }));
    await userEvent.click(await screen.findByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(server.find('DELETE', '/admin/staff/7/wechat')).toHaveLength(1));
    expect(await screen.findByText('已解除绑定')).toBeInTheDocument();
    await waitFor(() => expect(within(screen.getByText('王师傅').closest('tr')!).getByText('未绑定')).toBeInTheDocument());
  });
});
