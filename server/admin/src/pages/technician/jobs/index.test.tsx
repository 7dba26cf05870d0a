import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeServer, renderPage, signIn, ticket } from '../../../test/helpers';
import JobsPage, { splitToday } from '.';

// 10:00 in Shanghai on 23 November 2026; only Date is faked, so the page's timers run as usual.
const NOW = new Date('2026-11-23T02:00:00Z');
const assigned = { status: 'dispatched' as const, assignee: { id: 's9', name: '王师傅' }, owner: { id: 's1', name: '王小丽' } };

describe("the technician's jobs", () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(NOW);
    signIn(['technician'], 's9', '王师傅');
  });
  afterEach(() => vi.useRealTimers());

  it('today’s appointments (Shanghai day) come first, in time order; the rest below', () => {
    const late = ticket({ ...assigned, no: 'BX-1500', appointmentAt: '2026-11-23T07:00:00Z' });
    const early = ticket({ ...assigned, no: 'BX-0900', appointmentAt: '2026-11-23T01:00:00Z' });
    const tomorrow = ticket({ ...assigned, no: 'BX-TMR', appointmentAt: '2026-11-23T16:30:00Z' });
    const none = ticket({ ...assigned, no: 'BX-NONE' });
    const { today, others } = splitToday([late, tomorrow, early, none], NOW);
    expect(today.map((j) => j.no)).toEqual(['BX-0900', 'BX-1500']);
    expect(others.map((j) => j.no)).toEqual(['BX-TMR', 'BX-NONE']);
  });

  it('shows the appointments the list sends under 今日预约', async () => {
    const server = fakeServer({
      'GET /tickets': {
        body: {
          items: [
            ticket({ ...assigned, no: 'BX-TODAY', appointmentAt: '2026-11-23T06:00:00Z' }),
            ticket({ ...assigned, no: 'BX-LATER', appointmentAt: '2026-11-25T06:00:00Z' }),
          ],
          nextCursor: null,
        },
      },
    });
    renderPage(<JobsPage />, { path: '/jobs', route: '/jobs' });
    const todayHeading = await screen.findByText(/今日预约（1）/);
    const othersHeading = screen.getByText(/其他待办（1）/);
    const todayCards = within(todayHeading.nextElementSibling as HTMLElement).getAllByTestId('job-card');
    expect(todayCards).toHaveLength(1);
    expect(within(todayCards[0]!).getByText('BX-TODAY')).toBeInTheDocument();
    expect(within(todayCards[0]!).getByText(/预约 2026-11-23 14:00/)).toBeInTheDocument();
    expect(within(othersHeading.nextElementSibling as HTMLElement).getByText('BX-LATER')).toBeInTheDocument();
    const asked = server.find('GET', '/tickets')[0]!.query;
    expect([asked.get('mine'), asked.get('stage')]).toEqual(['assignee', 'open']);
  });
});
