import { DataSource } from 'typeorm';
import { OPEN_STATUSES, type TicketEventType, nextDueAt, queueDueAt } from '@yizhan/shared';
import type { WatchSettings } from '@yizhan/shared';
import { Ticket, TicketEvent, TicketRating } from '../tickets/ticket.entity';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * How long after the step before it each step of the demo's requests takes, as [least,
 * most] minutes: an agent answers within minutes, a technician is there within hours, a
 * resident confirms the next day. A step not listed follows a minute or two later.
 */
const STEP_MINUTES: Partial<Record<TicketEventType, [number, number]>> = {
  routed: [0, 0],
  pooled: [0, 0],
  claimed: [3, 20],
  accepted: [4, 28],
  dispatched: [5, 25],
  started: [45, 200],
  held: [15, 40],
  resolved: [35, 150],
  confirmed: [180, 1200],
  rated: [0, 2],
  verified: [120, 480],
  revisited: [600, 1800],
  cancelled: [20, 90],
  transferred: [30, 120],
};

/** A fixed spread in [0, 1) for the n-th request's k-th draw (the demo looks the same on every load). */
const spread = (n: number, k: number) => ((Math.imul(n + 1, 2654435761) ^ Math.imul(k + 7, 40503)) >>> 0) / 2 ** 32;

/**
 * The demo's requests are filed through the real services within a few seconds, so every
 * duration on the dashboard read "0 秒". This moves each request's timeline back in time
 * as if it had happened over the past two weeks (finished ones) or the past hours (open
 * ones): each step after the one before by a plausible gap (STEP_MINUTES), the milestones
 * with the steps that set them, the deadlines with the times they were counted from, and
 * the queue and scanner keys recomputed — so the medians, the trend and the queue's time
 * left look like a working desk. Open requests may come out past a limit: the SLA scanner
 * then records the breach as it would have.
 */
export async function spreadDemoTimelines(dataSource: DataSource, sla: WatchSettings, now = new Date()): Promise<void> {
  await dataSource.transaction(async (manager) => {
    const tickets = await manager.getRepository(Ticket).find({ order: { id: 'ASC' } });
    for (const [n, ticket] of tickets.entries()) {
      const events = await manager.getRepository(TicketEvent).find({ where: { ticketId: ticket.id }, order: { id: 'ASC' } });
      if (!events.length) continue;
      const open = (OPEN_STATUSES as readonly string[]).includes(ticket.status);
      // Open requests came in over the last six hours; finished ones over the last thirteen days.
      const createdAt = open ? now.getTime() - (10 * MIN + spread(n, 0) * 6 * HOUR) : now.getTime() - (DAY + spread(n, 0) * 12 * DAY);
      const offsets: number[] = [];
      let offset = 0;
      for (const [k, event] of events.entries()) {
        if (k > 0) {
          const [least, most] = STEP_MINUTES[event.type] ?? [1, 3];
          offset += (least + spread(n, k + 1) * (most - least)) * MIN;
        }
        offsets.push(offset);
      }
      // Everything stays in the past: squeeze the steps when the request is too recent for them.
      const room = now.getTime() - MIN - createdAt;
      const squeeze = offset > room ? room / offset : 1;
      const moved = new Map<number, number>(); // original instant → new instant
      for (const [k, event] of events.entries()) {
        const at = createdAt + Math.round(offsets[k]! * squeeze);
        moved.set(event.at.getTime(), at);
        event.at = new Date(at);
      }
      await manager.save(events, { reload: false });

      const originalCreated = ticket.createdAt.getTime();
      // A milestone was written with the step that set it (one `now` per action): it moves with it.
      const move = (d: Date | null): Date | null => {
        if (!d) return null;
        const to = moved.get(d.getTime());
        return to === undefined ? d : new Date(to);
      };
      const shiftBy = (d: Date | null, from: Date | null, to: Date | null) => (d && from && to ? new Date(d.getTime() + (to.getTime() - from.getTime())) : d);
      const originalResolved = ticket.resolvedAt;
      ticket.respondedAt = move(ticket.respondedAt);
      ticket.onsiteAt = move(ticket.onsiteAt);
      ticket.resolvedAt = move(ticket.resolvedAt);
      ticket.closedAt = move(ticket.closedAt);
      ticket.revisitedAt = move(ticket.revisitedAt);
      ticket.cancelledAt = move(ticket.cancelledAt);
      ticket.heldAt = move(ticket.heldAt);
      ticket.updatedAt = move(ticket.updatedAt) ?? new Date(createdAt + offsets[offsets.length - 1]! * squeeze);
      const created = new Date(createdAt);
      // Counted from the submission: respond, on site (unless a booked slot), resolve.
      ticket.respondBy = shiftBy(ticket.respondBy, new Date(originalCreated), created);
      if (!ticket.slotStart) ticket.onsiteBy = shiftBy(ticket.onsiteBy, new Date(originalCreated), created);
      ticket.resolveBy = shiftBy(ticket.resolveBy, new Date(originalCreated), created);
      // Counted from the resolution: confirm and revisit.
      ticket.confirmBy = shiftBy(ticket.confirmBy, originalResolved, ticket.resolvedAt);
      ticket.revisitBy = shiftBy(ticket.revisitBy, originalResolved, ticket.resolvedAt);
      // A visit that happened was booked for about when the technician came (on the quarter hour
      // before); one still to come keeps its future time.
      if (ticket.onsiteAt) ticket.appointmentAt = new Date(Math.floor(ticket.onsiteAt.getTime() / (15 * MIN)) * 15 * MIN);
      else if (!open) ticket.appointmentAt = move(ticket.appointmentAt);
      ticket.createdAt = created;
      ticket.nextDueAt = nextDueAt(ticket, sla);
      ticket.clockDueAt = queueDueAt(ticket);
      await manager.save(ticket, { reload: false });

      const rating = await manager.getRepository(TicketRating).findOne({ where: { ticketId: ticket.id } });
      if (rating) {
        rating.createdAt = move(rating.createdAt) ?? rating.createdAt;
        await manager.save(rating, { reload: false });
      }
    }
  });
}
