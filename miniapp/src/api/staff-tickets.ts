import type { Page, StaffAccount, TicketDetail, TicketSummary } from '@yizhan/shared';
import { type HttpMethod, type Query, send } from './http';
import type { ApiResult } from './result';
import { ensureStaffToken, refreshStaffAfter401 } from './staff-session';

/**
 * The staff side's calls: the staff token (never the resident's), one silent sign-in
 * and one retry on 401 with the same headers — so the same Idempotency-Key.
 */
export async function staffRequest<T>(
  method: HttpMethod,
  path: string,
  options: { query?: Query; data?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  const token = await ensureStaffToken();
  if (!token.ok) return token;
  const first = await send<T>({ method, path, ...options, headers: { ...options.headers, Authorization: `Bearer ${token.data}` } });
  if (first.ok || first.status !== 401) return first;
  const fresh = await refreshStaffAfter401(token.data);
  if (!fresh.ok) return fresh;
  return send<T>({ method, path, ...options, headers: { ...options.headers, Authorization: `Bearer ${fresh.data}` } });
}

export interface StaffTicketQuery {
  mine?: 'owner' | 'assignee';
  unowned?: boolean;
  stage?: 'open' | 'done';
  overdue?: boolean;
  atRisk?: boolean;
  sort?: 'newest' | 'oldest' | 'deadline';
  limit?: number;
  cursor?: string;
}

export const listStaffTickets = (q: StaffTicketQuery) => staffRequest<Page<TicketSummary>>('GET', '/tickets', { query: { ...q } });
export const getStaffTicket = (id: string) => staffRequest<TicketDetail>('GET', `/tickets/${encodeURIComponent(id)}`);
export const revealPhone = (id: string) => staffRequest<{ phone: string }>('POST', `/tickets/${encodeURIComponent(id)}/reveal-phone`, { data: {} });

/** Technicians of a community with their skills and open jobs (the dispatch picker). */
export const listTechnicians = (communityId: string) =>
  staffRequest<Page<StaffAccount & { openAssigned: number }>>('GET', '/admin/staff', { query: { role: 'technician', communityId, limit: 100 } });
/** Agents and supervisors of a community (the transfer picker). */
export const listColleagues = (communityId: string) =>
  staffRequest<Page<StaffAccount & { openOwned: number }>>('GET', '/admin/staff', { query: { communityId, limit: 100 } });

/** The actions the staff side sends, by their route under /tickets/:id. */
export type StaffAction = 'claim' | 'accept' | 'dispatch' | 'reschedule' | 'start' | 'hold' | 'resume' | 'resolve' | 'comments' | 'transfer';

/** One ticket action with its Idempotency-Key: sent again after a lost answer, it is applied once. */
export const postAction = (ticketId: string, action: StaffAction, body: Record<string, unknown>, idempotencyKey: string) =>
  staffRequest<TicketDetail>('POST', `/tickets/${encodeURIComponent(ticketId)}/${action}`, { data: body, headers: { 'Idempotency-Key': idempotencyKey } });
