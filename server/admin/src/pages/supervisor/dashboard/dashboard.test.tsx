import { screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeServer, renderPage, signIn } from '../../../test/helpers';
import DashboardPage from '.';

const stats = {
  complaints: { count: 1, major: 0, valid: 0, invalid: 0, unjudged: 1, replied: 0, onTimeRate: null, byCategory: [] },
  counts: {
    byType: { repair: 4, complaint: 1, home_service: 0, enquiry: 0 },
    byStatus: { submitted: 1, accepted: 1, dispatched: 1, in_progress: 0, resolved: 1, closed: 1, revisited: 0, cancelled: 0 },
    total: 5,
  },
  firstResponse: { medianSec: 720, p90Sec: 1500 },
  resolution: { medianSec: 15000, p90Sec: 90000 },
  onTimeRate: { respond: 0.9, onsite: 0.8, resolve: 0.95, confirm: 1, revisit: null },
  satisfactionRate: 0.92,
  revisitRate: 0.8,
  reopenRate: 0.05,
  owners: [],
  trend: [{ date: '2026-12-07', created: 5, resolved: 2, satisfaction: 0.9 }],
};

describe('the dashboard', () => {
  beforeEach(() => signIn(['supervisor']));

  it('today’s block shows what stands open and overdue now, not the period’s medians again', async () => {
    const server = fakeServer({
      'GET /communities': { body: { items: [{ id: 'c1', name: '翠湖花园' }], nextCursor: null } },
      'GET /admin/stats': { body: stats },
      'GET /tickets/counts': (call) => ({
        body: { byStatus: {}, total: call.query.get('overdue') === 'true' ? 2 : 7 },
      }),
    });
    renderPage(<DashboardPage />, { path: '/dashboard', route: '/dashboard' });
    const today = await screen.findByTestId('today');
    await waitFor(() => expect(within(today).getByText('当前在办').closest('.ant-statistic')!.textContent).toContain('7'));
    expect(within(today).getByText('当前超时').closest('.ant-statistic')!.textContent).toContain('2');
    expect(within(today).queryByText(/首次响应/)).toBeNull();
    expect(within(today).queryByText('满意度')).toBeNull();
    // The period's cards below still have them.
    expect(screen.getAllByText(/首次响应/).length).toBeGreaterThan(0);
    const asked = server.find('GET', '/tickets/counts').map((c) => [c.query.get('communityId'), c.query.get('stage'), c.query.get('overdue')]);
    expect(asked).toEqual(
      expect.arrayContaining([
        ['c1', 'open', null],
        ['c1', 'open', 'true'],
      ]),
    );
  });
});
