import { resolveDeadline } from './working-days';

describe('working-day limits on China’s official calendar', () => {
  it('skips National Day 2026 and counts its make-up Saturday', () => {
    // Wed 30 Sep 10:00 Shanghai; Oct 1–7 are off; Sat Oct 10 is a make-up working day:
    // Oct 8 (1), 9 (2), 10 (3), 12 (4), 13 (5), 14 (6), 15 (7) → Thu 15 Oct 10:00 Shanghai.
    const due = resolveDeadline({ resolveWithinSec: 0, resolveWorkingDays: 7 }, new Date('2026-09-30T02:00:00Z'));
    expect(due.toISOString()).toBe('2026-10-15T02:00:00.000Z');
  });

  it('uses seconds when the policy has no working days', () => {
    const due = resolveDeadline({ resolveWithinSec: 3600, resolveWorkingDays: null }, new Date('2026-09-30T02:00:00Z'));
    expect(due.toISOString()).toBe('2026-09-30T03:00:00.000Z');
  });

  it('counts a weekend off outside holidays', () => {
    // Fri 13 Nov 2026 09:00 Shanghai + 1 working day → Mon 16 Nov 09:00.
    expect(resolveDeadline({ resolveWithinSec: 0, resolveWorkingDays: 1 }, new Date('2026-11-13T01:00:00Z')).toISOString()).toBe('2026-11-16T01:00:00.000Z');
  });
});
