import type {
  ConfirmRequest,
  CreateTicketRequest,
  LocationInput,
  LocationOptions,
  Page,
  PublicRequestList,
  RatingRequest,
  ReasonRequest,
  TicketDetail,
  TicketStatus,
  TicketSummary,
} from '@yizhan/shared';
import { PAGE_SIZE } from '../config';
import { del, get, post } from './request';
import type { ApiResult } from './result';

/** The tabs of "我的工单". */
export const TICKET_TABS = ['all', 'open', 'toConfirm', 'done'] as const;
export type TicketTab = (typeof TICKET_TABS)[number];

interface TabQuery {
  /** Server-side filter: one `status`, or the server's `stage` (open: being handled; done: resolved and after). */
  query: { status?: TicketStatus; stage?: 'open' | 'done' };
  /** Client-side refinement where the server's filter is wider than the tab. */
  keep?: (t: TicketSummary) => boolean;
}

export const TAB_QUERIES: Record<TicketTab, TabQuery> = {
  all: { query: {} },
  open: { query: { stage: 'open' } },
  toConfirm: { query: { status: 'resolved' } },
  // "已完成" leaves out what still waits for the resident's confirmation (its own tab).
  done: { query: { stage: 'done' }, keep: (t) => t.status !== 'resolved' },
};

/** Pages fetched at most in one go when the client-side filter leaves a page empty. */
const MAX_SKIPPED_PAGES = 5;

export async function listTickets(tab: TicketTab, cursor: string | null, limit = PAGE_SIZE): Promise<ApiResult<Page<TicketSummary>>> {
  const { query, keep } = TAB_QUERIES[tab];
  let next = cursor;
  const items: TicketSummary[] = [];
  for (let i = 0; i < MAX_SKIPPED_PAGES; i += 1) {
    const res = await get<Page<TicketSummary>>('/tickets', { ...query, cursor: next, limit });
    if (!res.ok) return res;
    items.push(...(keep ? res.data.items.filter(keep) : res.data.items));
    next = res.data.nextCursor;
    if (items.length > 0 || next === null) break;
  }
  return { ok: true, status: 200, data: { items, nextCursor: next } };
}

/** Who the resident can call about a request: the hotline, and the technician on the day of the visit. */
export const fetchTicketContacts = (id: string) =>
  get<{ hotline: { phone: string; label: string } | null; technician: { phone: string; label: string } | null }>(`/tickets/${encodeURIComponent(id)}/contacts`);

export const fetchTicket = (id: string) => get<TicketDetail>(`/tickets/${encodeURIComponent(id)}`);

/** `idempotencyKey` is generated once per draft and sent again on every retry of that draft. */
export const createTicket = (body: CreateTicketRequest, idempotencyKey: string) => post<TicketDetail>('/tickets', body, { 'Idempotency-Key': idempotencyKey });

const action = <T = TicketDetail>(id: string, name: string, body?: unknown) => post<T>(`/tickets/${encodeURIComponent(id)}/${name}`, body);

export const urgeTicket = (id: string) => action(id, 'urge');
export const cancelTicket = (id: string, body: ReasonRequest) => action(id, 'cancel', body);
/** 确认并评价: the rating is optional. */
export const confirmTicket = (id: string, body: ConfirmRequest = {}) => action(id, 'confirm', body);
export const reopenTicket = (id: string, body: ReasonRequest) => action(id, 'reopen', body);
/** A resident's follow-up (补充说明): always public to the staff handling it. */
export const commentOnTicket = (id: string, body: { note: string; photoIds?: string[] }) => action(id, 'comments', body);
/** 改约: move a booked service to another slot (up to the property's cut-off). */
export const rescheduleTicket = (id: string, slotStart: string) => action(id, 'rebook', { slotStart });
export const rateTicket = (id: string, body: RatingRequest) => action<unknown>(id, 'rating', body);

/** 我也遇到: the open public requests at the spot the resident is about to report. */
export const sameSpotRequests = (where: LocationInput) => get<PublicRequestList>('/me/public-requests', { ...where });
/** The public areas of a community a request can be about (zones, buildings with units, named spots). */
export const fetchLocations = (communityId: string) => get<LocationOptions>(`/communities/${encodeURIComponent(communityId)}/locations`);
/** 我也遇到: follow another resident's open public request instead of filing a new one. */
export const followTicket = (id: string) => action(id, 'follow');
export const unfollowTicket = (id: string) => del(`/tickets/${encodeURIComponent(id)}/follow`);
/** A follower rates the result (once, after resolution). */
export const rateFollowed = (id: string, body: RatingRequest) => action<unknown>(id, 'follow/rating', body);
