import type { SlaClock } from './enums';
import {
  DEFAULT_SLA_POLICIES,
  addWorkingDays,
  deadlinesAtCreation,
  deadlinesAtResolution,
  deadlinesFromApi,
  deadlinesToApi,
  defaultSlaPolicy,
  describeRemaining,
  overdueClocks,
  resumeDeadlines,
  runningClocks,
  workingDayCalendar,
  defaultResolveWorkingDays,
  type SlaDeadlines,
  type SlaMilestones,
} from './sla';

const MIN = 60_000;
const HOUR = 60 * MIN;
/** An instant written as Shanghai wall time, e.g. sh('2026-11-23 09:00'). */
const sh = (wall: string) => new Date(`${wall.replace(' ', 'T')}+08:00`);
const plus = (d: Date, ms: number) => new Date(d.getTime() + ms);

describe('default policies (DESIGN.md §2)', () => {
  it.each([
    ['complaint', 'normal', 24 * 3600, null, 7 * 24 * 3600],
    ['complaint', 'urgent', 15 * 60, null, 7 * 24 * 3600],
    ['repair', 'normal', 2 * 3600, 24 * 3600, 72 * 3600],
    ['repair', 'urgent', 15 * 60, 30 * 60, 72 * 3600],
    ['home_service', 'normal', 2 * 3600, null, 72 * 3600],
    ['home_service', 'urgent', 15 * 60, 30 * 60, 72 * 3600],
  ] as const)('%s / %s: respond %ss, on site %ss, resolve %ss', (type, priority, respond, onsite, resolve) => {
    expect(defaultSlaPolicy(type, priority)).toEqual({
      respondWithinSec: respond,
      onsiteWithinSec: onsite,
      resolveWithinSec: resolve,
      confirmWithinSec: 72 * 3600,
      revisitWithinSec: 24 * 3600,
    });
  });

  it('hands out a copy, so a caller cannot change the defaults for everyone', () => {
    const policy = defaultSlaPolicy('repair', 'normal');
    policy.respondWithinSec = 1;
    expect(DEFAULT_SLA_POLICIES.repair.normal.respondWithinSec).toBe(2 * 3600);
  });

  it('gives a major complaint (重大投诉) its own limits: 48 h in hours, whatever the general policy counts', () => {
    expect(defaultSlaPolicy('complaint', 'normal', 'major')).toMatchObject({ respondWithinSec: 2 * 3600, resolveWithinSec: 48 * 3600, onsiteWithinSec: null });
    expect(defaultSlaPolicy('complaint', 'urgent', 'major')).toMatchObject({ respondWithinSec: 15 * 60, resolveWithinSec: 48 * 3600 });
    expect(defaultResolveWorkingDays('complaint', 'major')).toBeNull();
    expect(defaultResolveWorkingDays('complaint')).toBe(7);
    // The level is a complaint's: another type ignores it.
    expect(defaultSlaPolicy('repair', 'normal', 'major')).toEqual(defaultSlaPolicy('repair', 'normal'));
  });
});

describe('deadlinesAtCreation', () => {
  const created = sh('2026-11-23 09:00');

  it('a repair gets all three clocks', () => {
    expect(deadlinesAtCreation(defaultSlaPolicy('repair', 'normal'), created)).toEqual({
      respondBy: sh('2026-11-23 11:00'),
      onsiteBy: sh('2026-11-24 09:00'),
      resolveBy: sh('2026-11-26 09:00'),
    });
  });

  it('an urgent repair: 15 minutes to respond, 30 to be there', () => {
    const d = deadlinesAtCreation(defaultSlaPolicy('repair', 'urgent'), created);
    expect(d.respondBy).toEqual(sh('2026-11-23 09:15'));
    expect(d.onsiteBy).toEqual(sh('2026-11-23 09:30'));
  });

  it('a complaint has no on-site clock', () => {
    expect(deadlinesAtCreation(defaultSlaPolicy('complaint', 'normal'), created)).toEqual({
      respondBy: sh('2026-11-24 09:00'),
      onsiteBy: null,
      resolveBy: sh('2026-11-30 09:00'),
    });
  });

  it('a booking is due on site at the booked slot, and resolved counting from it', () => {
    const slotStart = sh('2026-11-28 14:00');
    expect(deadlinesAtCreation(defaultSlaPolicy('home_service', 'normal'), created, { slotStart })).toEqual({
      respondBy: sh('2026-11-23 11:00'),
      onsiteBy: slotStart,
      resolveBy: sh('2026-12-01 14:00'),
    });
  });

  it('a booking without a slot has no on-site clock unless urgent', () => {
    expect(deadlinesAtCreation(defaultSlaPolicy('home_service', 'normal'), created, { slotStart: null }).onsiteBy).toBeNull();
    expect(deadlinesAtCreation(defaultSlaPolicy('home_service', 'urgent'), created).onsiteBy).toEqual(sh('2026-11-23 09:30'));
  });

  it('a slot in the past does not shorten the resolve clock', () => {
    const d = deadlinesAtCreation(defaultSlaPolicy('home_service', 'normal'), created, { slotStart: sh('2026-11-23 08:00') });
    expect(d.resolveBy).toEqual(sh('2026-11-26 09:00'));
  });

  it('does not share the slot Date object with the caller', () => {
    const slotStart = sh('2026-11-28 14:00');
    const d = deadlinesAtCreation(defaultSlaPolicy('home_service', 'normal'), created, { slotStart });
    expect(d.onsiteBy).not.toBe(slotStart);
  });
});

describe('deadlinesAtResolution', () => {
  it('confirm in 72 h, return visit in 24 h', () => {
    expect(deadlinesAtResolution(defaultSlaPolicy('repair', 'normal'), sh('2026-11-24 16:30'))).toEqual({
      confirmBy: sh('2026-11-27 16:30'),
      revisitBy: sh('2026-11-25 16:30'),
    });
  });
});

describe('runningClocks', () => {
  const t0 = sh('2026-11-23 09:00');
  it.each<[string, SlaMilestones, SlaClock[]]>([
    ['new request', {}, ['respond', 'onsite', 'resolve']],
    ['accepted', { respondedAt: t0 }, ['onsite', 'resolve']],
    ['technician on site', { respondedAt: t0, onsiteAt: t0 }, ['resolve']],
    ['resolved', { respondedAt: t0, onsiteAt: t0, resolvedAt: t0 }, ['confirm', 'revisit']],
    ['resolved by the owner without a visit', { respondedAt: t0, resolvedAt: t0 }, ['confirm', 'revisit']],
    ['closed', { respondedAt: t0, onsiteAt: t0, resolvedAt: t0, closedAt: t0 }, ['revisit']],
    ['revisited', { respondedAt: t0, onsiteAt: t0, resolvedAt: t0, closedAt: t0, revisitedAt: t0 }, []],
    ['cancelled before acceptance', { cancelledAt: t0 }, []],
  ])('%s', (_, milestones, expected) => {
    expect(runningClocks(milestones)).toEqual(expected);
  });
});

describe('resumeDeadlines', () => {
  const created = sh('2026-11-23 09:00');
  const base: SlaDeadlines = {
    respondBy: sh('2026-11-23 11:00'),
    onsiteBy: sh('2026-11-24 09:00'),
    resolveBy: sh('2026-11-26 09:00'),
    confirmBy: null,
    revisitBy: null,
  };

  it('extends the running clocks by the length of the pause', () => {
    const heldAt = sh('2026-11-23 10:00');
    const resumedAt = sh('2026-11-23 15:30');
    const next = resumeDeadlines(base, ['onsite', 'resolve'], heldAt, resumedAt);
    expect(next).toEqual({
      ...base,
      onsiteBy: sh('2026-11-24 14:30'),
      resolveBy: sh('2026-11-26 14:30'),
    });
  });

  it('leaves a met clock alone even if its deadline is still ahead', () => {
    // Accepted at 09:30, deadline 11:00, held at 10:00: the respond clock is done.
    const next = resumeDeadlines(base, ['onsite', 'resolve'], sh('2026-11-23 10:00'), sh('2026-11-23 12:00'));
    expect(next.respondBy).toEqual(base.respondBy);
  });

  it('does not extend a clock already breached when the hold began (that would hide the breach)', () => {
    // The on-site visit was due at 09:00 the next day; the hold only began at 10:00.
    const heldAt = sh('2026-11-24 10:00');
    const next = resumeDeadlines(base, ['onsite', 'resolve'], heldAt, sh('2026-11-24 18:00'));
    expect(next.onsiteBy).toEqual(base.onsiteBy);
    expect(next.resolveBy).toEqual(sh('2026-11-26 17:00'));
    expect(overdueClocks(next, { respondedAt: plus(created, 30 * MIN) }, sh('2026-11-24 18:00'))).toEqual(['onsite']);
  });

  it('a deadline exactly at the start of the hold had no time left to pause', () => {
    const next = resumeDeadlines(base, ['onsite'], base.onsiteBy!, plus(base.onsiteBy!, HOUR));
    expect(next.onsiteBy).toEqual(base.onsiteBy);
  });

  it('keeps null deadlines null and does not modify its input', () => {
    const before = JSON.stringify(base);
    const next = resumeDeadlines(base, ['confirm', 'revisit', 'resolve'], sh('2026-11-23 10:00'), sh('2026-11-23 11:00'));
    expect(next.confirmBy).toBeNull();
    expect(next.revisitBy).toBeNull();
    expect(JSON.stringify(base)).toBe(before);
    expect(next).not.toBe(base);
  });

  it('a negative pause (clocks of two servers disagreeing) changes nothing', () => {
    expect(resumeDeadlines(base, ['resolve'], sh('2026-11-23 10:00'), sh('2026-11-23 09:59'))).toEqual(base);
  });

  it('several hold/resume cycles add up', () => {
    let d = base;
    d = resumeDeadlines(d, ['onsite', 'resolve'], sh('2026-11-23 10:00'), sh('2026-11-23 11:00')); // 1 h
    d = resumeDeadlines(d, ['onsite', 'resolve'], sh('2026-11-23 13:00'), sh('2026-11-23 15:00')); // 2 h
    d = resumeDeadlines(d, ['resolve'], sh('2026-11-24 08:00'), sh('2026-11-24 08:30')); // 30 min, on site by then
    expect(d.onsiteBy).toEqual(sh('2026-11-24 12:00'));
    expect(d.resolveBy).toEqual(sh('2026-11-26 12:30'));
  });

  it('a clock that breached between two holds is extended by the first and not by the second', () => {
    let d = base;
    d = resumeDeadlines(d, ['onsite', 'resolve'], sh('2026-11-23 10:00'), sh('2026-11-23 12:00'));
    expect(d.onsiteBy).toEqual(sh('2026-11-24 11:00'));
    // Nobody went on site by 11:00 next day; a hold at 12:00 does not rescue the visit.
    d = resumeDeadlines(d, ['onsite', 'resolve'], sh('2026-11-24 12:00'), sh('2026-11-24 20:00'));
    expect(d.onsiteBy).toEqual(sh('2026-11-24 11:00'));
    expect(d.resolveBy).toEqual(sh('2026-11-26 19:00'));
  });

  it('works on a partial set of deadlines', () => {
    const next = resumeDeadlines({ resolveBy: base.resolveBy }, ['resolve'], sh('2026-11-23 10:00'), sh('2026-11-23 11:00'));
    expect(next).toEqual({ resolveBy: sh('2026-11-26 10:00') });
  });
});

describe('overdueClocks', () => {
  const d: SlaDeadlines = {
    respondBy: sh('2026-11-23 11:00'),
    onsiteBy: sh('2026-11-24 09:00'),
    resolveBy: sh('2026-11-26 09:00'),
    confirmBy: sh('2026-11-28 09:00'),
    revisitBy: sh('2026-11-26 09:00'),
  };

  it('nothing is overdue before any deadline', () => {
    expect(overdueClocks(d, {}, sh('2026-11-23 10:59'))).toEqual([]);
  });

  it('a deadline reached exactly now is not yet overdue; a millisecond later it is', () => {
    expect(overdueClocks(d, {}, d.respondBy!)).toEqual([]);
    expect(overdueClocks(d, {}, plus(d.respondBy!, 1))).toEqual(['respond']);
  });

  it('a milestone met exactly at the deadline is on time', () => {
    expect(overdueClocks(d, { respondedAt: d.respondBy }, sh('2026-11-23 12:00'))).toEqual([]);
  });

  it('a milestone met late stays overdue forever', () => {
    expect(overdueClocks(d, { respondedAt: sh('2026-11-23 11:01') }, sh('2026-11-23 12:00'))).toEqual(['respond']);
    const done: SlaMilestones = {
      respondedAt: sh('2026-11-23 11:01'),
      onsiteAt: sh('2026-11-23 15:00'),
      resolvedAt: sh('2026-11-23 17:00'),
      closedAt: sh('2026-11-23 18:00'),
      revisitedAt: sh('2026-11-23 19:00'),
    };
    expect(overdueClocks(d, done, sh('2027-01-01 00:00'))).toEqual(['respond']);
  });

  it('counts every clock that ran late', () => {
    expect(overdueClocks(d, { respondedAt: sh('2026-11-23 10:00') }, sh('2026-11-26 10:00'))).toEqual(['onsite', 'resolve']);
  });

  it('resolving without a visit stops the on-site clock', () => {
    const m = { respondedAt: sh('2026-11-23 10:00'), resolvedAt: sh('2026-11-23 16:00') };
    expect(overdueClocks(d, m, sh('2026-11-25 10:00'))).toEqual([]);
    // …but not retroactively: resolved after the visit was due, the visit was still missed.
    const late = { respondedAt: sh('2026-11-23 10:00'), resolvedAt: sh('2026-11-24 16:00') };
    expect(overdueClocks(d, late, sh('2026-11-24 17:00'))).toEqual(['onsite']);
  });

  it('confirm and revisit only count once resolved', () => {
    // Stale deadlines left by a reopen are ignored while the ticket is unresolved.
    expect(overdueClocks({ confirmBy: d.confirmBy, revisitBy: d.revisitBy }, {}, sh('2026-12-31 00:00'))).toEqual([]);
    const resolved = { resolvedAt: sh('2026-11-25 09:00') };
    expect(overdueClocks({ confirmBy: d.confirmBy, revisitBy: d.revisitBy }, resolved, sh('2026-11-29 00:00'))).toEqual(['confirm', 'revisit']);
  });

  it('a cancelled request stops all its clocks', () => {
    expect(overdueClocks(d, { cancelledAt: sh('2026-11-23 10:30') }, sh('2026-12-31 00:00'))).toEqual([]);
    expect(overdueClocks(d, { cancelledAt: sh('2026-11-23 11:30') }, sh('2026-12-31 00:00'))).toEqual(['respond']);
  });

  it('ignores clocks without a deadline (a complaint has no on-site clock)', () => {
    expect(overdueClocks({ ...d, onsiteBy: null }, { respondedAt: sh('2026-11-23 10:00') }, sh('2026-11-25 00:00'))).toEqual([]);
  });

  it('while on hold, a paused clock cannot breach; one breached before the hold stays breached', () => {
    const m = { respondedAt: sh('2026-11-23 10:00') };
    const heldAt = sh('2026-11-24 08:00');
    expect(overdueClocks(d, m, sh('2026-11-30 00:00'), { heldAt })).toEqual([]);
    expect(overdueClocks(d, m, sh('2026-11-30 00:00'), { heldAt: sh('2026-11-24 10:00') })).toEqual(['onsite']);
    expect(overdueClocks(d, m, sh('2026-11-30 00:00'), { heldAt: null })).toEqual(['onsite', 'resolve']);
  });
});

describe('a repair on hold, told end to end', () => {
  it('waiting for parts does not count against the technician, but a missed visit does', () => {
    const policy = defaultSlaPolicy('repair', 'normal');
    const created = sh('2026-11-23 09:00');
    const creation = deadlinesAtCreation(policy, created);
    let deadlines: SlaDeadlines = { ...creation, confirmBy: null, revisitBy: null };
    const m: SlaMilestones = { respondedAt: sh('2026-11-23 09:40'), onsiteAt: sh('2026-11-23 14:00') };

    // On site in time, then held for two days waiting for a part.
    const heldAt = sh('2026-11-23 15:00');
    const resumedAt = sh('2026-11-25 15:00');
    expect(overdueClocks(deadlines, m, sh('2026-11-25 14:00'), { heldAt })).toEqual([]);
    deadlines = resumeDeadlines(deadlines, runningClocks(m), heldAt, resumedAt);
    expect(deadlines.resolveBy).toEqual(sh('2026-11-28 09:00'));
    expect(deadlines.onsiteBy).toEqual(creation.onsiteBy); // met before the hold

    m.resolvedAt = sh('2026-11-27 10:00');
    deadlines = { ...deadlines, ...deadlinesAtResolution(policy, m.resolvedAt) };
    expect(overdueClocks(deadlines, m, sh('2026-11-27 12:00'))).toEqual([]);
    expect(overdueClocks(deadlines, m, sh('2026-11-28 10:01'))).toEqual(['revisit']);
  });
});

describe('deadlines on the wire', () => {
  it('round-trips through ISO strings', () => {
    const d: SlaDeadlines = {
      respondBy: sh('2026-11-23 11:00'),
      onsiteBy: null,
      resolveBy: sh('2026-11-26 09:00'),
      confirmBy: null,
      revisitBy: null,
    };
    const wire = deadlinesToApi(d);
    expect(wire).toEqual({
      respondBy: '2026-11-23T03:00:00.000Z',
      onsiteBy: null,
      resolveBy: '2026-11-26T01:00:00.000Z',
      confirmBy: null,
      revisitBy: null,
    });
    expect(deadlinesFromApi(wire)).toEqual(d);
  });
});

describe('addWorkingDays', () => {
  const weekdays = workingDayCalendar();
  // National Day 2025: 1–8 October off; Sunday 28 September and Saturday 11 October worked instead.
  const china2025 = workingDayCalendar({
    holidays: ['2025-10-01', '2025-10-02', '2025-10-03', '2025-10-04', '2025-10-05', '2025-10-06', '2025-10-07', '2025-10-08'],
    makeUpWorkdays: ['2025-09-28', '2025-10-11'],
  });

  it('skips the weekend and keeps the time of day', () => {
    expect(addWorkingDays(sh('2025-10-16 15:30'), 1, weekdays)).toEqual(sh('2025-10-17 15:30')); // Thu → Fri
    expect(addWorkingDays(sh('2025-10-16 15:30'), 2, weekdays)).toEqual(sh('2025-10-20 15:30')); // → Mon
    expect(addWorkingDays(sh('2025-10-17 15:30'), 5, weekdays)).toEqual(sh('2025-10-24 15:30')); // Fri → Fri
  });

  it('counts from a weekend start to the next working days', () => {
    expect(addWorkingDays(sh('2025-10-18 10:00'), 1, weekdays)).toEqual(sh('2025-10-20 10:00')); // Sat → Mon
  });

  it.each([
    [1, '2025-09-28 10:00'], // the make-up Sunday
    [2, '2025-09-29 10:00'],
    [3, '2025-09-30 10:00'],
    [4, '2025-10-09 10:00'], // the whole holiday skipped
    [5, '2025-10-10 10:00'],
    [6, '2025-10-11 10:00'], // the make-up Saturday
    [7, '2025-10-13 10:00'], // 7 working days: when a complaint's feedback is due
  ])('across National Day and its make-up days: Fri 26 Sep + %i → %s', (n, expected) => {
    expect(addWorkingDays(sh('2025-09-26 10:00'), n, china2025)).toEqual(sh(expected));
  });

  it('uses the Shanghai date, not the UTC date, near midnight', () => {
    // 23:30 Thursday in Shanghai is 15:30 UTC Thursday; 00:30 Saturday is still Friday in UTC.
    expect(addWorkingDays(sh('2025-10-16 23:30'), 1, weekdays)).toEqual(sh('2025-10-17 23:30'));
    expect(addWorkingDays(sh('2025-10-18 00:30'), 1, weekdays)).toEqual(sh('2025-10-20 00:30'));
  });

  it('passes the predicate local dates as YYYY-MM-DD', () => {
    const seen: string[] = [];
    addWorkingDays(sh('2025-12-31 08:00'), 2, (day) => (seen.push(day), true));
    expect(seen).toEqual(['2026-01-01', '2026-01-02']);
  });

  it('n = 0 is the start itself; bad n and an empty calendar are errors, not endless loops', () => {
    const start = sh('2025-10-18 10:00');
    expect(addWorkingDays(start, 0, weekdays)).toEqual(start);
    expect(() => addWorkingDays(start, -1, weekdays)).toThrow(RangeError);
    expect(() => addWorkingDays(start, 1.5, weekdays)).toThrow(RangeError);
    expect(() => addWorkingDays(start, 1, () => false)).toThrow(RangeError);
  });

  it('keeps the wall-clock time across a daylight-saving change in other zones', () => {
    // Friday 7 March 2025 10:00 in New York (EST, UTC−5); clocks go forward on Sunday 9 March.
    const start = new Date('2025-03-07T15:00:00Z');
    expect(addWorkingDays(start, 1, weekdays, 'America/New_York')).toEqual(new Date('2025-03-10T14:00:00Z'));
  });
});

describe('workingDayCalendar', () => {
  it('weekdays work, weekends rest, holidays rest, make-up days work', () => {
    const cal = workingDayCalendar({ holidays: ['2026-01-01'], makeUpWorkdays: ['2026-01-04'] });
    expect(cal('2026-01-02')).toBe(true); // Friday
    expect(cal('2026-01-03')).toBe(false); // Saturday
    expect(cal('2026-01-04')).toBe(true); // Sunday, made up
    expect(cal('2026-01-01')).toBe(false); // Thursday, New Year
  });
});

describe('describeRemaining', () => {
  const now = sh('2026-11-23 09:00');
  it.each([
    [80 * MIN, '剩余 1 小时 20 分'],
    [60 * MIN, '剩余 1 小时'],
    [59 * MIN + 59_999, '剩余 59 分钟'],
    [2 * MIN, '剩余 2 分钟'],
    [59_999, '剩余不到 1 分钟'],
    [0, '剩余不到 1 分钟'],
    [51 * HOUR + 5 * MIN, '剩余 2 天 3 小时'],
    [72 * HOUR + 30 * MIN, '剩余 3 天'],
    [-1, '已超时不到 1 分钟'],
    [-35 * MIN, '已超时 35 分钟'],
    [-(35 * MIN + 59_000), '已超时 35 分钟'],
    [-(2 * HOUR + 5 * MIN), '已超时 2 小时 5 分'],
    [-(26 * HOUR), '已超时 1 天 2 小时'],
  ])('%i ms → %s', (diff, text) => {
    expect(describeRemaining(plus(now, diff), now)).toBe(text);
  });
});
