import { SelectQueryBuilder } from 'typeorm';
import { CursorValue, OPEN_STATUSES, Priority, TicketStatus, TicketType } from '@yizhan/shared';
import { communityScope, inCommunity, isTechnicianOnly } from '../../common/access/access';
import type { AuthContext } from '../../common/auth/auth-context';
import { AppError } from '../../common/errors/app-error';
import type { Ticket } from './ticket.entity';

/** The filters of GET /tickets (and of everything that lists "the same tickets", like the Excel export). */
export interface TicketFilters {
  status?: TicketStatus;
  stage?: 'open' | 'done';
  type?: TicketType;
  communityId?: string;
  zoneId?: string;
  ownerId?: string;
  assigneeId?: string;
  mine?: 'owner' | 'assignee';
  unowned?: boolean;
  overdue?: boolean;
  /** Open, not paused, and a deadline (respond, on site, resolve) still ahead but within the warning lead time. */
  atRisk?: boolean;
  priority?: Priority;
  from?: string;
  to?: string;
  q?: string;
}

/**
 * The caller's scope (their own requests for a resident; their communities — or their
 * own jobs for a technician — for staff), then each filter, on a builder over Ticket
 * aliased `t`. One place, so the list and the export can never disagree.
 */
export function filterTickets(
  qb: SelectQueryBuilder<Ticket>,
  auth: AuthContext,
  query: TicketFilters,
  now: Date,
  warnLeadSec = 1800,
): SelectQueryBuilder<Ticket> {
  if (auth.kind === 'resident') {
    qb.where('t.resident_id = :rid', { rid: auth.residentId });
  } else {
    const scope = communityScope(auth);
    if (query.communityId) {
      if (!inCommunity(auth, query.communityId)) throw new AppError('FORBIDDEN', '您不属于该小区，无法查看');
      qb.where('t.community_id = :cid', { cid: query.communityId });
    } else if (scope !== 'all') {
      qb.where('t.community_id IN (:...scope)', { scope: scope.length ? scope : ['0'] });
    }
    if (isTechnicianOnly(auth)) {
      qb.andWhere('(t.assignee_id = :me OR t.owner_id = :me OR t.created_by_staff_id = :me)', { me: auth.staffId });
    }
    if (query.mine === 'owner') qb.andWhere('t.owner_id = :me', { me: auth.staffId });
    if (query.mine === 'assignee') qb.andWhere('t.assignee_id = :me', { me: auth.staffId });
    if (query.ownerId) qb.andWhere('t.owner_id = :ownerId', { ownerId: query.ownerId });
    if (query.assigneeId) qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: query.assigneeId });
    if (query.unowned) qb.andWhere('t.owner_id IS NULL');
    if (query.zoneId) qb.andWhere('t.zone_id = :zoneId', { zoneId: query.zoneId });
  }
  if (query.status) qb.andWhere('t.status = :status', { status: query.status });
  if (query.stage === 'open') qb.andWhere('t.status IN (:...open)', { open: OPEN_STATUSES });
  if (query.stage === 'done') qb.andWhere('t.status NOT IN (:...open)', { open: OPEN_STATUSES });
  if (query.type) qb.andWhere('t.type = :type', { type: query.type });
  if (query.priority) qb.andWhere('t.priority = :priority', { priority: query.priority });
  if (query.from) qb.andWhere('t.created_at >= :from', { from: new Date(query.from) });
  if (query.to) qb.andWhere('t.created_at < :to', { to: new Date(query.to) });
  if (query.q) {
    const q = query.q.trim();
    qb.andWhere('(t.no = :qExact OR t.description LIKE :qLike)', { qExact: q, qLike: `%${q.replace(/[%_\\]/g, (c) => `\\${c}`)}%` });
  }
  if (query.overdue) {
    // Recorded by the SLA scanner, or breached as of now: deadline passed, milestone not met in time.
    qb.andWhere(
      `(
        t.sla_breached <> 0
        OR (t.respond_by < :now AND (t.responded_at IS NULL OR t.responded_at > t.respond_by) AND t.status <> 'cancelled')
        OR (t.onsite_by < :now AND (t.onsite_at IS NULL OR t.onsite_at > t.onsite_by) AND t.status IN (:...open))
        OR (t.resolve_by < :now AND (t.resolved_at IS NULL OR t.resolved_at > t.resolve_by) AND t.status <> 'cancelled')
        OR (t.confirm_by < :now AND t.closed_at IS NULL AND t.status = 'resolved')
        OR (t.revisit_by < :now AND t.revisited_at IS NULL AND t.status IN ('resolved', 'closed'))
      )`,
      { now, open: OPEN_STATUSES },
    );
  }
  if (query.atRisk) {
    // What the SLA scanner warns the owner about (SLA_WARN_LEAD_SEC before the deadline), as of now.
    qb.andWhere(
      `(
        t.status IN (:...open) AND t.held_at IS NULL AND (
          (t.respond_by >= :now AND t.respond_by < :soon AND t.responded_at IS NULL)
          OR (t.onsite_by >= :now AND t.onsite_by < :soon AND t.onsite_at IS NULL)
          OR (t.resolve_by >= :now AND t.resolve_by < :soon AND t.resolved_at IS NULL)
        )
      )`,
      { now, soon: new Date(now.getTime() + warnLeadSec * 1000), open: OPEN_STATUSES },
    );
  }
  return qb;
}

export type TicketSort = 'newest' | 'oldest' | 'deadline';

/** Where the previous page (or export batch) ended, in the sort's keyset terms. */
export interface TicketKeyset {
  id: string;
  resolveBy: Date | null;
}

/** Requests with no resolve deadline sort after every dated one. */
export const NO_DEADLINE = new Date('9999-12-31T00:00:00Z');

/**
 * Keyset order of a ticket list, after `after` when given: newest/oldest by id, or by
 * how soon the resolve deadline is (undated last, ties by id). The list and the Excel
 * export page with this one function, so they always agree on order.
 */
export function orderTickets(qb: SelectQueryBuilder<Ticket>, sort: TicketSort, after: TicketKeyset | null): SelectQueryBuilder<Ticket> {
  if (sort === 'deadline') {
    qb.setParameter('noDeadline', NO_DEADLINE);
    if (after) {
      qb.andWhere('(COALESCE(t.resolve_by, :noDeadline) > :afterDue OR (COALESCE(t.resolve_by, :noDeadline) = :afterDue AND t.id > :afterId))', {
        afterDue: after.resolveBy ?? NO_DEADLINE,
        afterId: after.id,
      });
    }
    // Ordered by the expression itself, so callers may select whatever columns they need.
    return qb.orderBy('COALESCE(t.resolve_by, :noDeadline)', 'ASC').addOrderBy('t.id', 'ASC');
  }
  const desc = sort === 'newest';
  if (after) qb.andWhere(desc ? 't.id < :afterId' : 't.id > :afterId', { afterId: after.id });
  return qb.orderBy('t.id', desc ? 'DESC' : 'ASC');
}

/** The list's opaque cursor for a keyset, and back (null for a malformed one). */
/** The cursor values after `k` in the `sort` order (keysetPage encodes them). */
export function keysetKey(sort: TicketSort, k: TicketKeyset): CursorValue[] {
  return sort === 'deadline' ? [(k.resolveBy ?? NO_DEADLINE).toISOString(), k.id] : [k.id];
}
export function keysetOf(sort: TicketSort, values: CursorValue[]): TicketKeyset | null {
  const [first, second] = values;
  if (sort !== 'deadline') return typeof first === 'string' ? { id: first, resolveBy: null } : null;
  const due = new Date(String(first));
  return typeof second === 'string' && !Number.isNaN(due.getTime()) ? { id: second, resolveBy: due } : null;
}
