import type { TicketType } from '@yizhan/shared';

/**
 * Every route of the app. The detail route is also the `page` of subscribe messages
 * (server side), so it must not move.
 */
export const ROUTES = {
  home: '/pages/home/index',
  tickets: '/pages/tickets/index',
  notices: '/pages/notices/index',
  me: '/pages/me/index',
  detail: (id: string) => `/subpackages/tickets/pages/detail/index?id=${encodeURIComponent(id)}`,
  create: (type: Exclude<TicketType, 'home_service'>) => `/subpackages/tickets/pages/create/index?type=${type}`,
  followUp: (id: string) => `/subpackages/tickets/pages/follow-up/index?id=${encodeURIComponent(id)}`,
  rate: (id: string) => `/subpackages/tickets/pages/rate/index?id=${encodeURIComponent(id)}`,
  receipt: (id: string) => `/subpackages/tickets/pages/receipt/index?id=${encodeURIComponent(id)}`,
  catalogue: '/subpackages/services/pages/catalogue/index',
  book: (itemId: string) => `/subpackages/services/pages/book/index?itemId=${encodeURIComponent(itemId)}`,
  reschedule: (itemId: string, ticketId: string) =>
    `/subpackages/services/pages/book/index?itemId=${encodeURIComponent(itemId)}&reschedule=${encodeURIComponent(ticketId)}`,
  login: '/subpackages/account/pages/login/index',
  bindRoom: '/subpackages/account/pages/bind-room/index',
  // The staff side (员工端). The ticket page is where WeCom staff messages link to: do not move it.
  staffLogin: '/subpackages/staff/pages/login/index',
  staffHome: '/subpackages/staff/pages/home/index',
  staffTicket: (id: string) => `/subpackages/staff/pages/ticket/index?id=${encodeURIComponent(id)}`,
  privacy: '/subpackages/account/pages/privacy/index',
  eraseData: '/subpackages/account/pages/erase/index',
} as const;

export const TAB_ROUTES: readonly string[] = [ROUTES.home, ROUTES.tickets, ROUTES.notices, ROUTES.me];
