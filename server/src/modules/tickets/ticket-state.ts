import type { TicketState } from '@yizhan/shared';
import type { Ticket } from './ticket.entity';

/**
 * The shared state machine's view of a stored ticket. What a row does not say is the caller's
 * to add when it matters: whether it is rated (only `rate` asks) and a complaint's own state
 * (only resolving a complaint asks).
 */
export function machineStateOf(t: Ticket, known: Pick<TicketState, 'complaint'> & { rated?: boolean } = {}): TicketState {
  const id = (v: string | null) => (v === null ? null : String(v));
  return {
    status: t.status,
    ownerId: id(t.ownerId),
    assigneeId: id(t.assigneeId),
    residentId: id(t.residentId),
    onHold: t.heldAt !== null,
    rated: known.rated ?? false,
    // Paid services (modules/payments): a quote waiting for the resident, something unpaid.
    quotePending: t.quotePending,
    paymentDue: t.dueFen > 0,
    ...(known.complaint !== undefined ? { complaint: known.complaint } : {}),
  };
}
