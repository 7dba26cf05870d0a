import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { TicketAction, transition } from '@yizhan/shared';
import { canSeeTicket } from '../../common/access/access';
import { AuthContext, actorOf } from '../../common/auth/auth-context';
import { AppError, notFound } from '../../common/errors/app-error';
import { insertRows } from '../../database/plain-insert';
import { rowLock } from '../../database/sql';
import { ServiceItem } from '../catalogue/service-item.entity';
import { NoticesService } from '../notices/notices.service';
import { Ticket, TicketEvent } from '../tickets/ticket.entity';
import { EventSpec, actorEvent, systemEvent } from '../tickets/timeline';
import { machineStateOf } from '../tickets/ticket-state';

/** The ticket columns paid services keep (ticket.entity.ts). */
export type SettlementColumns = Pick<Ticket, 'quotePending' | 'approvedFen' | 'paidFen' | 'dueFen' | 'feeWaivedAt'>;

/** What is still due: approved minus paid, nothing once a supervisor waived it. */
export function dueOf(t: Pick<Ticket, 'approvedFen' | 'paidFen' | 'feeWaivedAt'>): number {
  return t.feeWaivedAt ? 0 : Math.max(0, t.approvedFen - t.paidFen);
}

/** A catalogue price (decimal yuan) in fen: the decimal's own digits, never a float product. */
export function yuanToFen(price: number | string): number {
  const [whole, cents = ''] = String(price).split('.');
  return Number(whole) * 100 + Number(cents.padEnd(2, '0').slice(0, 2));
}

/** The booked catalogue item of an in-home service (null for other requests). */
export async function bookedItem(manager: EntityManager, ticket: Pick<Ticket, 'type' | 'serviceItemId'>): Promise<ServiceItem | null> {
  if (ticket.type !== 'home_service' || !ticket.serviceItemId) return null;
  return manager.getRepository(ServiceItem).findOne({ where: { id: ticket.serviceItemId } });
}

/** What the resident accepted by booking: the booked item's catalogue price in fen (0: none). */
export async function bookingPriceFen(manager: EntityManager, ticket: Pick<Ticket, 'type' | 'serviceItemId'>): Promise<number> {
  const item = await bookedItem(manager, ticket);
  return item ? yuanToFen(item.price) : 0;
}

/**
 * The request side of paid services: lock the ticket, ask the shared state machine, and
 * write the settlement columns, the timeline entry and the notices in the caller's
 * transaction (STYLE habit 4) — every quote, decision, payment, refund and waiver.
 */
@Injectable()
export class SettlementWriter {
  constructor(private readonly notices: NoticesService) {}

  /** The ticket row, locked; 404 when the caller may not see it (null caller: the system, e.g. a notification). */
  async lock(manager: EntityManager, auth: AuthContext | null, ticketId: string): Promise<Ticket> {
    const ticket = await manager.getRepository(Ticket).findOne({ where: { id: ticketId }, lock: rowLock(manager) });
    if (!ticket || (auth && !canSeeTicket(auth, ticket))) throw notFound();
    return ticket;
  }

  /** Throws the state machine's refusal (403 FORBIDDEN, 409 INVALID_TRANSITION / QUOTE_PENDING / PAYMENT_DUE). */
  check(ticket: Ticket, action: TicketAction, auth: AuthContext): void {
    const verdict = transition(machineStateOf(ticket), action, actorOf(auth));
    if (!verdict.allowed) throw new AppError(verdict.conflict ?? verdict.code, verdict.reason);
  }

  /** Saves the settlement columns (dueFen recomputed) and writes the timeline entry and its notices. */
  async record(manager: EntityManager, ticket: Ticket, auth: AuthContext | null, now: Date, spec: EventSpec): Promise<void> {
    ticket.dueFen = dueOf(ticket);
    ticket.updatedAt = now;
    const columns: SettlementColumns & { updatedAt: Date } = {
      quotePending: ticket.quotePending,
      approvedFen: ticket.approvedFen,
      paidFen: ticket.paidFen,
      dueFen: ticket.dueFen,
      feeWaivedAt: ticket.feeWaivedAt,
      updatedAt: now,
    };
    await manager.getRepository(Ticket).update({ id: ticket.id }, columns);
    const entry = auth ? actorEvent(ticket.id, auth, now, spec) : systemEvent(ticket.id, now, spec);
    await insertRows(manager, TicketEvent, [entry]);
    await this.notices.onTicketChange(manager, {
      ticket,
      event: spec.type,
      actor: auth,
      at: now,
      publicNote: entry.publicNote ?? null,
      visibility: entry.visibility!,
      data: spec.data ?? null,
    });
  }
}
