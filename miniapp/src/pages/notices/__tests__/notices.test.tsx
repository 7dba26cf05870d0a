import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../../../test/fake-api';
import { returningResident } from '../../../../test/helpers';
import { taroTest } from '../../../../test/stubs/taro';
import NoticesPage from '../index';

describe('notices', () => {
  beforeEach(() => {
    returningResident();
    const notices = [
      { id: 'n2', ticketId: '42', kind: 'resolved', title: '报修已处理完成', body: '请确认并评价', createdAt: '2026-11-23T08:00:00Z', readAt: null },
      {
        id: 'n1',
        ticketId: '42',
        kind: 'accepted',
        title: '报修已受理',
        body: '首接人：王客服',
        createdAt: '2026-11-23T07:00:00Z',
        readAt: '2026-11-23T07:05:00Z',
      },
    ];
    api.on('GET /notices', () => ({ status: 200, body: { items: notices, nextCursor: null } }));
    api.on('POST /notices/:id/read', (_req, { id }) => {
      const n = notices.find((x) => x.id === id);
      if (n) n.readAt = '2026-11-23T09:00:00Z';
      return { status: 204 };
    });
  });

  it('marks a notice read and opens its request; the tab badge counts what is left', async () => {
    render(<NoticesPage />);
    await screen.findByText('报修已处理完成');
    await waitFor(() => expect(taroTest.tabBadge).toBe('1'));
    fireEvent.click(screen.getByText('报修已处理完成'));
    expect(taroTest.navigations).toEqual(['navigateTo /subpackages/tickets/pages/detail/index?id=42']);
    await waitFor(() => expect(taroTest.tabBadge).toBeNull());
    expect(api.calls('POST /notices/n2/read')).toHaveLength(1);
  });
});
