/**
 * What the time-limit scanner watches on a ticket, and the one clock a screen shows
 * (DESIGN.md §2). The server stores `nextDueAt` for its scanner and sends `clockOf` in
 * every list item and detail, so no front end keeps its own table of clocks per status.
 */
import type { SlaClock } from './enums';
import { DEADLINE_FIELD, runningClocks, type SlaDeadlines, type SlaMilestones } from './sla';

/** One bit per clock in a ticket's `sla_warned` / `sla_breached` columns. */
export const CLOCK_BIT: Readonly<Record<SlaClock, number>> = { respond: 1, onsite: 2, resolve: 4, confirm: 8, revisit: 16 };

export interface WatchSettings {
  /** How long before a deadline the owner is warned (SLA_WARN_LEAD_SEC). */
  warnLeadSec: number;
  /** How long a breach may stay unhandled before the admins are told (SLA_ESCALATE_AFTER_SEC). */
  escalateAfterSec: number;
}

/** The ticket fields the watch reads: deadlines, milestones, the hold and the scanner's bookkeeping. */
export interface WatchedTicket extends SlaDeadlines, Required<SlaMilestones> {
  heldAt: Date | null;
  /** CLOCK_BIT flags: warned already / breach recorded already. */
  slaWarned: number;
  slaBreached: number;
  escalationLevel: number;
  escalatedAt: Date | null;
}

export function milestonesOf(t: SlaMilestones): Required<SlaMilestones> {
  return {
    respondedAt: t.respondedAt ?? null,
    onsiteAt: t.onsiteAt ?? null,
    resolvedAt: t.resolvedAt ?? null,
    closedAt: t.closedAt ?? null,
    revisitedAt: t.revisitedAt ?? null,
    cancelledAt: t.cancelledAt ?? null,
  };
}

/** The started, unstopped clocks that have a deadline, in clock order (held or not). */
function clocksWithDeadlines(t: SlaDeadlines & SlaMilestones): { clock: SlaClock; deadline: Date }[] {
  return runningClocks(milestonesOf(t))
    .map((clock) => ({ clock, deadline: t[DEADLINE_FIELD[clock]] }))
    .filter((c): c is { clock: SlaClock; deadline: Date } => c.deadline !== null);
}

/**
 * The deadline of the clock a person races now — `clockOf`'s clock, held or not — stored
 * as `clock_due_at` so the staff queues can walk an index in "most pressing first" order:
 * a breached clock's deadline is past, so breached requests come first, then by time left.
 * Null when no clock runs.
 */
export function queueDueAt(t: SlaDeadlines & SlaMilestones): Date | null {
  return clocksWithDeadlines(t)[0]?.deadline ?? null;
}

/** The running clocks with their deadlines (nothing runs while the ticket is on hold). */
export function watchedClocks(t: Pick<WatchedTicket, keyof SlaDeadlines | keyof SlaMilestones | 'heldAt'>): { clock: SlaClock; deadline: Date }[] {
  if (t.heldAt) return [];
  return clocksWithDeadlines(t);
}

/**
 * The next instant the scanner has work on this ticket: a warning before a deadline, a
 * breach at a deadline, auto-confirmation, or the second escalation level. Stored in
 * `next_due_at` (indexed), so a scan reads only the tickets that are due.
 */
export function nextDueAt(t: WatchedTicket, settings: WatchSettings): Date | null {
  const lead = settings.warnLeadSec * 1000;
  const candidates: number[] = [];
  let breachedRunning = false;
  for (const { clock, deadline } of watchedClocks(t)) {
    const bit = CLOCK_BIT[clock];
    if (t.slaBreached & bit) {
      breachedRunning = true;
      continue;
    }
    if (lead > 0 && clock !== 'confirm' && !(t.slaWarned & bit)) candidates.push(deadline.getTime() - lead);
    candidates.push(deadline.getTime());
  }
  if (breachedRunning && t.escalationLevel === 1 && t.escalatedAt) candidates.push(t.escalatedAt.getTime() + settings.escalateAfterSec * 1000);
  return candidates.length ? new Date(Math.min(...candidates)) : null;
}

export const CLOCK_STATES = ['ok', 'warning', 'breached', 'paused'] as const;
/** ok: inside its limit; warning: within the warn lead of its deadline; breached: past it; paused: the ticket is on hold. */
export type ClockState = (typeof CLOCK_STATES)[number];

export interface CurrentClock {
  name: SlaClock;
  dueAt: Date;
  /** When it turns to "warning" (dueAt less the warn lead), so a screen can move the state on as time passes. */
  warnAt: Date;
  state: ClockState;
}

/**
 * The clock a person races in the ticket's current step — the first running clock with a
 * deadline, in clock order (respond, then on-site, then resolve; confirm, then revisit) —
 * and how it stands at `now`. A clock whose breach the scanner recorded stays breached;
 * on hold the clock is paused (a breach from before the hold still shows as breached).
 * Null when no clock runs (cancelled, revisited, or no deadline applies).
 */
export function clockOf(t: SlaDeadlines & SlaMilestones & Pick<WatchedTicket, 'heldAt' | 'slaBreached'>, now: Date, warnLeadSec: number): CurrentClock | null {
  const current = clocksWithDeadlines(t)[0];
  if (!current) return null;
  const { clock: name, deadline: dueAt } = current;
  const warnAt = new Date(dueAt.getTime() - warnLeadSec * 1000);
  const judgedAt = t.heldAt && t.heldAt.getTime() < now.getTime() ? t.heldAt : now;
  const left = dueAt.getTime() - judgedAt.getTime();
  const breached = (t.slaBreached & CLOCK_BIT[name]) !== 0 || left < 0;
  if (breached) return { name, dueAt, warnAt, state: 'breached' };
  if (t.heldAt) return { name, dueAt, warnAt, state: 'paused' };
  return { name, dueAt, warnAt, state: left <= warnLeadSec * 1000 ? 'warning' : 'ok' };
}
