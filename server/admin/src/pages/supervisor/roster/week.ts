import type { DutyShift, components } from '@yizhan/shared';

/** What copyForward reads of a shift, and what it makes: new shifts to POST. */
type ShiftTimes = Pick<DutyShift, 'communityId' | 'zoneId' | 'staffId' | 'startAt' | 'endAt'>;
type NewShift = components['schemas']['CreateDutyShiftDto'];
import { dayjs, TZ, type Dayjs } from '../../../time';

/** Monday 00:00 (Shanghai) of the week containing `d`. */
export function weekStart(d: Dayjs): Dayjs {
  const local = d.tz(TZ).startOf('day');
  const dow = (local.day() + 6) % 7; // Monday = 0
  return local.subtract(dow, 'day');
}

export function weekDays(start: Dayjs): Dayjs[] {
  return Array.from({ length: 7 }, (_, i) => start.add(i, 'day'));
}

/** A shift belongs to the day (Shanghai) it starts on. */
export function dayKey(iso: string): string {
  return dayjs(iso).tz(TZ).format('YYYY-MM-DD');
}

/** "08:00" + "20:00" on a day → instants; an end at or before the start is the next morning (night shift). */
export function shiftTimes(day: Dayjs, start: string, end: string): { startAt: string; endAt: string } {
  const date = day.tz(TZ).format('YYYY-MM-DD');
  const s = dayjs.tz(`${date} ${start}`, 'YYYY-MM-DD HH:mm', TZ);
  let e = dayjs.tz(`${date} ${end}`, 'YYYY-MM-DD HH:mm', TZ);
  if (!e.isAfter(s)) e = e.add(1, 'day');
  return { startAt: s.toISOString(), endAt: e.toISOString() };
}

/**
 * Last week's shifts moved one week on, leaving out any that this week already has
 * (same zone, person and start), so copying twice does not double the roster.
 */
export function copyForward(lastWeek: ShiftTimes[], thisWeek: ShiftTimes[]): NewShift[] {
  const sig = (s: Pick<DutyShift, 'zoneId' | 'staffId' | 'startAt'>) => `${s.zoneId ?? '*'}|${s.staffId}|${new Date(s.startAt).getTime()}`;
  const existing = new Set(thisWeek.map(sig));
  return lastWeek
    .map((s) => ({
      communityId: s.communityId,
      zoneId: s.zoneId,
      staffId: s.staffId,
      startAt: dayjs(s.startAt).add(7, 'day').toISOString(),
      endAt: dayjs(s.endAt).add(7, 'day').toISOString(),
    }))
    .filter((s) => !existing.has(sig(s)));
}
