/**
 * Wall-clock time in a time zone, without a date library.
 *
 * Asia/Shanghai (the product's zone) is a fixed UTC+8 (China has had no daylight
 * saving time since 1991), so it is computed with plain arithmetic. That keeps these
 * helpers working in the WeChat mini-program, whose JavaScript engines do not all
 * ship the time-zone data `Intl.DateTimeFormat` needs. Other zones use `Intl`.
 */

export const SHANGHAI_TIME_ZONE = 'Asia/Shanghai';

const SHANGHAI_OFFSET_MS = 8 * 3600_000;
export const DAY_MS = 86_400_000;

/** A wall-clock reading: month 1–12, day 1–31, hour 0–23. */
export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds to add to a UTC instant to read the zone's wall clock as if it were UTC. */
function offsetMs(epochMs: number, timeZone: string): number {
  if (timeZone === SHANGHAI_TIME_ZONE) return SHANGHAI_OFFSET_MS;
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const wallAsUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    (parts.hour ?? 0) % 24, // some engines print midnight as 24 even with h23
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const wholeSecond = epochMs - (((epochMs % 1000) + 1000) % 1000);
  return wallAsUtc - wholeSecond;
}

export function localDateTime(date: Date, timeZone: string = SHANGHAI_TIME_ZONE): LocalDateTime {
  const shifted = new Date(date.getTime() + offsetMs(date.getTime(), timeZone));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    millisecond: shifted.getUTCMilliseconds(),
  };
}

/**
 * The instant at which the zone's wall clock reads `local`. Out-of-range fields roll
 * over like `Date.UTC` (day 32 is the 1st of the next month). A wall time skipped by a
 * daylight-saving jump resolves to the instant one offset away; Shanghai has none.
 */
export function fromLocalDateTime(local: LocalDateTime, timeZone: string = SHANGHAI_TIME_ZONE): Date {
  const wallAsUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second, local.millisecond);
  // Two passes: the offset at the first guess may differ from the offset at the answer near a DST change.
  let guess = wallAsUtc - offsetMs(wallAsUtc, timeZone);
  guess = wallAsUtc - offsetMs(guess, timeZone);
  return new Date(guess);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** 'YYYY-MM-DD' of a wall-clock reading. */
export function isoDateOf(local: Pick<LocalDateTime, 'year' | 'month' | 'day'>): string {
  return `${pad(local.year, 4)}-${pad(local.month, 2)}-${pad(local.day, 2)}`;
}

/** "14:30": the wall-clock time of an instant in Asia/Shanghai (or `timeZone`). */
export function clockTime(date: Date, timeZone: string = SHANGHAI_TIME_ZONE): string {
  const l = localDateTime(date, timeZone);
  return `${pad(l.hour, 2)}:${pad(l.minute, 2)}`;
}

/** "2026-11-24 14:30": date and time to the minute in Asia/Shanghai (or `timeZone`), as WeChat's time keywords take them. */
export function isoMinuteOf(date: Date, timeZone: string = SHANGHAI_TIME_ZONE): string {
  return `${isoDateOf(localDateTime(date, timeZone))} ${clockTime(date, timeZone)}`;
}

/** "11月24日 14:30" in Asia/Shanghai (or `timeZone`): how notices and messages name a time. */
export function friendlyTime(date: Date, timeZone: string = SHANGHAI_TIME_ZONE): string {
  const l = localDateTime(date, timeZone);
  return `${l.month}月${l.day}日 ${clockTime(date, timeZone)}`;
}
