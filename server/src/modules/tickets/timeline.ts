import { ActorKind, EventVisibility, STAFF_ONLY_EVENT_TYPES, TicketEventType } from '@yizhan/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import type { JsonRecord } from '../../database/columns';
import type { TicketEvent } from './ticket.entity';

/** What an action or the system adds to a ticket's timeline. */
export interface EventSpec {
  type: TicketEventType;
  /** The staff-facing text: a reason, an internal note, the work done. */
  note?: string | null;
  /**
   * What the resident reads of this entry. Left out: a resident's own words are theirs to
   * read; a staff or system entry shows the resident no text (only what happened).
   */
  publicNote?: string | null;
  /** Left out: `internal` for STAFF_ONLY_EVENT_TYPES, `public` otherwise. */
  visibility?: EventVisibility;
  data?: JsonRecord | null;
  photoIds?: string[] | null;
  /** Entries written right after this one by the same action (确认并评价: the rating). */
  then?: EventSpec[];
}

interface EventActor {
  kind: ActorKind;
  id: string | null;
  name: string;
}

const SYSTEM: EventActor = { kind: 'system', id: null, name: '系统' };

/**
 * One timeline row. The resident-facing text is decided here, once, when the entry is
 * written — so no reader (detail, inbox, subscribe message, export) has to know which of
 * a staff member's words were meant for the resident: an internal entry carries none.
 */
function entry(ticketId: string, at: Date, actor: EventActor, spec: EventSpec): Partial<TicketEvent> {
  const visibility = spec.visibility ?? (STAFF_ONLY_EVENT_TYPES.includes(spec.type) ? 'internal' : 'public');
  const note = spec.note ?? null;
  const publicNote = visibility === 'internal' ? null : spec.publicNote !== undefined ? spec.publicNote : actor.kind === 'resident' ? note : null;
  return {
    ticketId,
    type: spec.type,
    at,
    actorKind: actor.kind,
    actorId: actor.id,
    actorName: actor.name,
    note,
    visibility,
    publicNote: publicNote?.slice(0, 1000) ?? null,
    data: spec.data ?? null,
    photoIds: spec.photoIds ?? null,
  };
}

/** An entry made by a signed-in caller (a resident's own words are public to them). */
export function actorEvent(ticketId: string, auth: AuthContext, at: Date, spec: EventSpec): Partial<TicketEvent> {
  const actor: EventActor =
    auth.kind === 'staff' ? { kind: 'staff', id: auth.staffId, name: auth.name } : { kind: 'resident', id: auth.residentId, name: '业主' };
  return entry(ticketId, at, actor, spec);
}

/** An entry made by the product itself (routing, the SLA scanner, the content check). */
export function systemEvent(ticketId: string, at: Date, spec: EventSpec): Partial<TicketEvent> {
  return entry(ticketId, at, SYSTEM, spec);
}
