import { countdown, nextDeadline, technicianDay } from '../staff';
import { HOUR, summary } from './fixtures';

describe('the technician’s day', () => {
  // 2026-12-07 10:00 in Shanghai.
  const now = Date.parse('2026-12-07T02:00:00Z');
  const at = (h: number) => new Date(now + h * HOUR).toISOString();

  it('puts today’s visits first, urgent before normal, then by visit time; the rest breached first, then by time left', () => {
    const items = [
      summary({ id: 'late-normal', appointmentAt: at(6) }),
      summary({ id: 'early-normal', appointmentAt: at(1) }),
      summary({ id: 'late-urgent', appointmentAt: at(5), priority: 'urgent' }),
      summary({ id: 'tomorrow', appointmentAt: at(24), deadlines: { ...summary().deadlines, resolveBy: at(20) } }),
      summary({ id: 'no-visit-soon', deadlines: { ...summary().deadlines, resolveBy: at(2) } }),
      summary({ id: 'no-visit-urgent', priority: 'urgent', deadlines: { ...summary().deadlines, resolveBy: at(30) } }),
      summary({
        id: 'breached',
        deadlines: { ...summary().deadlines, resolveBy: at(40) },
        clock: { name: 'onsite', dueAt: at(-1), warnAt: at(-1.5), state: 'breached' },
      }),
      summary({
        id: 'urgent-12-min',
        priority: 'urgent',
        deadlines: { ...summary().deadlines, resolveBy: at(24) },
        clock: { name: 'respond', dueAt: at(0.2), warnAt: at(-0.3), state: 'warning' },
      }),
    ];
    const day = technicianDay(items, now);
    expect(day.today.map((t) => t.id)).toEqual(['late-urgent', 'early-normal', 'late-normal']);
    // Urgent is a mark, not a sort key: the clock decides (12 minutes left beats 2 hours, 20 and 30).
    expect(day.others.map((t) => t.id)).toEqual(['breached', 'urgent-12-min', 'no-visit-soon', 'tomorrow', 'no-visit-urgent']);
  });

  it('counts down to the second, and says how late once past', () => {
    expect(countdown(new Date(now + HOUR + 5 * 60_000 + 9_000).toISOString(), now)).toEqual({ text: '剩 1 小时 05 分 09 秒', late: false });
    expect(countdown(new Date(now - 12 * 60_000 - 3_000).toISOString(), now)).toEqual({ text: '超时 12 分 03 秒', late: true });
    expect(countdown(new Date(now + 50 * HOUR).toISOString(), now).text).toBe('剩 2 天 2 小时');
  });

  it('watches the clock that matters for the state', () => {
    const d = { respondBy: at(1), onsiteBy: at(2), resolveBy: at(3), confirmBy: null, revisitBy: null };
    expect(nextDeadline({ status: 'submitted', deadlines: d })).toEqual({ label: '受理时限', at: at(1) });
    expect(nextDeadline({ status: 'dispatched', deadlines: d })).toEqual({ label: '上门时限', at: at(2) });
    expect(nextDeadline({ status: 'in_progress', deadlines: d })).toEqual({ label: '办结时限', at: at(3) });
    expect(nextDeadline({ status: 'resolved', deadlines: d })).toBeNull();
  });
});
