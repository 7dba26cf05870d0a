import { describe, expect, it } from 'vitest';
import { dayjs } from '../../../time';
import { copyForward, shiftTimes, weekStart } from './week';

describe('duty roster arithmetic (Beijing time)', () => {
  it('weeks start on Monday', () => {
    expect(weekStart(dayjs('2026-11-26T10:00:00+08:00')).format('YYYY-MM-DD ddd')).toBe('2026-11-23 周一');
    expect(weekStart(dayjs('2026-11-29T23:00:00+08:00')).format('YYYY-MM-DD')).toBe('2026-11-23');
  });

  it('a night shift ending at 08:00 ends the next morning', () => {
    const day = weekStart(dayjs('2026-11-23T12:00:00+08:00'));
    expect(shiftTimes(day, '20:00', '08:00')).toEqual({ startAt: '2026-11-23T12:00:00.000Z', endAt: '2026-11-24T00:00:00.000Z' });
    expect(shiftTimes(day, '08:00', '20:00')).toEqual({ startAt: '2026-11-23T00:00:00.000Z', endAt: '2026-11-23T12:00:00.000Z' });
  });

  it('copying last week moves each shift seven days and skips ones already there', () => {
    const last = [
      { id: '1', communityId: 'c1', zoneId: 'z1', staffId: 'a', startAt: '2026-11-16T00:00:00.000Z', endAt: '2026-11-16T12:00:00.000Z' },
      { id: '2', communityId: 'c1', zoneId: null, staffId: 'b', startAt: '2026-11-16T12:00:00.000Z', endAt: '2026-11-17T00:00:00.000Z' },
    ];
    const already = [{ ...last[0]!, id: '3', startAt: '2026-11-23T00:00:00.000Z', endAt: '2026-11-23T12:00:00.000Z' }];
    expect(copyForward(last, already)).toEqual([
      { communityId: 'c1', zoneId: null, staffId: 'b', startAt: '2026-11-23T12:00:00.000Z', endAt: '2026-11-24T00:00:00.000Z' },
    ]);
  });
});
