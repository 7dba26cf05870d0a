import { SHANGHAI_TIME_ZONE, clockTime, friendlyTime, fromLocalDateTime, isoDateOf, isoMinuteOf, localDateTime } from './zoned-time';

describe('localDateTime / fromLocalDateTime', () => {
  it('reads Shanghai wall time (UTC+8)', () => {
    expect(localDateTime(new Date('2026-11-22T16:30:05.123Z'))).toEqual({
      year: 2026,
      month: 11,
      day: 23,
      hour: 0,
      minute: 30,
      second: 5,
      millisecond: 123,
    });
  });

  it('the fixed-offset Shanghai path agrees with Intl over a year, hour by hour', () => {
    // Guards the shortcut that keeps the mini-program independent of Intl time-zone data.
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: SHANGHAI_TIME_ZONE,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    const start = Date.UTC(2025, 0, 1);
    for (let t = start; t < start + 366 * 86_400_000; t += 3_600_000 + 7 * 60_000) {
      const l = localDateTime(new Date(t));
      const ours = `${isoDateOf(l)}, ${String(l.hour).padStart(2, '0')}:${String(l.minute).padStart(2, '0')}`;
      expect(ours).toBe(intl.format(new Date(t)));
    }
  });

  it('round-trips in Shanghai and in a zone with daylight saving', () => {
    for (const iso of ['2026-01-01T00:00:00.000Z', '2025-07-15T12:34:56.789Z', '2025-11-02T05:30:00.000Z']) {
      for (const zone of [SHANGHAI_TIME_ZONE, 'America/New_York', 'Europe/Berlin', 'UTC']) {
        const d = new Date(iso);
        expect(fromLocalDateTime(localDateTime(d, zone), zone)).toEqual(d);
      }
    }
  });

  it('uses the offset in force at the wall time, not at the start', () => {
    // 12:00 on 1 July in New York is EDT (UTC−4); on 1 January it is EST (UTC−5).
    const base = { hour: 12, minute: 0, second: 0, millisecond: 0 };
    expect(fromLocalDateTime({ ...base, year: 2025, month: 7, day: 1 }, 'America/New_York')).toEqual(new Date('2025-07-01T16:00:00Z'));
    expect(fromLocalDateTime({ ...base, year: 2025, month: 1, day: 1 }, 'America/New_York')).toEqual(new Date('2025-01-01T17:00:00Z'));
  });

  it('reads midnight as hour 0 in other zones', () => {
    expect(localDateTime(new Date('2025-07-01T04:00:00Z'), 'America/New_York').hour).toBe(0);
  });
});

describe('clockTime and isoMinuteOf', () => {
  it('name an instant on the Shanghai wall clock, whatever the machine', () => {
    const at = new Date('2026-11-23T16:05:00Z'); // 00:05 on the 24th in Shanghai
    expect(clockTime(at)).toBe('00:05');
    expect(isoMinuteOf(at)).toBe('2026-11-24 00:05');
    expect(friendlyTime(at)).toBe('11月24日 00:05');
  });
});
