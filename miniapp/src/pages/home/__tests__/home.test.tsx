import { render, screen, within } from '@testing-library/react';
import type { TicketSummary } from '@yizhan/shared';
import { api } from '../../../../test/fake-api';
import { ME, returningResident } from '../../../../test/helpers';
import HomePage from '../index';

const summary = (id: string, status: TicketSummary['status'], description: string): TicketSummary => ({
  id,
  no: `BX20261123-${id.padStart(4, '0')}`,
  type: 'repair',
  status,
  category: '水电',
  description,
  priority: 'normal',
  channel: 'miniapp',
  room: { id: 'room-1', label: ME.rooms[0]!.label, communityId: 'c1', zoneId: null },
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

describe('the home page', () => {
  beforeEach(() => {
    returningResident();
    api.on('GET /me', () => ({ status: 200, body: ME }));
    api.on('GET /me/incidents', () => ({ status: 200, body: { items: [] } }));
    api.on('GET /me/announcements', () => ({ status: 200, body: { items: [], unread: 0 } }));
    api.on('GET /me/notices', () => ({ status: 200, body: { items: [], nextCursor: null, unread: 0 } }));
    api.on('GET /tickets', (req) => {
      const all = [summary('1', 'in_progress', '卫生间漏水'), summary('2', 'resolved', '厨房水龙头滴水')];
      const items = all.filter((t) => (req.query.status ? t.status === req.query.status : req.query.stage === 'open' ? t.status !== 'resolved' : true));
      return { status: 200, body: { items, nextCursor: null } };
    });
  });

  it('puts what waits for my confirmation first, apart from what is in progress', async () => {
    render(<HomePage />);
    const waiting = await screen.findByTestId('home-to-confirm');
    expect(within(waiting).getByText('待您确认（1）')).toBeTruthy();
    expect(within(waiting).getByText(/厨房水龙头滴水/)).toBeTruthy();
    expect(within(waiting).queryByText(/卫生间漏水/)).toBeNull();
    expect(await screen.findByText(/卫生间漏水/)).toBeTruthy();
  });
});
