import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn, ticket } from '../../../test/helpers';
import DeskPage from '.';

describe("agent's desk", () => {
  beforeEach(() => signIn(['agent'], 's1', '王小丽'));

  it('claiming a pool ticket a colleague already took says "已被同事领取" and removes it from the pool', async () => {
    const taken = ticket({ no: 'BX-POOL-1' });
    let poolItems = [taken];
    const server = fakeServer({
      'GET /tickets': (c) => (c.query.get('unowned') === 'true' ? { body: { items: poolItems, nextCursor: null } } : { body: { items: [], nextCursor: null } }),
      [`POST /tickets/${taken.id}/claim`]: () => {
        poolItems = [];
        return { status: 409, body: { statusCode: 409, code: 'ALREADY_OWNED', message: '该工单已有首接人' } };
      },
    });
    renderPage(<DeskPage />, { path: '/desk', route: '/desk' });
    const row = (await screen.findByText('BX-POOL-1')).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: /认\s*领/ }));
    expect(await screen.findByText('已被同事领取')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByText('BX-POOL-1')).not.toBeInTheDocument());
    expect(server.find('POST', `/tickets/${taken.id}/claim`)).toHaveLength(1);
  });

  it('a successful claim opens the ticket, now mine', async () => {
    const free = ticket({ no: 'BX-POOL-2' });
    fakeServer({
      'GET /tickets': (c) => (c.query.get('unowned') === 'true' ? { body: { items: [free], nextCursor: null } } : { body: { items: [], nextCursor: null } }),
      [`POST /tickets/${free.id}/claim`]: { body: { ...free, owner: { id: 's1', name: '王小丽' } } },
    });
    renderPage(<DeskPage />, { path: '/desk', route: '/desk' });
    const row = (await screen.findByText('BX-POOL-2')).closest('tr')!;
    await userEvent.click(within(row).getByRole('button', { name: /认\s*领/ }));
    expect(await screen.findByText('工单详情页')).toBeInTheDocument();
  });

  it('my tickets are asked for by owner and status, tab by tab; overdue rows are marked', async () => {
    const late = ticket({
      no: 'BX-LATE',
      status: 'accepted',
      owner: { id: 's1', name: '王小丽' },
      overdue: ['respond'],
      deadlines: { respondBy: null, onsiteBy: new Date(Date.now() - 3600_000).toISOString(), resolveBy: null, confirmBy: null, revisitBy: null },
      clock: { name: 'onsite', dueAt: new Date(Date.now() - 3600_000).toISOString(), warnAt: new Date(Date.now() - 5400_000).toISOString(), state: 'breached' },
    });
    const server = fakeServer({
      'GET /tickets': (c) =>
        c.query.get('mine') === 'owner' && c.query.get('status') === 'accepted'
          ? { body: { items: [late], nextCursor: null } }
          : { body: { items: [], nextCursor: null } },
    });
    renderPage(<DeskPage />, { path: '/desk', route: '/desk' });
    await userEvent.click(await screen.findByRole('tab', { name: '待派工' }));
    const cell = await screen.findByText('BX-LATE');
    expect(cell.closest('tr')).toHaveClass('row-overdue');
    expect(within(cell.closest('tr')!).getByText(/已超时 1 小时/)).toBeInTheDocument();
    const statuses = server
      .find('GET', '/tickets')
      .filter((c) => c.query.get('mine') === 'owner')
      .map((c) => c.query.get('status'));
    expect(statuses).toEqual(['submitted', 'accepted']);
  });

  it('shows how many of my requests are in each tab, and asks for the pool most pressing first', async () => {
    const server = fakeServer({
      'GET /tickets': { body: { items: [], nextCursor: null } },
      'GET /tickets/counts': {
        body: { byStatus: { submitted: 3, accepted: 12, dispatched: 0, in_progress: 1, resolved: 0, closed: 0, revisited: 0, cancelled: 0 }, total: 16 },
      },
    });
    renderPage(<DeskPage />, { path: '/desk', route: '/desk' });
    // antd's badge spells its number digit by digit; its title holds the whole count.
    const badge = (status: string) => screen.getByTestId(`tab-${status}`).querySelector('.ant-badge-count')?.getAttribute('title') ?? null;
    await waitFor(() => expect(badge('submitted')).toBe('3'));
    expect(badge('accepted')).toBe('12');
    expect(badge('dispatched')).toBeNull();
    expect(server.find('GET', '/tickets/counts')[0]!.query.get('mine')).toBe('owner');
    const pool = server.find('GET', '/tickets').find((c) => c.query.get('unowned') === 'true')!;
    expect(pool.query.get('sort')).toBe('deadline');
  });
});
