/**
 * Time limits (DESIGN.md §2): default durations, deadlines, pauses, breaches.
 *
 * Pure functions over `Date` instants (in and out). Durations are in seconds, as in
 * the SLA policy rows (api.ts `SlaPolicy`). The five clocks:
 *
 * | clock   | starts        | stops at (first of)                        |
 * |---------|---------------|--------------------------------------------|
 * | respond | creation      | respondedAt (accept), resolvedAt, cancelledAt |
 * | onsite  | creation      | onsiteAt (start), resolvedAt, cancelledAt     |
 * | resolve | creation      | resolvedAt, cancelledAt                      |
 * | confirm | resolvedAt    | closedAt, cancelledAt                        |
 * | revisit | resolvedAt    | revisitedAt                                  |
 *
 * A clock that stops at or before its deadline was met; after it, it was breached.
 * "Hold" pauses the clocks that are still running; see `resumeDeadlines`.
 */
import type { Deadlines, SlaPolicy } from './api';
import { SLA_CLOCKS, type ComplaintLevel, type Priority, type SlaClock, type TicketType } from './enums';
import { DAY_MS, SHANGHAI_TIME_ZONE, fromLocalDateTime, isoDateOf, localDateTime } from './zoned-time';

export type SlaDurations = Pick<SlaPolicy, 'respondWithinSec' | 'onsiteWithinSec' | 'resolveWithinSec' | 'confirmWithinSec' | 'revisitWithinSec'>;

/** The deadlines of a ticket as instants; null where the clock does not apply (yet). */
export interface SlaDeadlines {
  respondBy: Date | null;
  onsiteBy: Date | null;
  resolveBy: Date | null;
  confirmBy: Date | null;
  revisitBy: Date | null;
}

/** When each clock's milestone happened; null/absent when it has not (yet). */
export interface SlaMilestones {
  respondedAt?: Date | null;
  onsiteAt?: Date | null;
  resolvedAt?: Date | null;
  closedAt?: Date | null;
  revisitedAt?: Date | null;
  cancelledAt?: Date | null;
}

export const DEADLINE_FIELD: Readonly<Record<SlaClock, keyof SlaDeadlines>> = {
  respond: 'respondBy',
  onsite: 'onsiteBy',
  resolve: 'resolveBy',
  confirm: 'confirmBy',
  revisit: 'revisitBy',
};

const MINUTE = 60;
const HOUR = 60 * MINUTE;

const CONFIRM_WITHIN = 72 * HOUR;
const REVISIT_WITHIN = 24 * HOUR;

/**
 * Defaults from DESIGN.md §2 (from the seeds), used until a supervisor configures a
 * community's policy. Readings where the design is silent:
 * - home_service first response: 2 h, like a repair (a booking should be confirmed promptly).
 * - home_service on-site: no default clock — the booked slot start is the on-site deadline
 *   (`deadlinesAtCreation`'s `slotStart`); an urgent booking without a slot gets 30 min,
 *   like an urgent repair.
 * - urgent only shortens response and on-site; resolution keeps the type's limit (an
 *   urgent repair still may need parts: 72 h). Complaints have no on-site clock at all.
 * - "feedback result within 7 working days" is calendar-dependent, so it is not a
 *   duration here: compute it with `addWorkingDays` and a holiday calendar.
 */
export const DEFAULT_SLA_POLICIES: Readonly<Record<TicketType, Readonly<Record<Priority, Readonly<SlaDurations>>>>> = {
  repair: {
    normal: {
      respondWithinSec: 2 * HOUR,
      onsiteWithinSec: 24 * HOUR,
      resolveWithinSec: 72 * HOUR,
      confirmWithinSec: CONFIRM_WITHIN,
      revisitWithinSec: REVISIT_WITHIN,
    },
    urgent: {
      respondWithinSec: 15 * MINUTE,
      onsiteWithinSec: 30 * MINUTE,
      resolveWithinSec: 72 * HOUR,
      confirmWithinSec: CONFIRM_WITHIN,
      revisitWithinSec: REVISIT_WITHIN,
    },
  },
  // 一般投诉: answered within 24 h, the result within 7 working days (DEFAULT_RESOLVE_WORKING_DAYS;
  // 7 × 24 h when that is cleared). 重大 has its own limits: MAJOR_COMPLAINT_POLICIES.
  complaint: {
    normal: {
      respondWithinSec: 24 * HOUR,
      onsiteWithinSec: null,
      resolveWithinSec: 7 * 24 * HOUR,
      confirmWithinSec: CONFIRM_WITHIN,
      revisitWithinSec: REVISIT_WITHIN,
    },
    urgent: {
      respondWithinSec: 15 * MINUTE,
      onsiteWithinSec: null,
      resolveWithinSec: 7 * 24 * HOUR,
      confirmWithinSec: CONFIRM_WITHIN,
      revisitWithinSec: REVISIT_WITHIN,
    },
  },
  home_service: {
    normal: {
      respondWithinSec: 2 * HOUR,
      onsiteWithinSec: null,
      resolveWithinSec: 72 * HOUR,
      confirmWithinSec: CONFIRM_WITHIN,
      revisitWithinSec: REVISIT_WITHIN,
    },
    urgent: {
      respondWithinSec: 15 * MINUTE,
      onsiteWithinSec: 30 * MINUTE,
      resolveWithinSec: 72 * HOUR,
      confirmWithinSec: CONFIRM_WITHIN,
      revisitWithinSec: REVISIT_WITHIN,
    },
  },
  // 咨询/建议: answered within a working day, the result fed back within 7 working days
  // (DEFAULT_RESOLVE_WORKING_DAYS; the 7 × 24 h here is the limit when that is cleared).
  enquiry: {
    normal: {
      respondWithinSec: 24 * HOUR,
      onsiteWithinSec: null,
      resolveWithinSec: 7 * 24 * HOUR,
      confirmWithinSec: CONFIRM_WITHIN,
      revisitWithinSec: REVISIT_WITHIN,
    },
    urgent: {
      respondWithinSec: 2 * HOUR,
      onsiteWithinSec: null,
      resolveWithinSec: 7 * 24 * HOUR,
      confirmWithinSec: CONFIRM_WITHIN,
      revisitWithinSec: REVISIT_WITHIN,
    },
  },
};

/**
 * Built-in resolve limits counted in China's working days rather than hours, per type:
 * the property handbook's "咨询、建议 … 7 个工作日内反馈处理结果". A community's own
 * policy (the SLA page) replaces it.
 */
export const DEFAULT_RESOLVE_WORKING_DAYS: Readonly<Partial<Record<TicketType, number>>> = { enquiry: 7, complaint: 7 };

/**
 * 重大投诉 (a major complaint): a first answer within 2 h (15 min when urgent) and the
 * matter handled within 48 hours — the handbook's "重大问题应在48小时内处理完毕" — counted
 * in hours, not working days.
 */
export const MAJOR_COMPLAINT_POLICIES: Readonly<Record<Priority, Readonly<SlaDurations>>> = {
  normal: {
    respondWithinSec: 2 * HOUR,
    onsiteWithinSec: null,
    resolveWithinSec: 48 * HOUR,
    confirmWithinSec: CONFIRM_WITHIN,
    revisitWithinSec: REVISIT_WITHIN,
  },
  urgent: {
    respondWithinSec: 15 * MINUTE,
    onsiteWithinSec: null,
    resolveWithinSec: 48 * HOUR,
    confirmWithinSec: CONFIRM_WITHIN,
    revisitWithinSec: REVISIT_WITHIN,
  },
};

/** A fresh copy of the default durations (safe to modify). `level` matters for complaints only. */
export function defaultSlaPolicy(type: TicketType, priority: Priority, level: ComplaintLevel = 'general'): SlaDurations {
  if (type === 'complaint' && level === 'major') return { ...MAJOR_COMPLAINT_POLICIES[priority] };
  return { ...DEFAULT_SLA_POLICIES[type][priority] };
}

/** The built-in working-day resolve limit, if any (a major complaint counts hours). */
export function defaultResolveWorkingDays(type: TicketType, level: ComplaintLevel = 'general'): number | null {
  if (type === 'complaint' && level === 'major') return null;
  return DEFAULT_RESOLVE_WORKING_DAYS[type] ?? null;
}

function addSeconds(at: Date, seconds: number): Date {
  return new Date(at.getTime() + seconds * 1000);
}

/**
 * The clocks that run from creation. With a booked `slotStart` (home service):
 * - the on-site deadline is the slot start — that is the visit the resident booked;
 * - the resolve clock counts from the later of creation and slot start, so a booking
 *   made a week ahead is not overdue before the technician was even due.
 */
export function deadlinesAtCreation(
  policy: SlaDurations,
  createdAt: Date,
  opts: { slotStart?: Date | null } = {},
): { respondBy: Date; onsiteBy: Date | null; resolveBy: Date } {
  const slotStart = opts.slotStart ?? null;
  const onsiteBy = slotStart !== null ? new Date(slotStart.getTime()) : policy.onsiteWithinSec === null ? null : addSeconds(createdAt, policy.onsiteWithinSec);
  const resolveFrom = slotStart !== null && slotStart.getTime() > createdAt.getTime() ? slotStart : createdAt;
  return {
    respondBy: addSeconds(createdAt, policy.respondWithinSec),
    onsiteBy,
    resolveBy: addSeconds(resolveFrom, policy.resolveWithinSec),
  };
}

/**
 * The clocks that start at resolution: auto-confirm and the owner's return visit.
 * Both count from resolution (DESIGN.md: "return visit after resolution 24 h"), so
 * an owner who wants to visit on time verifies with the resident rather than waiting
 * for the 72 h auto-confirm. A reopen should clear both (the server sets them null).
 */
export function deadlinesAtResolution(policy: SlaDurations, resolvedAt: Date): { confirmBy: Date; revisitBy: Date } {
  return {
    confirmBy: addSeconds(resolvedAt, policy.confirmWithinSec),
    revisitBy: addSeconds(resolvedAt, policy.revisitWithinSec),
  };
}

function earliest(...dates: (Date | null | undefined)[]): Date | null {
  let first: Date | null = null;
  for (const d of dates) if (d && (first === null || d.getTime() < first.getTime())) first = d;
  return first;
}

/** When the clock started (null: not yet), and when it stopped (null: still running). */
function clockWindow(clock: SlaClock, m: SlaMilestones): { started: boolean; stoppedAt: Date | null } {
  switch (clock) {
    case 'respond':
      return { started: true, stoppedAt: earliest(m.respondedAt, m.resolvedAt, m.cancelledAt) };
    case 'onsite':
      // Resolving without a visit (handled by phone, or by the owner) ends the need for one.
      return { started: true, stoppedAt: earliest(m.onsiteAt, m.resolvedAt, m.cancelledAt) };
    case 'resolve':
      return { started: true, stoppedAt: earliest(m.resolvedAt, m.cancelledAt) };
    case 'confirm':
      return { started: Boolean(m.resolvedAt), stoppedAt: earliest(m.closedAt, m.cancelledAt) };
    case 'revisit':
      return { started: Boolean(m.resolvedAt), stoppedAt: m.revisitedAt ?? null };
  }
}

/** The clocks that have started and not yet stopped, given the milestones so far. */
export function runningClocks(milestones: SlaMilestones): SlaClock[] {
  return SLA_CLOCKS.filter((clock) => {
    const { started, stoppedAt } = clockWindow(clock, milestones);
    return started && stoppedAt === null;
  });
}

/**
 * The deadlines after a hold from `heldAt` to `resumedAt`.
 *
 * Only a clock that was running at `heldAt` is extended by the pause: one in
 * `running` (its milestone not met) whose deadline was still ahead (deadline > heldAt).
 * A clock already met, or already breached when the hold began, keeps its deadline —
 * pushing a breached deadline past the breach would hide it (the resident waited;
 * the hold came too late to excuse it).
 *
 * For several hold/resume cycles, apply once per cycle to the deadlines of the
 * previous one; a clock that breached between two holds stops being extended.
 * A negative pause (clock skew between servers) counts as zero.
 */
export function resumeDeadlines<T extends Partial<SlaDeadlines>>(deadlines: T, running: readonly SlaClock[], heldAt: Date, resumedAt: Date): T {
  const pausedMs = Math.max(0, resumedAt.getTime() - heldAt.getTime());
  const next: T = { ...deadlines };
  for (const clock of running) {
    const field = DEADLINE_FIELD[clock];
    const deadline = deadlines[field];
    if (deadline && deadline.getTime() > heldAt.getTime()) {
      next[field] = new Date(deadline.getTime() + pausedMs) as T[typeof field];
    }
  }
  return next;
}

/**
 * The clocks breached as of `now`: deadline passed and the milestone not met by it
 * (met late counts too). Meeting a milestone exactly at the deadline is on time.
 *
 * While the ticket is on hold, pass `heldAt`: a paused clock cannot breach during the
 * pause, so running clocks are judged at `heldAt` (and those already breached then
 * stay breached).
 */
export function overdueClocks(deadlines: Partial<SlaDeadlines>, milestones: SlaMilestones, now: Date, opts: { heldAt?: Date | null } = {}): SlaClock[] {
  const heldAt = opts.heldAt ?? null;
  const judgedAt = heldAt !== null && heldAt.getTime() < now.getTime() ? heldAt : now;
  return SLA_CLOCKS.filter((clock) => {
    const deadline = deadlines[DEADLINE_FIELD[clock]];
    if (!deadline) return false;
    const { started, stoppedAt } = clockWindow(clock, milestones);
    if (!started) return false;
    return (stoppedAt ?? judgedAt).getTime() > deadline.getTime();
  });
}

/** The wire deadlines (ISO strings) as instants. */
export function deadlinesFromApi(d: Deadlines): SlaDeadlines {
  const at = (s: string | null): Date | null => (s === null ? null : new Date(s));
  return {
    respondBy: at(d.respondBy),
    onsiteBy: at(d.onsiteBy),
    resolveBy: at(d.resolveBy),
    confirmBy: at(d.confirmBy),
    revisitBy: at(d.revisitBy),
  };
}

/** Instants as wire deadlines (ISO-8601 UTC). */
export function deadlinesToApi(d: SlaDeadlines): Deadlines {
  const iso = (x: Date | null): string | null => (x === null ? null : x.toISOString());
  return {
    respondBy: iso(d.respondBy),
    onsiteBy: iso(d.onsiteBy),
    resolveBy: iso(d.resolveBy),
    confirmBy: iso(d.confirmBy),
    revisitBy: iso(d.revisitBy),
  };
}

// ---- Working days ----

/** Is this local date ('YYYY-MM-DD') a working day? */
export type WorkingDayPredicate = (isoDate: string) => boolean;

function weekdayOf(isoDate: string): number {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1)).getUTCDay();
}

/**
 * A predicate for China's calendar: Monday–Friday, minus public holidays, plus the
 * make-up working days (调休上班, often a Saturday or Sunday). The server wires the
 * yearly lists published by the State Council; dates are 'YYYY-MM-DD'.
 */
export function workingDayCalendar(calendar: { holidays?: Iterable<string>; makeUpWorkdays?: Iterable<string> } = {}): WorkingDayPredicate {
  const holidays = new Set(calendar.holidays ?? []);
  const makeUp = new Set(calendar.makeUpWorkdays ?? []);
  return (isoDate) => {
    if (makeUp.has(isoDate)) return true;
    if (holidays.has(isoDate)) return false;
    const weekday = weekdayOf(isoDate);
    return weekday !== 0 && weekday !== 6;
  };
}

/** Ten years of days: a calendar with no working day in that span is a configuration error. */
const MAX_DAYS_SCANNED = 3660;

/**
 * The instant `n` working days after `start`, at the same local time of day in
 * `timeZone`. Days are counted from the day after `start` (a request filed on
 * Saturday morning with n = 1 is due Monday morning, same time). `n = 0` is `start`.
 */
export function addWorkingDays(start: Date, n: number, isWorkingDay: WorkingDayPredicate, timeZone: string = SHANGHAI_TIME_ZONE): Date {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`addWorkingDays: n must be a whole number ≥ 0, got ${n}`);
  const local = localDateTime(start, timeZone);
  let dayMs = Date.UTC(local.year, local.month - 1, local.day);
  for (let counted = 0, scanned = 0; counted < n;) {
    if (++scanned > MAX_DAYS_SCANNED) {
      throw new RangeError('addWorkingDays: the calendar has no working day within ten years');
    }
    dayMs += DAY_MS;
    const day = new Date(dayMs);
    if (isWorkingDay(isoDateOf({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() }))) {
      counted++;
    }
  }
  const end = new Date(dayMs);
  return fromLocalDateTime({ ...local, year: end.getUTCFullYear(), month: end.getUTCMonth() + 1, day: end.getUTCDate() }, timeZone);
}

// ---- Display ----

/** "2 天 3 小时" / "1 小时 20 分" / "1 小时" / "35 分钟"; whole minutes, rounded down. */
function durationText(totalMinutes: number): string {
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  if (days > 0) return hours > 0 ? `${days} 天 ${hours} 小时` : `${days} 天`;
  if (hours > 0) return minutes > 0 ? `${hours} 小时 ${minutes} 分` : `${hours} 小时`;
  return `${minutes} 分钟`;
}

/**
 * Short Chinese text for a deadline: "剩余 1 小时 20 分", "已超时 35 分钟".
 * Rounded down, so the remaining time is never overstated. A deadline exactly now is
 * not yet overdue (as in `overdueClocks`).
 */
export function describeRemaining(deadline: Date, now: Date): string {
  const diffMs = deadline.getTime() - now.getTime();
  const minutes = Math.floor(Math.abs(diffMs) / 60_000);
  if (diffMs >= 0) return minutes === 0 ? '剩余不到 1 分钟' : `剩余 ${durationText(minutes)}`;
  return minutes === 0 ? '已超时不到 1 分钟' : `已超时 ${durationText(minutes)}`;
}
