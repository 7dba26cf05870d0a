import type { EventVisibility, NoticeKind, StaffEventType, TicketEventType } from '@yizhan/shared';
import type { AuthContext } from '../../common/auth/auth-context';
import type { JsonRecord } from '../../database/columns';
import type { Ticket } from '../tickets/ticket.entity';
import type { StaffNoticeKind } from './notice.entities';

// Which notice a change of a request makes, for whom, and in what words when it goes to a
// follower: the rules NoticesService writes by.

/** Notice kinds about one request's status (the incident kinds are written by IncidentsService). */
export type TicketNoticeKind = Exclude<NoticeKind, 'incident' | 'incident_resolved' | 'incident_linked'>;

export interface TicketChange {
  ticket: Ticket;
  event: TicketEventType;
  actor: AuthContext | null;
  at: Date;
  /**
   * The entry's resident-facing text (TicketEvent.publicNote). Residents' notices are built
   * from this alone: the staff's own note is never passed here.
   */
  publicNote?: string | null;
  /** The entry's visibility: an internal entry sends the resident nothing. */
  visibility?: EventVisibility;
  /** The timeline entry's data (a rating's scores; dispatch: the previous technician and visit time …). */
  data?: JsonRecord | null;
  /** For dispatch: the technician's name. */
  assigneeName?: string | null;
  ownerName?: string | null;
}

/** The event names the admin pages listen for on the staff event stream. */
export const STAFF_EVENT_TYPE: Record<StaffNoticeKind, StaffEventType> = {
  routed: 'ticket.routed',
  urgent: 'ticket.urgent',
  dispatched: 'ticket.dispatched',
  urged: 'ticket.urged',
  transferred: 'ticket.transferred',
  flagged: 'ticket.flagged',
  sla_warning: 'sla.warning',
  sla_overdue: 'sla.overdue',
  escalated: 'sla.escalated',
  pooled: 'ticket.pooled',
  reopened: 'ticket.reopened',
  rated_low: 'ticket.rated_low',
  resolved: 'ticket.resolved',
  followed_up: 'ticket.followed_up',
  investigation: 'ticket.investigation',
  investigated: 'ticket.investigated',
};

/** The lowest of a rating's three scores (5 when the event carries none). */
export function lowestScore(data: Record<string, unknown> | null | undefined): number {
  const scores = ['attitude', 'timeliness', 'quality'].map((k) => Number(data?.[k])).filter((n) => Number.isFinite(n));
  return scores.length ? Math.min(...scores) : 5;
}

/** What followers of a public request hear of (not replies to the requester, not their visit times). */
export const FOLLOWER_KINDS: readonly TicketNoticeKind[] = [
  'accepted',
  'dispatched',
  'held',
  'resumed',
  'resolved',
  'reopened',
  'closed',
  'cancelled',
  'merged',
];

/** A follower's version of a notice: it is a request they follow, and a resolution is theirs to rate, not to confirm. */
export function followerText(kind: TicketNoticeKind, what: string, [title, body]: [string, string], change: TicketChange): [string, string] {
  if (kind === 'merged') return ['您关注的问题已合并处理', `您关注的${what}已与工单 ${String(change.data?.intoNo ?? '')} 合并处理，后续进展会通知您。`];
  if (kind === 'resolved') return ['您关注的问题已处理', `您关注的${what}已处理完成，欢迎评价处理结果。`];
  if (kind === 'dispatched') return ['您关注的问题已派工', `您关注的${what}已安排师傅处理。`];
  return [title, `（您关注的）${body}`];
}

/** Which status changes the resident hears about, and when (not about what they did themselves). */
export function residentNoticeKind(change: TicketChange): TicketNoticeKind | null {
  const byResident = change.actor?.kind === 'resident';
  switch (change.event) {
    case 'accepted':
      return 'accepted';
    case 'dispatched': {
      // The same technician again with another time: the visit time was set or changed.
      const d = change.data ?? {};
      const sameTechnician = d.previousAssigneeId != null && String(d.previousAssigneeId) === String(d.assigneeId);
      if (!sameTechnician) return 'dispatched';
      return (d.previousAppointmentAt ?? null) !== (d.appointmentAt ?? null) ? 'appointment' : null;
    }
    case 'commented':
      // A staff public reply (an internal note never gets here: see onTicketChange).
      return change.actor?.kind === 'staff' ? 'replied' : null;
    case 'formally_replied':
      // A complaint's formal reply (处理结果 + 整改措施): the resident reads it as a reply.
      return 'replied';
    case 'held':
      return 'held';
    case 'resumed':
      return 'resumed';
    case 'resolved':
      return 'resolved';
    case 'reopened':
      return byResident ? null : 'reopened';
    case 'verified':
    case 'auto_confirmed':
      return 'closed';
    case 'cancelled':
      return byResident ? null : 'cancelled';
    case 'merged':
      return 'merged';
    // Paid services: a quote that waits for the resident's decision; a refund that reached them.
    case 'quoted':
      return change.data?.status === 'pending' ? 'quoted' : null;
    case 'refunded':
      return 'refunded';
    default:
      return null;
  }
}
