import type {
  CommentRequest,
  ComplaintFormalReplyRequest,
  ComplaintGradeRequest,
  ComplaintInvestigateRequest,
  ComplaintJudgeRequest,
  CreateTicketRequest,
  DispatchRequest,
  HoldRequest,
  MergeRequest,
  Id,
  NoteRequest,
  Page,
  QueueCounts,
  ReasonRequest,
  ResolveRequest,
  RevealedPhone,
  RevisitRequest,
  TicketDetail,
  TicketListQuery,
  TicketSummary,
  TransferRequest,
} from '@yizhan/shared';
import { downloadFile, http, newIdempotencyKey, type Query } from './request';

/**
 * Filters the admin pages send to GET /tickets: the server's own query (status, stage,
 * type, community, zone, owner, assignee, mine, unowned, overdue, atRisk, priority, from/to,
 * q, sort), less the paging, which listTickets adds.
 */
export type TicketFilters = Omit<TicketListQuery, 'cursor' | 'limit'>;

export function toQuery(filters: TicketFilters): Query {
  return {
    status: filters.status,
    stage: filters.stage,
    type: filters.type,
    communityId: filters.communityId,
    zoneId: filters.zoneId,
    ownerId: filters.ownerId,
    assigneeId: filters.assigneeId,
    mine: filters.mine,
    unowned: filters.unowned ? true : undefined,
    overdue: filters.overdue ? true : undefined,
    atRisk: filters.atRisk ? true : undefined,
    from: filters.from,
    to: filters.to,
    q: filters.q?.trim() || undefined,
    sort: filters.sort,
  };
}

export function listTickets(filters: TicketFilters, page: { cursor?: string | null; limit?: number } = {}) {
  return http.get<Page<TicketSummary>>('/tickets', {
    ...toQuery(filters),
    cursor: page.cursor ?? undefined,
    limit: page.limit ?? 20,
  });
}

/** How many requests match the filters, per status (a queue's tab counts). */
export function countTickets(filters: Omit<TicketFilters, 'status' | 'sort'>) {
  const { status: _status, sort: _sort, ...query } = toQuery(filters as TicketFilters);
  return http.get<QueueCounts>('/tickets/counts', query, { silent: true });
}

export const getTicket = (id: Id) => http.get<TicketDetail>(`/tickets/${id}`, undefined, { silent: true });

export const createTicket = (body: CreateTicketRequest, idempotencyKey = newIdempotencyKey()) =>
  http.post<TicketDetail>('/tickets', body, { headers: { 'Idempotency-Key': idempotencyKey } });

/** 409 ALREADY_OWNED is for the caller to explain ("已被同事领取"). */
export const claimTicket = (id: Id) => http.post<TicketDetail>(`/tickets/${id}/claim`, undefined, { silent: true });
export const acceptTicket = (id: Id, body: NoteRequest) => http.post<TicketDetail>(`/tickets/${id}/accept`, body);
export const dispatchTicket = (id: Id, body: DispatchRequest) => http.post<TicketDetail>(`/tickets/${id}/dispatch`, body);
export const startTicket = (id: Id, body: NoteRequest) => http.post<TicketDetail>(`/tickets/${id}/start`, body);
export const holdTicket = (id: Id, body: HoldRequest) => http.post<TicketDetail>(`/tickets/${id}/hold`, body);
export const resumeTicket = (id: Id, body: { reason?: string }) => http.post<TicketDetail>(`/tickets/${id}/resume`, body);
export const resolveTicket = (id: Id, body: ResolveRequest) => http.post<TicketDetail>(`/tickets/${id}/resolve`, body);
export const verifyTicket = (id: Id, body: NoteRequest) => http.post<TicketDetail>(`/tickets/${id}/verify`, body);
export const reopenTicket = (id: Id, body: ReasonRequest) => http.post<TicketDetail>(`/tickets/${id}/reopen`, body);
export const revisitTicket = (id: Id, body: RevisitRequest) => http.post<TicketDetail>(`/tickets/${id}/revisit`, body);
export const cancelTicket = (id: Id, body: ReasonRequest) => http.post<TicketDetail>(`/tickets/${id}/cancel`, body);
export const transferTicket = (id: Id, body: TransferRequest) => http.post<TicketDetail>(`/tickets/${id}/transfer`, body);
export const commentTicket = (id: Id, body: CommentRequest) =>
  http.post<TicketDetail>(`/tickets/${id}/comments`, body, { headers: { 'Idempotency-Key': newIdempotencyKey() } });

/** 合并: fold this duplicate into another open request of the community (its resident follows that one). */
export const mergeTicket = (id: Id, body: MergeRequest) => http.post<TicketDetail>(`/tickets/${id}/merge`, body);

/** The owner's or a supervisor's answer to the resident's rating (shown to the resident under it). */
export const replyToRating = (id: Id, reply: string) => http.post<TicketDetail>(`/tickets/${id}/rating/reply`, { reply });

/** The full phone number of the contact; the server audits who asked. */
// 投诉处理 (complaints only)
export const gradeComplaint = (id: Id, body: ComplaintGradeRequest) => http.post<TicketDetail>(`/tickets/${id}/grade`, body);
export const judgeComplaint = (id: Id, body: ComplaintJudgeRequest) => http.post<TicketDetail>(`/tickets/${id}/judge`, body);
export const investigateComplaint = (id: Id, body: ComplaintInvestigateRequest) => http.post<TicketDetail>(`/tickets/${id}/investigations`, body);
export const reportInvestigation = (id: Id, investigationId: Id, result: string) =>
  http.post<TicketDetail>(`/tickets/${id}/investigations/${investigationId}/report`, { result });
export const formalReply = (id: Id, body: ComplaintFormalReplyRequest) => http.post<TicketDetail>(`/tickets/${id}/formal-reply`, body);

export const revealPhone = (id: Id) => http.post<RevealedPhone>(`/tickets/${id}/reveal-phone`);

/** GET /admin/reports/tickets.xlsx with the list's own filters. */
export function exportTickets(filters: TicketFilters, filename: string) {
  return downloadFile('/admin/reports/tickets.xlsx', toQuery(filters), filename);
}
