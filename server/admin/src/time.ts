import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

/** The server speaks UTC; every person using these pages reads Beijing time. */
dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const TZ = 'Asia/Shanghai';

export function inShanghai(value: string | number | Date | Dayjs): Dayjs {
  return dayjs(value).tz(TZ);
}

export function fmtDateTime(value: string | null | undefined): string {
  return value ? inShanghai(value).format('YYYY-MM-DD HH:mm') : '—';
}

/** In a table: "12-07 13:38" within this (Shanghai) year, the full date otherwise. */
export function fmtShortDateTime(value: string | null | undefined, now: Date = new Date()): string {
  if (!value) return '—';
  const at = inShanghai(value);
  return at.year() === inShanghai(now).year() ? at.format('MM-DD HH:mm') : at.format('YYYY-MM-DD HH:mm');
}

export function fmtDate(value: string | null | undefined): string {
  return value ? inShanghai(value).format('YYYY-MM-DD') : '—';
}

export function fmtTime(value: string | null | undefined): string {
  return value ? inShanghai(value).format('HH:mm') : '—';
}

/** Start of today in Shanghai, as a UTC ISO string for the API. */
export function startOfTodayIso(now: Dayjs = dayjs()): string {
  return now.tz(TZ).startOf('day').toISOString();
}

/**
 * The start of the Shanghai day a date picker shows, as a UTC ISO string. A picker's value
 * lives in the device's time zone; only its calendar date is what the person chose.
 */
export function shanghaiDayStartIso(picked: Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DD'), TZ).toISOString();
}

/**
 * Date-time pickers show and take Beijing time, whatever the device's time zone: a picker
 * works in the device's zone, so it is given a value whose wall clock is the Shanghai one,
 * and what it returns is read back as a Shanghai wall clock.
 */
export function toPicker(iso: string): Dayjs {
  return dayjs(inShanghai(iso).format('YYYY-MM-DDTHH:mm:ss'));
}
export function fromPicker(picked: Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DD HH:mm:ss'), TZ).toISOString();
}
/** For a picker's disabledDate: days before today in Shanghai. */
export function beforeTodayInShanghai(picked: Dayjs, now: Dayjs = dayjs()): boolean {
  return picked.format('YYYY-MM-DD') < now.tz(TZ).format('YYYY-MM-DD');
}

/** "1 小时 5 分" from seconds, for statistics. */
export function fmtDuration(sec: number | null | undefined): string {
  if (sec === null || sec === undefined || Number.isNaN(sec)) return '—';
  const s = Math.max(0, Math.round(sec));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} 天${h ? ` ${h} 小时` : ''}`;
  if (h > 0) return `${h} 小时${m ? ` ${m} 分` : ''}`;
  if (m > 0) return `${m} 分钟`;
  return `${s} 秒`;
}

export function fmtPercent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined || Number.isNaN(rate)) return '—';
  return `${(rate * 100).toFixed(1)}%`;
}

export { dayjs };
export type { Dayjs };
