import { isoDateOf, localDateTime } from '@yizhan/shared';

/** Times arrive as ISO-8601 UTC and are shown on the Asia/Shanghai wall clock. */
const pad = (n: number) => String(n).padStart(2, '0');

const toDate = (at: string | number | Date) => (at instanceof Date ? at : new Date(typeof at === 'string' ? Date.parse(at) : at));

/** "11月23日 14:30", with the year when it is not the current one. */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const p = localDateTime(toDate(iso));
  const year = p.year !== localDateTime(now).year ? `${p.year}年` : '';
  return `${year}${p.month}月${p.day}日 ${pad(p.hour)}:${pad(p.minute)}`;
}

/** "14:30" */
export function formatClock(iso: string): string {
  const p = localDateTime(toDate(iso));
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "2026-11-23": the Shanghai calendar date of an instant, as the slots API expects. */
export function shanghaiDate(at: Date | number): string {
  return isoDateOf(localDateTime(toDate(at)));
}

/** The next `count` Shanghai calendar days starting today, for the date chips. */
export function upcomingDays(count: number, now: Date = new Date()) {
  return Array.from({ length: count }, (_, i) => {
    const p = localDateTime(new Date(now.getTime() + i * 24 * 60 * 60 * 1000));
    const weekday = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
    return { date: isoDateOf(p), month: p.month, day: p.day, weekday, offset: i };
  });
}
