import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { TicketSummary } from '@yizhan/shared';
import { api } from '../../../../test/fake-api';
import { returningResident } from '../../../../test/helpers';
import { taroTest } from '../../../../test/stubs/taro';
import TicketsPage from '../index';

const summary = (id: number, status: TicketSummary['status'] = 'submitted'): TicketSummary => ({
  id: String(id),
  no: `BX20261123-${String(id).padStart(4, '0')}`,
  type: 'repair',
  status,
  category: '水电',
  description: `问题 ${id}`,
  priority: 'normal',
  channel: 'miniapp',
  room: { id: 'room-1', label: 'A1区 3栋 2单元 1201', communityId: 'c1', zoneId: null },
  location: { kind: 'room', label: 'A1区 3栋 2单元 1201', communityId: 'c1', zoneId: null, roomId: 'room-1', buildingId: 'b1', unit: '2', placeId: null },
  followerCount: 0,
  owner: null,
  assignee: null,
  deadlines: { respondBy: null, onsiteBy: null, resolveBy: null, confirmBy: null, revisitBy: null },
  overdue: [],
  onHold: false,
  appointmentAt: null,
  clock: null,
  createdAt: '2026-11-23T06:30:00.000Z',
  updatedAt: '2026-11-23T06:30:00.000Z',
});

/** 45 tickets, newest first, served 20 at a time with an opaque cursor. */
function serveTickets() {
  const all = Array.from({ length: 45 }, (_, i) => summary(45 - i, i % 3 === 0 ? 'resolved' : 'submitted'));
  api.on('GET /tickets', (req) => {
    const stages: Record<string, string[]> = {
      open: ['submitted', 'accepted', 'dispatched', 'in_progress'],
      done: ['resolved', 'closed', 'revisited', 'cancelled'],
    };
    const wanted = req.query.status ? [req.query.status] : req.query.stage ? stages[req.query.stage]! : null;
    const rows = all.filter((t) => !wanted || wanted.includes(t.status));
    const start = req.query.cursor ? Number(req.query.cursor) : 0;
    const limit = Number(req.query.limit ?? 20);
    const items = rows.slice(start, start + limit);
    return { status: 200, body: { items, nextCursor: start + limit < rows.length ? String(start + limit) : null } };
  });
}

describe('my requests', () => {
  beforeEach(returningResident);

  it('loads more as the resident scrolls, until the end', async () => {
    serveTickets();
    render(<TicketsPage />);
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(20));
    await taroTest.reachBottom();
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(40));
    await taroTest.reachBottom();
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(45));
    expect(screen.getByText('没有更多了')).toBeTruthy();
    await taroTest.reachBottom();
    expect(api.calls('GET /tickets')).toHaveLength(3);
  });

  it('shows only the requests of the chosen tab', async () => {
    serveTickets();
    render(<TicketsPage />);
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(20));
    fireEvent.click(screen.getByTestId('tab-toConfirm'));
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(15));
    expect(screen.getAllByTestId('ticket-card').every((c) => c.textContent?.includes('待确认'))).toBe(true);
    expect(api.calls('GET /tickets').at(-1)!.query.status).toBe('resolved');
  });

  it('offers a retry when the first page fails, and keeps the list when a later page fails', async () => {
    serveTickets();
    api.offline = true;
    render(<TicketsPage />);
    expect(await screen.findByText('重新加载')).toBeTruthy();
    api.offline = false;
    fireEvent.click(screen.getByText('重新加载'));
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(20));

    api.offline = true;
    await taroTest.reachBottom();
    expect(await screen.findByText(/加载失败，点击重试/)).toBeTruthy();
    expect(screen.getAllByTestId('ticket-card')).toHaveLength(20);
    api.offline = false;
    fireEvent.click(screen.getByText(/加载失败，点击重试/));
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(40));
  });

  it('"已完成" leaves out requests waiting for confirmation, fetching on past pages that hold only those', async () => {
    const done = Array.from({ length: 25 }, (_, i) => summary(100 - i, 'resolved')).concat([summary(1, 'closed')]);
    api.on('GET /tickets', (req) => {
      const start = req.query.cursor ? Number(req.query.cursor) : 0;
      return { status: 200, body: { items: done.slice(start, start + 20), nextCursor: start + 20 < done.length ? String(start + 20) : null } };
    });
    render(<TicketsPage />);
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(20));
    fireEvent.click(screen.getByTestId('tab-done'));
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(1));
    expect(screen.getByTestId('ticket-card').textContent).toContain('已完成');
    expect(api.calls('GET /tickets').at(-1)!.query.stage).toBe('done');
  });

  it('pull-to-refresh shows new requests at the top', async () => {
    serveTickets();
    render(<TicketsPage />);
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(20));
    api.on('GET /tickets', () => ({ status: 200, body: { items: [summary(99)], nextCursor: null } }));
    await taroTest.pullDown();
    await waitFor(() => expect(screen.getAllByTestId('ticket-card')).toHaveLength(1));
    expect(screen.getByText('问题 99')).toBeTruthy();
  });

  it('opens a request on tap', async () => {
    serveTickets();
    render(<TicketsPage />);
    fireEvent.click((await screen.findAllByTestId('ticket-card'))[0]!);
    expect(taroTest.navigations).toEqual(['navigateTo /subpackages/tickets/pages/detail/index?id=45']);
  });
});
