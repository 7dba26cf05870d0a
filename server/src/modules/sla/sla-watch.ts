import { DEADLINE_FIELD, SlaClock, runningClocks } from '@yizhan/shared';
import type { Ticket } from '../tickets/ticket.entity';

export const CLOCK_BIT: Record<SlaClock, number> = { respond: 1, onsite: 2, resolve: 4, confirm: 8, revisit: 16 };

export interface WatchSettings {
  warnLeadSec: number;
  escalateAfterSec: number;
}

type Watched = Pick<
  Ticket,
  | 'respondBy' | 'onsiteBy' | 'resolveBy' | 'confirmBy' | 'revisitBy'
  | 'respondedAt' | 'onsiteAt' | 'resolvedAt' | 'closedAt' | 'revisitedAt' | 'cancelledAt'
  | 'heldAt' | 'slaWarned' | 'slaBreached' | 'escalationLevel' | 'escalatedAt'
>;

export function milestonesOf(t: Watched) {
  return { respondedAt: t.respondedAt, onsiteAt: t.onsiteAt, resolvedAt: t.resolvedAt, closedAt: t.closedAt, revisitedAt: t.revisitedAt, cancelledAt: t.cancelledAt };
}

/** The running clocks with their deadlines (nothing runs while the ticket is on hold). */
export function watchedClocks(t: Watched): { clock: SlaClock; deadline: Date }[] {
  if (t.heldAt) return [];
  return runningClocks(milestonesOf(t))
    .map((clock) => ({ clock, deadline: t[DEADLINE_FIELD[clock]] as Date | null }))
    .filter((c): c is { clock: SlaClock; deadline: Date } => c.deadline !== null);
}

/**
 * The next instant the scanner has work on this ticket: a warning before a deadline, a
 * breach at a deadline, auto-confirmation, or the second escalation level. Stored in
 * `next_due_at` (indexed), so a scan reads only the tickets that are due.
 */
export function nextDueAt(t: Watched, settings: WatchSettings): Date | null {
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
