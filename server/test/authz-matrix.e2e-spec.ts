import http from 'node:http';
import type { AddressInfo } from 'node:net';
import ExcelJS from 'exceljs';
import { solid } from './support/images';
import { adapterRoutes, fillPath, openApiRoutes, routeTable } from './support/route-table';
import { startTestApp, TestApp } from './support/test-app';
import { buildTrustWorld, ROLE_LABELS, ROLES, Role, Stage, TrustWorld } from './support/trust-world';

/**
 * Issue #9 "Trust" — the authorization matrix: every route of the running app × every
 * kind of caller, against community X (resident A's requests in every stage, A's photo
 * and notices, X's rooms, staff, shifts, policies, bindings) and community Y next door.
 *
 * Cells: 'ok' = 2xx; a number = that status exactly. Rules the table follows:
 * - anonymous: 401 on every protected route;
 * - wrong kind or role for the route (guard): 403;
 * - an object outside the caller's reach, addressed by id (another resident's request
 *   or notice, another community's room, shift, policy, binding; a request not
 *   dispatched to the technician): 404, never 403 — it does not exist for them;
 * - a community named in a query or body that is not the caller's: 403;
 * - the right person at the right time: 2xx. The state machine refuses a visible
 *   request to the wrong person with 403 (API.md "Requests").
 * Every refused write (any non-2xx on a non-GET route) is checked to have changed no
 * stored data (checksums of the guarded tables, see trust-world.ts).
 *
 * A route of the app with no row here fails the suite: add its row when adding a route.
 */
type Cell = 'ok' | 400 | 401 | 403 | 404 | 409;
type Row = [Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell, Cell];

// prettier-ignore
const MATRIX: Record<string, Row> = {
  //                                                  anon   resA   resB   agentY techN  techA  agent  sup    admin
  // public
  'GET /health':                                     ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /health/live':                                ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /health/ready':                               ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /wechat/push':                                [404,   404,   404,   404,   404,   404,   404,   404,   404 ], // push not configured
  'POST /wechat/push':                               [404,   404,   404,   404,   404,   404,   404,   404,   404 ],
  'POST /auth/wechat/login':                         ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /auth/staff/login':                          ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /auth/staff/refresh':                        ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /auth/staff/wechat':                         ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /auth/staff/wechat/login':                   ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /communities':                                ['ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /files/:id':                                  [403,   403,   403,   403,   403,   403,   403,   403,   403 ], // unsigned: the signature is the only key
  'GET /files/:id/thumb':                            [403,   403,   403,   403,   403,   403,   403,   403,   403 ],
  // any signed-in caller (the binding picker and the catalogue are for everyone: labels and prices, no roster)
  'GET /communities/:id/rooms':                      [401,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /communities/:id/locations':                  [401,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /service-items':                              [401,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /service-items/:id/slots':                    [401,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /notices/templates':                          [401,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /uploads':                                   [401,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  // residents
  'GET /me':                                         [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'DELETE /me':                                      [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ], // erases the caller only: resident cells use a stand-in
  'POST /me/phone':                                  [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'POST /me/rooms':                                  [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'GET /me/hotline':                                 [401,   'ok',  403,   403,   403,   403,   403,   403,   403 ], // A's room: B ROOM_NOT_BOUND
  'GET /notices':                                    [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'POST /notices/read-all':                          [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'GET /me/incidents':                               [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'GET /me/public-requests':                         [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'GET /me/following':                               [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'GET /me/announcements':                           [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'POST /me/announcements/read-all':                 [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'POST /me/announcements/:id/read':                 [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ], // a whole-community announcement of X
  'POST /notices/:id/read':                          [401,   'ok',  404,   403,   403,   403,   403,   403,   403 ], // A's notice
  'POST /subscriptions':                             [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  // requests (A's, in the stage named in TARGETS)
  'GET /tickets':                                    [401,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'], // scoped lists: see the leak tests
  'GET /tickets/counts':                             [401,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok',  'ok'], // the same scope as the list
  'POST /tickets':                                   [401,   'ok',  403,   400,   'ok',  'ok',  'ok',  'ok',  'ok'], // in A's room: B ROOM_NOT_BOUND, Y ROOM_NOT_IN_COMMUNITY
  'GET /tickets/:id':                                [401,   'ok',  404,   404,   404,   'ok',  'ok',  'ok',  'ok'],
  'GET /tickets/:id/contacts':                       [401,   'ok',  404,   404,   404,   'ok',  'ok',  'ok',  'ok'],
  'POST /tickets/:id/claim':                         [401,   403,   403,   404,   403,   403,   'ok',  'ok',  403 ],
  'POST /tickets/:id/accept':                        [401,   403,   403,   404,   404,   404,   'ok',  403,   403 ],
  'POST /tickets/:id/dispatch':                      [401,   403,   403,   404,   404,   404,   'ok',  403,   403 ],
  'POST /tickets/:id/reschedule':                    [401,   403,   403,   404,   404,   'ok',  'ok',  403,   403 ],
  'POST /tickets/:id/start':                         [401,   403,   403,   404,   404,   'ok',  403,   403,   403 ],
  'POST /tickets/:id/hold':                          [401,   403,   403,   404,   404,   'ok',  'ok',  403,   403 ],
  'POST /tickets/:id/resume':                        [401,   403,   403,   404,   404,   'ok',  'ok',  403,   403 ],
  'POST /tickets/:id/resolve':                       [401,   403,   403,   404,   404,   'ok',  'ok',  403,   403 ],
  'POST /tickets/:id/confirm':                       [401,   'ok',  404,   404,   404,   403,   403,   403,   403 ],
  'POST /tickets/:id/verify':                        [401,   403,   403,   404,   404,   403,   'ok',  403,   403 ],
  'POST /tickets/:id/reopen':                        [401,   'ok',  404,   404,   404,   403,   'ok',  403,   403 ],
  'POST /tickets/:id/revisit':                       [401,   403,   403,   404,   404,   403,   'ok',  403,   403 ],
  'POST /tickets/:id/cancel':                        [401,   'ok',  404,   404,   404,   404,   'ok',  'ok',  403 ],
  'POST /tickets/:id/transfer':                      [401,   403,   403,   404,   403,   403,   403,   'ok',  403 ],
  'POST /tickets/:id/comments':                      [401,   'ok',  404,   404,   404,   'ok',  'ok',  'ok',  'ok'],
  'POST /tickets/:id/rating':                        [401,   'ok',  404,   404,   404,   403,   403,   403,   403 ],
  'POST /tickets/:id/rating/reply':                  [401,   403,   403,   404,   404,   403,   'ok',  'ok',  403 ], // owner or supervisor
  'POST /tickets/:id/urge':                          [401,   'ok',  404,   404,   404,   404,   403,   403,   403 ],
  'POST /tickets/:id/rebook':                        [401,   409,   404,   403,   403,   403,   403,   403,   403 ], // a repair: only bookings move; staff never
  'POST /tickets/:id/reveal-phone':                  [401,   403,   403,   404,   404,   'ok',  'ok',  'ok',  'ok'],
  // 我也遇到 on a public request of X (a patrol report of the agent); merge of A's request into another
  'POST /tickets/:id/follow':                        [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ],
  'DELETE /tickets/:id/follow':                      [401,   'ok',  'ok',  403,   403,   403,   403,   403,   403 ], // after following it
  'POST /tickets/:id/follow/rating':                 [401,   'ok',  404,   403,   403,   403,   403,   403,   403 ], // A follows it; B does not
  'POST /tickets/:id/merge':                         [401,   403,   403,   404,   404,   404,   'ok',  'ok',  403 ], // owner or supervisor
  // paid services: who may quote, decide, pay, record, refund and waive is the state machine's
  'GET /tickets/:id/settlement':                     [401,   'ok',  404,   404,   404,   'ok',  'ok',  'ok',  'ok'],
  'GET /tickets/:id/receipt':                        [401,   'ok',  404,   404,   404,   'ok',  'ok',  'ok',  'ok'], // a paid request
  'GET /tickets/:id/price-items':                    [401,   403,   403,   404,   404,   'ok',  'ok',  'ok',  'ok'],
  'POST /tickets/:id/quotes':                        [401,   403,   403,   404,   404,   'ok',  'ok',  403,   403 ], // owner or assignee
  'POST /tickets/:id/quotes/:quoteId/approve':       [401,   'ok',  404,   403,   403,   403,   403,   403,   403 ],
  'POST /tickets/:id/quotes/:quoteId/decline':       [401,   'ok',  404,   403,   403,   403,   403,   403,   403 ],
  'POST /tickets/:id/payments/wechat':               [401,   409,   404,   403,   403,   403,   403,   403,   403 ], // PAYMENT_UNAVAILABLE: no WeChat Pay here
  'POST /tickets/:id/payments/:paymentId/sync':      [401,   'ok',  404,   404,   404,   'ok',  'ok',  'ok',  'ok'],
  'POST /tickets/:id/payments/offline':              [401,   403,   403,   404,   404,   'ok',  'ok',  'ok',  403 ], // owner, assignee or supervisor
  'POST /tickets/:id/payments/:paymentId/refunds':   [401,   403,   403,   404,   403,   403,   403,   'ok',  403 ],
  'POST /tickets/:id/waive':                         [401,   403,   403,   404,   403,   403,   403,   'ok',  403 ],
  'POST /payments/wechatpay/notify':                 [404,   404,   404,   404,   404,   404,   404,   404,   404 ], // WeChat Pay not configured
  // complaints (A's accepted complaint, owned by the agent; the report's task is the supervisor's)
  'POST /tickets/:id/grade':                         [401,   403,   403,   404,   404,   404,   'ok',  'ok',  403 ],
  'POST /tickets/:id/judge':                         [401,   403,   403,   404,   404,   404,   'ok',  403,   403 ],
  'POST /tickets/:id/investigations':                [401,   403,   403,   404,   404,   404,   'ok',  403,   403 ],
  'POST /tickets/:id/investigations/:investigationId/report': [401, 403, 403, 404, 404,   404,   'ok',  'ok',  403 ],
  'POST /tickets/:id/formal-reply':                  [401,   403,   403,   404,   404,   404,   'ok',  403,   403 ],
  // staff notices
  'GET /staff/notices':                              [401,   403,   403,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /staff/notices/:id/read':                    [401,   403,   403,   404,   404,   404,   'ok',  404,   404 ], // the agent's notice
  'GET /staff/events':                               [401,   403,   403,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  // admin: communities (reading X's structure is for X's staff; changing it for admins)
  'GET /admin/communities':                          [401,   403,   403,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /admin/communities':                         [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'PATCH /admin/communities/:id':                    [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'GET /admin/communities/:id/zones':                [401,   403,   403,   404,   'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /admin/communities/:id/hotlines':             [401,   403,   403,   404,   'ok',  'ok',  'ok',  'ok',  'ok'],
  'PUT /admin/communities/:id/hotlines':             [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'POST /admin/communities/:id/zones':               [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'GET /admin/communities/:id/buildings':            [401,   403,   403,   404,   'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /admin/communities/:id/buildings':           [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'GET /admin/communities/:id/rooms':                [401,   403,   403,   404,   'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /admin/communities/:id/rooms':               [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'PATCH /admin/communities/:id/rooms/:roomId':      [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'POST /admin/communities/:id/rooms/import':        [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'GET /admin/communities/:id/places':               [401,   403,   403,   404,   'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /admin/communities/:id/places':              [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'PATCH /admin/places/:id':                         [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'POST /admin/communities/:id/places/import':       [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  // admin: staff
  'GET /admin/staff':                                [401,   403,   403,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok'], // scoped: see the leak tests
  'POST /admin/staff':                               [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'PATCH /admin/staff/:id':                          [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'DELETE /admin/staff/:id/wechat':                  [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  // WeCom (off in this app: WECOM_CORP_ID unset): own settings for every staff member, bindings for admins
  'GET /staff/wecom-settings':                       [401,   403,   403,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'PUT /staff/wecom-settings':                       [401,   403,   403,   'ok',  'ok',  'ok',  'ok',  'ok',  'ok'],
  'GET /staff/wecom-settings/oauth-url':             [401,   403,   403,   409,   409,   409,   409,   409,   409 ], // WECOM_NOT_CONFIGURED
  'POST /staff/wecom-settings/bind':                 [401,   403,   403,   409,   409,   409,   409,   409,   409 ],
  'GET /admin/staff/wecom':                          [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'PUT /admin/staff/:id/wecom':                      [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'POST /admin/staff/wecom/import':                  [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  // admin: duty shifts of X
  'GET /admin/duty-shifts':                          [401,   403,   403,   403,   'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /admin/duty-shifts':                         [401,   403,   403,   403,   403,   403,   403,   'ok',  'ok'],
  'PUT /admin/duty-shifts/:id':                      [401,   403,   403,   404,   403,   403,   403,   'ok',  'ok'],
  'DELETE /admin/duty-shifts/:id':                   [401,   403,   403,   404,   403,   403,   403,   'ok',  'ok'],
  // admin: SLA policies of X
  // incidents (停水停电) and announcements (公告): office staff of the community
  'GET /admin/incidents':                            [401,   403,   403,   403,   403,   403,   'ok',  'ok',  'ok'],
  'POST /admin/incidents':                           [401,   403,   403,   403,   403,   403,   'ok',  'ok',  'ok'],
  'GET /admin/incidents/:id':                        [401,   403,   403,   404,   403,   403,   'ok',  'ok',  'ok'],
  'PATCH /admin/incidents/:id':                      [401,   403,   403,   404,   403,   403,   'ok',  'ok',  'ok'],
  'POST /admin/incidents/:id/resolve':               [401,   403,   403,   404,   403,   403,   'ok',  'ok',  'ok'],
  'GET /admin/announcements':                        [401,   403,   403,   403,   403,   403,   'ok',  'ok',  'ok'],
  'POST /admin/announcements':                       [401,   403,   403,   403,   403,   403,   'ok',  'ok',  'ok'],
  'POST /admin/announcements/from-incident/:incidentId': [401, 403,  403,   404,   403,   403,   'ok',  'ok',  'ok'],
  'GET /admin/announcements/:id':                    [401,   403,   403,   404,   403,   403,   'ok',  'ok',  'ok'],
  'PATCH /admin/announcements/:id':                  [401,   403,   403,   404,   403,   403,   'ok',  'ok',  'ok'],
  'GET /admin/sla-policies':                         [401,   403,   403,   403,   403,   403,   403,   'ok',  'ok'],
  'POST /admin/sla-policies':                        [401,   403,   403,   403,   403,   403,   403,   'ok',  'ok'],
  'DELETE /admin/sla-policies/:id':                  [401,   403,   403,   404,   403,   403,   403,   'ok',  'ok'],
  // admin: the catalogue of X
  'GET /admin/service-items':                        [401,   403,   403,   403,   'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /admin/service-items':                       [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'PATCH /admin/service-items/:id':                  [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  // admin: room bindings (a pending binding in X)
  'GET /admin/room-bindings':                        [401,   403,   403,   'ok',  403,   403,   'ok',  'ok',  'ok'], // scoped: see the leak tests
  'POST /admin/room-bindings/:id/approve':           [401,   403,   403,   404,   403,   403,   'ok',  'ok',  'ok'],
  'POST /admin/room-bindings/:id/reject':            [401,   403,   403,   404,   403,   403,   'ok',  'ok',  'ok'],
  // admin: statistics, export and audit of X
  'GET /admin/stats':                                [401,   403,   403,   403,   403,   403,   403,   'ok',  'ok'],
  'GET /admin/reports/tickets.xlsx':                 [401,   403,   403,   403,   403,   403,   403,   'ok',  'ok'],
  'GET /admin/audit-logs':                           [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  // admin: paid services of X (the price list is read by X's staff, written by admins)
  'GET /admin/price-items':                          [401,   403,   403,   403,   'ok',  'ok',  'ok',  'ok',  'ok'],
  'POST /admin/price-items':                         [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'PATCH /admin/price-items/:id':                    [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'POST /admin/price-items/import':                  [401,   403,   403,   403,   403,   403,   403,   403,   'ok'],
  'GET /admin/payments/unpaid':                      [401,   403,   403,   403,   403,   403,   'ok',  'ok',  'ok'],
  'GET /admin/payments/statement.xlsx':              [401,   403,   403,   403,   403,   403,   403,   'ok',  'ok'],
  'GET /admin/payments/tradebill-check':             [401,   403,   403,   403,   403,   403,   403,   403,   409 ], // PAYMENT_UNAVAILABLE
};

/** What each route is called with. `fresh`: every allowed cell gets its own target (the action uses it up). */
interface Target {
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: unknown;
  /** sent instead of the role's own token (a stand-in of the same kind, for actions on the caller's own account) */
  token?: string;
  /** multipart field `file` */
  file?: { content: Buffer; filename: string; contentType: string };
}
interface TargetSpec {
  fresh?: boolean;
  /** every cell gets a target built for its role (the body depends on who sends it) */
  perRole?: boolean;
  build: (f: TrustWorld, role: Role | 'shared') => Promise<Target> | Target;
}

const isResident = (role: Role | 'shared') => role === 'resA' || role === 'resB';
const tomorrow = () => new Date(Date.now() + 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
const onTicket = (stage: Stage, body?: unknown): TargetSpec => ({
  fresh: true,
  build: async (f) => ({ params: { id: (await f.ticketIn(stage)).id }, body }),
});

/** An open public request of X (a patrol report: the agent owns it, no resident filed it). */
const publicTicket = async (f: TrustWorld): Promise<string> =>
  (
    await f.w.ok(f.tokens.agent!, 'post', '/tickets', {
      type: 'repair',
      channel: 'patrol',
      location: { kind: 'zone', zoneId: f.X.zoneA1 },
      category: '公共设施',
      description: `第${f.next()}号巡查：路灯不亮`,
    })
  ).id;

/** A named public spot of X. */
const placeIn = async (f: TrustWorld): Promise<string> =>
  (await f.w.ok(f.tokens.admin!, 'post', `/admin/communities/${f.X.id}/places`, { name: `车棚${f.next()}` })).id;
/** A dispatched request of A with a quote: pending (A has not decided) or approved by A (so something is due). */
const quoted = async (f: TrustWorld, decided: boolean) => {
  const tk = await f.ticketIn('dispatched');
  const q = await f.w.ok(f.tokens.techA!, 'post', `/tickets/${tk.id}/quotes`, { lines: [{ kind: 'labour', unitPriceFen: 5000, quantity: 1 }] });
  if (decided) await f.w.ok(f.tokens.resA!, 'post', `/tickets/${tk.id}/quotes/${q.quotes[0].id}/approve`);
  return { id: tk.id, quoteId: q.quotes[0].id as string };
};
/** …and paid in cash: the payment's id. */
const paid = async (f: TrustWorld) => {
  const { id } = await quoted(f, true);
  const s = await f.w.ok(f.tokens.agent!, 'post', `/tickets/${id}/payments/offline`, { method: 'cash', amountFen: 5000 });
  return { id, paymentId: s.payments[0].id as string };
};
const priceItemIn = async (f: TrustWorld) =>
  (await f.w.ok(await f.w.admin(), 'post', '/admin/price-items', { communityId: f.X.id, name: `材料${f.next()}`, unit: '个', unitPriceFen: 100 })).id as string;
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
/** A's complaint, accepted by the agent (its owner). */
const complaintIn = (body: unknown): TargetSpec => ({
  fresh: true,
  build: async (f) => ({ params: { id: (await f.ticketIn('accepted', { type: 'complaint', category: '噪音' })).id }, body }),
});

const incidentBody = (f: TrustWorld) => ({
  communityId: f.X.id,
  title: '停水',
  category: '水电',
  cause: '管网检修',
  startsAt: new Date(Date.now() - 60_000).toISOString(),
  expectedEndAt: new Date(Date.now() + 3 * 3600_000).toISOString(),
});
/** A fresh incident / whole-community announcement in X, made by the admin. */
const incidentIn = async (f: TrustWorld) => (await f.w.ok(await f.w.admin(), 'post', '/admin/incidents', incidentBody(f))).id as string;
const announcementIn = async (f: TrustWorld) =>
  (await f.w.ok(await f.w.admin(), 'post', '/admin/announcements', { communityId: f.X.id, title: '公告', body: '内容' })).id as string;

const TARGETS: Record<string, TargetSpec> = {
  'GET /health': { build: () => ({}) },
  'GET /health/live': { build: () => ({}) },
  'GET /health/ready': { build: () => ({}) },
  'GET /wechat/push': { build: () => ({ query: { signature: 'x', timestamp: '1', nonce: '2', echostr: 'hi' } }) },
  'POST /wechat/push': { build: () => ({ query: { signature: 'x', timestamp: '1', nonce: '2' }, body: { Event: 'wxa_media_check', trace_id: 'abc' } }) },
  'POST /auth/wechat/login': { fresh: true, build: (f) => ({ body: { code: `fake:matrix_login:${f.next()}` } }) },
  'POST /auth/staff/login': { build: () => ({ body: { username: 'tw_victim', password: 'password-123' } }) },
  'POST /auth/staff/refresh': {
    fresh: true,
    build: async (f) => {
      const res = await f.t.http.post('/api/v1/auth/staff/login').send({ username: 'tw_victim', password: 'password-123' });
      return { body: { refreshToken: res.body.refreshToken } };
    },
  },
  'POST /auth/staff/wechat': {
    fresh: true,
    build: (f) => ({ body: { code: `fake:matrix_staff:${f.next()}`, username: 'tw_victim', password: 'password-123' } }),
  },
  'POST /auth/staff/wechat/login': {
    fresh: true,
    build: async (f) => {
      await f.t.http.post('/api/v1/auth/staff/wechat').send({ code: `fake:matrix_staff:${f.next()}`, username: 'tw_victim', password: 'password-123' });
      return { body: { code: `fake:matrix_staff:${f.next()}` } };
    },
  },
  'GET /communities': { build: () => ({}) },
  'GET /files/:id': { build: (f) => ({ params: { id: f.photo.id } }) },
  'GET /files/:id/thumb': { build: (f) => ({ params: { id: f.photo.id } }) },
  'GET /communities/:id/rooms': { build: (f) => ({ params: { id: f.X.id }, query: { q: '1201' } }) },
  'GET /communities/:id/locations': { build: (f) => ({ params: { id: f.X.id } }) },
  'GET /service-items': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'GET /service-items/:id/slots': { build: (f) => ({ params: { id: f.serviceItem }, query: { date: tomorrow() } }) },
  'GET /notices/templates': { build: () => ({}) },
  'POST /uploads': { build: async () => ({ file: { content: await solid('jpeg'), filename: 'p.jpg', contentType: 'image/jpeg' } }) },
  'GET /me': { build: () => ({}) },
  'DELETE /me': {
    fresh: true,
    build: async (f, role) =>
      isResident(role) ? { token: (await f.w.resident(`standin_${f.next()}`, { roomId: f.X.roomA.id, name: '张伟', phone: '13812341234' })).token } : {},
  },
  'POST /me/phone': { fresh: true, build: (f) => ({ body: { code: `phone:13800138000:${f.next()}` } }) },
  'POST /me/rooms': { build: (f) => ({ body: { roomId: f.Y.roomB.id, name: '不是业主', phone: '13800000000' } }) },
  'GET /notices': { build: () => ({}) },
  'POST /notices/:id/read': { build: (f) => ({ params: { id: f.noticeA } }) },
  'POST /subscriptions': { build: () => ({ body: { results: { TPL_matrix: 'accept' } } }) },
  'GET /tickets': { build: () => ({ query: { limit: '100' } }) },
  'GET /tickets/counts': { build: () => ({ query: { mine: 'owner' } }) },
  'POST /tickets': {
    perRole: true,
    build: (f, role) => ({ body: isResident(role) || role === 'anon' ? f.w.repair(f.X.roomA.id) : { ...f.w.repair(f.X.roomA.id), channel: 'phone' } }),
  },
  'GET /tickets/:id': { build: (f) => ({ params: { id: f.ticketA.id } }) },
  'GET /tickets/:id/contacts': { build: (f) => ({ params: { id: f.ticketA.id } }) },
  'GET /me/hotline': { build: (f) => ({ query: { roomId: f.X.roomA.id } }) },
  'POST /tickets/:id/claim': onTicket('pooled'),
  'POST /tickets/:id/accept': onTicket('submitted', { note: '已受理' }),
  'POST /tickets/:id/dispatch': { fresh: true, build: async (f) => ({ params: { id: (await f.ticketIn('accepted')).id }, body: { assigneeId: f.ids.techA } }) },
  'POST /tickets/:id/reschedule': onTicket('dispatched', { appointmentAt: new Date(Date.now() + 5 * 3600_000).toISOString(), reason: '业主临时有事' }),
  'POST /tickets/:id/start': onTicket('dispatched', {}),
  'POST /tickets/:id/hold': onTicket('in_progress', { reason: '等待配件' }),
  'POST /tickets/:id/resume': onTicket('held', { reason: '配件到了' }),
  'POST /tickets/:id/resolve': onTicket('in_progress', { note: '已修好' }),
  'POST /tickets/:id/confirm': onTicket('resolved'),
  'POST /tickets/:id/verify': onTicket('resolved', { note: '电话确认' }),
  'POST /tickets/:id/reopen': onTicket('resolved', { reason: '又漏了' }),
  'POST /tickets/:id/revisit': onTicket('closed', { satisfied: true, note: '满意' }),
  'POST /tickets/:id/cancel': onTicket('accepted', { reason: '不需要了' }),
  'POST /tickets/:id/transfer': {
    fresh: true,
    build: async (f) => ({ params: { id: (await f.ticketIn('accepted')).id }, body: { toStaffId: f.ids.sup, reason: '换人跟进' } }),
  },
  'POST /tickets/:id/grade': complaintIn({ level: 'major' }),
  'POST /tickets/:id/judge': complaintIn({ validity: 'valid', note: '调查属实' }),
  'POST /tickets/:id/investigations': complaintIn({ department: '秩序部', task: '核实情况', dueAt: new Date(Date.now() + 24 * 3600_000).toISOString() }),
  'POST /tickets/:id/investigations/:investigationId/report': {
    fresh: true,
    build: async (f) => {
      const tk = await f.ticketIn('accepted', { type: 'complaint', category: '噪音' });
      const given = await f.w.ok(f.tokens.agent!, 'post', `/tickets/${tk.id}/investigations`, {
        assigneeId: f.ids.sup,
        task: '核实情况',
        dueAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      });
      return { params: { id: tk.id, investigationId: given.complaint.investigations[0].id }, body: { result: '情况属实' } };
    },
  },
  'POST /tickets/:id/formal-reply': complaintIn({ result: '已处理', measures: '加强巡查' }),
  'POST /tickets/:id/comments': { build: (f) => ({ params: { id: f.ticketA.id }, body: { note: '补充说明' } }) },
  'POST /tickets/:id/rating': onTicket('resolved', { attitude: 5, timeliness: 4, quality: 5, comment: '好' }),
  'POST /tickets/:id/rating/reply': {
    build: async (f) => {
      const tk = await f.ticketIn('resolved');
      await f.w.ok(f.tokens.resA!, 'post', `/tickets/${tk.id}/rating`, { attitude: 3, timeliness: 3, quality: 3 });
      return { params: { id: tk.id }, body: { reply: '感谢反馈，我们会改进' } };
    },
  },
  'POST /tickets/:id/urge': onTicket('submitted'),
  'POST /tickets/:id/rebook': onTicket('submitted', { slotStart: new Date(Date.now() + 5 * 86400_000).toISOString() }),
  'POST /tickets/:id/reveal-phone': { build: (f) => ({ params: { id: f.ticketA.id } }) },
  'POST /tickets/:id/follow': { fresh: true, build: async (f) => ({ params: { id: await publicTicket(f) } }) },
  'DELETE /tickets/:id/follow': {
    fresh: true,
    perRole: true,
    build: async (f, role) => {
      const id = await publicTicket(f);
      if (isResident(role)) await f.w.ok(f.tokens[role]!, 'post', `/tickets/${id}/follow`);
      return { params: { id } };
    },
  },
  'POST /tickets/:id/follow/rating': {
    fresh: true,
    build: async (f) => {
      const id = await publicTicket(f);
      await f.w.ok(f.tokens.resA!, 'post', `/tickets/${id}/follow`);
      await f.w.ok(f.tokens.agent!, 'post', `/tickets/${id}/accept`);
      await f.w.ok(f.tokens.agent!, 'post', `/tickets/${id}/resolve`, { note: '已修好' });
      return { params: { id }, body: { attitude: 5, timeliness: 5, quality: 5 } };
    },
  },
  'POST /tickets/:id/merge': {
    fresh: true,
    build: async (f) => ({ params: { id: (await f.ticketIn('accepted')).id }, body: { intoTicketId: (await f.ticketIn('submitted')).id } }),
  },
  'GET /staff/notices': { build: () => ({}) },
  'POST /staff/notices/:id/read': { build: (f) => ({ params: { id: f.staffNotice } }) },
  'GET /staff/events': { build: () => ({}) },
  'GET /admin/communities': { build: () => ({}) },
  'POST /admin/communities': { build: (f) => ({ body: { name: `新小区${f.next()}`, address: '某路' } }) },
  'PATCH /admin/communities/:id': { build: (f) => ({ params: { id: f.X.id }, body: { address: '测试路 2 号' } }) },
  'GET /admin/communities/:id/zones': { build: (f) => ({ params: { id: f.X.id } }) },
  'GET /admin/communities/:id/hotlines': { build: (f) => ({ params: { id: f.X.id } }) },
  'PUT /admin/communities/:id/hotlines': { build: (f) => ({ params: { id: f.X.id }, body: { rows: [{ zoneId: null, dayPhone: '59800000' }] } }) },
  'POST /admin/communities/:id/zones': { build: (f) => ({ params: { id: f.X.id }, body: { name: `C${f.next()}` } }) },
  'GET /admin/communities/:id/buildings': { build: (f) => ({ params: { id: f.X.id } }) },
  'POST /admin/communities/:id/buildings': { build: (f) => ({ params: { id: f.X.id }, body: { name: `楼${f.next()}`, zoneId: f.X.zoneA1 } }) },
  'GET /admin/communities/:id/rooms': { build: (f) => ({ params: { id: f.X.id } }) },
  'POST /admin/communities/:id/rooms': {
    build: async (f) => {
      const buildings = await f.w.ok(f.tokens.admin!, 'get', `/admin/communities/${f.X.id}/buildings`);
      return { params: { id: f.X.id }, body: { buildingId: buildings.items[0].id, unit: '9', number: `9${f.next()}01` } };
    },
  },
  'PATCH /admin/communities/:id/rooms/:roomId': { build: (f) => ({ params: { id: f.X.id, roomId: f.X.roomA2.id }, body: { ownerName: '王芳' } }) },
  'POST /admin/communities/:id/rooms/import': {
    build: (f) => ({
      params: { id: f.X.id },
      query: { dryRun: 'true' },
      file: { content: Buffer.from('楼栋,房号\n9,0901\n'), filename: 'rooms.csv', contentType: 'text/csv' },
    }),
  },
  'GET /admin/staff': { build: () => ({}) },
  'GET /admin/communities/:id/places': { build: (f) => ({ params: { id: f.X.id } }) },
  'POST /admin/communities/:id/places': { build: (f) => ({ params: { id: f.X.id }, body: { name: `门岗${f.next()}`, zoneId: f.X.zoneA1 } }) },
  'PATCH /admin/places/:id': { build: async (f) => ({ params: { id: await placeIn(f) }, body: { name: `花园${f.next()}` } }) },
  'POST /admin/communities/:id/places/import': {
    build: (f) => ({
      params: { id: f.X.id },
      query: { dryRun: 'true' },
      file: { content: Buffer.from('名称,分区\n西门,A1\n'), filename: 'places.csv', contentType: 'text/csv' },
    }),
  },
  'POST /admin/staff': {
    build: (f) => ({ body: { username: `new_staff_${f.next()}`, password: 'password-123', name: '新人', roles: ['agent'], communityIds: [f.X.id] } }),
  },
  'PATCH /admin/staff/:id': { build: (f) => ({ params: { id: f.ids.victim }, body: { name: '改过的名字' } }) },
  'DELETE /admin/staff/:id/wechat': { build: (f) => ({ params: { id: f.ids.victim } }) },
  'GET /staff/wecom-settings': { build: () => ({}) },
  'PUT /staff/wecom-settings': { build: () => ({ body: { kinds: ['routed'], quietStart: '22:00', quietEnd: '07:00' } }) },
  'GET /staff/wecom-settings/oauth-url': { build: () => ({}) },
  'POST /staff/wecom-settings/bind': { build: () => ({ body: { code: 'fake:someone' } }) },
  'GET /admin/staff/wecom': { build: () => ({}) },
  'PUT /admin/staff/:id/wecom': { build: (f) => ({ params: { id: f.ids.victim }, body: { userid: `wx_${f.next()}` } }) },
  'POST /admin/staff/wecom/import': {
    build: () => ({ file: { content: Buffer.from('用户名,企业微信账号\n'), filename: 'staff.csv', contentType: 'text/csv' } }),
  },
  'GET /admin/duty-shifts': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/duty-shifts': { fresh: true, build: (f) => ({ body: f.dutyBody(Date.now() + 50 * 86400_000 + f.next() * 3600_000) }) },
  'PUT /admin/duty-shifts/:id': {
    build: async (f) => ({ params: { id: await f.dutyShift() }, body: f.dutyBody(Date.now() + 60 * 86400_000 + f.next() * 3600_000) }),
  },
  'DELETE /admin/duty-shifts/:id': { fresh: true, build: async (f) => ({ params: { id: await f.dutyShift() } }) },
  'GET /admin/incidents': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/incidents': { build: (f) => ({ body: incidentBody(f) }) },
  'GET /admin/incidents/:id': { build: async (f) => ({ params: { id: await incidentIn(f) } }) },
  'PATCH /admin/incidents/:id': {
    fresh: true,
    build: async (f) => ({ params: { id: await incidentIn(f) }, body: { expectedEndAt: new Date(Date.now() + 5 * 3600_000).toISOString() } }),
  },
  'POST /admin/incidents/:id/resolve': { fresh: true, build: async (f) => ({ params: { id: await incidentIn(f) }, body: { resolution: '已恢复' } }) },
  'GET /admin/announcements': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/announcements': { build: (f) => ({ body: { communityId: f.X.id, title: '公告', body: '内容' } }) },
  'POST /admin/announcements/from-incident/:incidentId': { build: async (f) => ({ params: { incidentId: await incidentIn(f) } }) },
  'GET /admin/announcements/:id': { build: async (f) => ({ params: { id: await announcementIn(f) } }) },
  'PATCH /admin/announcements/:id': { fresh: true, build: async (f) => ({ params: { id: await announcementIn(f) }, body: { pinned: true } }) },
  'POST /notices/read-all': { build: () => ({}) },
  'GET /me/incidents': { build: () => ({}) },
  'GET /me/public-requests': { build: (f) => ({ query: { kind: 'zone', zoneId: f.X.zoneA1 } }) },
  'GET /me/following': { build: () => ({}) },
  'GET /me/announcements': { build: () => ({}) },
  'POST /me/announcements/read-all': { build: () => ({}) },
  'POST /me/announcements/:id/read': { build: async (f) => ({ params: { id: await announcementIn(f) } }) },
  'GET /admin/sla-policies': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/sla-policies': { build: (f) => ({ body: f.slaBody() }) },
  'DELETE /admin/sla-policies/:id': { fresh: true, build: async (f) => ({ params: { id: await f.slaPolicy() } }) },
  'GET /admin/service-items': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/service-items': { build: (f) => ({ body: { communityId: f.X.id, name: '开锁', price: 50, durationMin: 30, slotCapacity: 1 } }) },
  'PATCH /admin/service-items/:id': { build: (f) => ({ params: { id: f.serviceItem }, body: { price: 88 } }) },
  'GET /admin/room-bindings': { build: () => ({}) },
  'POST /admin/room-bindings/:id/approve': { fresh: true, build: async (f) => ({ params: { id: await f.pendingBinding() } }) },
  'POST /admin/room-bindings/:id/reject': { fresh: true, build: async (f) => ({ params: { id: await f.pendingBinding() } }) },
  'GET /admin/stats': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'GET /admin/reports/tickets.xlsx': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'GET /admin/audit-logs': { build: () => ({}) },
  'GET /tickets/:id/settlement': { build: (f) => ({ params: { id: f.ticketA.id } }) },
  'GET /tickets/:id/receipt': { build: async (f) => ({ params: { id: (await paid(f)).id } }) },
  'GET /tickets/:id/price-items': { build: (f) => ({ params: { id: f.ticketA.id } }) },
  'POST /tickets/:id/quotes': onTicket('dispatched', { lines: [{ kind: 'labour', name: '人工', unitPriceFen: 3000, quantity: 1 }] }),
  'POST /tickets/:id/quotes/:quoteId/approve': { fresh: true, build: async (f) => ({ params: await quoted(f, false) }) },
  'POST /tickets/:id/quotes/:quoteId/decline': { fresh: true, build: async (f) => ({ params: await quoted(f, false), body: { reason: '太贵' } }) },
  'POST /tickets/:id/payments/wechat': { fresh: true, build: async (f) => ({ params: { id: (await quoted(f, true)).id } }) },
  'POST /tickets/:id/payments/:paymentId/sync': { build: async (f) => ({ params: await paid(f) }) },
  'POST /tickets/:id/payments/offline': {
    fresh: true,
    build: async (f) => ({ params: { id: (await quoted(f, true)).id }, body: { method: 'cash', amountFen: 5000 } }),
  },
  'POST /tickets/:id/payments/:paymentId/refunds': { fresh: true, build: async (f) => ({ params: await paid(f), body: { amountFen: 100, reason: '多收' } }) },
  'POST /tickets/:id/waive': { fresh: true, build: async (f) => ({ params: { id: (await quoted(f, true)).id }, body: { reason: '物业原因' } }) },
  'POST /payments/wechatpay/notify': { build: () => ({ body: { id: 'x', event_type: 'TRANSACTION.SUCCESS', resource: {} } }) },
  'GET /admin/price-items': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/price-items': { build: (f) => ({ body: { communityId: f.X.id, name: `新材料${f.next()}`, unit: '米', unitPriceFen: 1250 } }) },
  'PATCH /admin/price-items/:id': { build: async (f) => ({ params: { id: await priceItemIn(f) }, body: { unitPriceFen: 150 } }) },
  'POST /admin/price-items/import': {
    build: (f) => ({
      query: { communityId: f.X.id },
      file: { content: Buffer.from(`名称,单位,单价（元）\n导入材料${f.next()},个,3.5\n`), filename: 'prices.csv', contentType: 'text/csv' },
    }),
  },
  'GET /admin/payments/unpaid': { build: (f) => ({ query: { communityId: f.X.id } }) },
  'GET /admin/payments/statement.xlsx': { build: (f) => ({ query: { communityId: f.X.id, date: today() } }) },
  'GET /admin/payments/tradebill-check': { build: () => ({ query: { date: today() } }) },
};

/** The matrix sends a few hundred requests a minute per caller; security.e2e-spec checks the limits. */
const NO_RATE_LIMITS = { RATE_LIMIT_PER_MIN: '10000000', RATE_LIMIT_LOGIN_PER_MIN: '1000000', RATE_LIMIT_WRITE_PER_MIN: '1000000' };

const SSE_ROUTES = new Set(['GET /staff/events']);

describe('authorization matrix (issue #9)', () => {
  let t: TestApp;
  let f: TrustWorld;
  let base: string;

  beforeAll(async () => {
    t = await startTestApp('authz', NO_RATE_LIMITS);
    f = await buildTrustWorld(t);
    const server = t.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(() => t?.close());

  it('has a row for every route of the running app, and no row for a route that does not exist', () => {
    const live = routeTable(t.app).map((r) => r.key);
    expect(live.length).toBeGreaterThan(60);
    const missing = live.filter((k) => !(k in MATRIX));
    const stale = Object.keys(MATRIX).filter((k) => !live.includes(k));
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
    expect(Object.keys(TARGETS).sort()).toEqual(Object.keys(MATRIX).sort());
    // The enumeration itself misses nothing the HTTP adapter or the OpenAPI document knows.
    const served = adapterRoutes(t.app);
    if (served) expect(served.filter((k) => !live.includes(k))).toEqual([]);
    expect(openApiRoutes(t.app).filter((k) => !live.includes(k))).toEqual([]);
  });

  it('asks for a token exactly where the route is not @Public, and refuses kinds and roles the decorators exclude', () => {
    const wrong: string[] = [];
    for (const route of routeTable(t.app)) {
      const row = MATRIX[route.key];
      if (!row) continue; // reported by the test above
      if ((route.auth === 'public') !== (row[0] !== 401)) wrong.push(`${route.key}: rule ${route.auth}, anonymous cell ${row[0]}`);
      ROLES.forEach((role, i) => {
        if (role === 'anon') return;
        const staff = !isResident(role);
        const roles: Record<Role, string[]> = {
          anon: [],
          resA: [],
          resB: [],
          agentY: ['agent', 'supervisor'],
          techN: ['technician'],
          techA: ['technician'],
          agent: ['agent'],
          sup: ['supervisor'],
          admin: ['admin'],
        };
        const guardRefuses =
          (route.auth === 'resident' && staff) ||
          (route.auth === 'staff' && (!staff || (route.roles !== undefined && !roles[role].some((r) => route.roles!.includes(r)))));
        if (guardRefuses && row[i] !== 403) wrong.push(`${route.key}: ${role} is refused by the guard, cell ${row[i]}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  async function send(role: Role, route: string, target: Target): Promise<{ status: number; body: any }> {
    const [method, path] = route.split(' ') as [string, string];
    const url = `/api/v1${fillPath(path, target.params ?? {})}${target.query ? `?${new URLSearchParams(target.query)}` : ''}`;
    const token = target.token ?? f.tokens[role];
    if (SSE_ROUTES.has(route)) return sse(url, token);
    let req = (t.http as any)[method.toLowerCase()](url);
    if (token) req = req.set('Authorization', `Bearer ${token}`);
    if (target.file) req = req.attach('file', target.file.content, { filename: target.file.filename, contentType: target.file.contentType });
    else if (target.body !== undefined) req = req.send(target.body);
    const res = await req;
    return { status: res.status, body: res.body };
  }

  /** An event stream never ends: take the status line and hang up. */
  function sse(url: string, token: string | null): Promise<{ status: number; body: any }> {
    return new Promise((resolve, reject) => {
      const req = http.get(`${base}${url}`, { headers: token ? { Authorization: `Bearer ${token}` } : {} }, (res) => {
        if (res.statusCode === 200) {
          resolve({ status: 200, body: null });
          req.destroy();
          return;
        }
        let text = '';
        res.on('data', (c) => (text += c));
        res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(text || 'null') }));
      });
      req.on('error', (e) => (e.message === 'socket hang up' ? undefined : reject(e)));
    });
  }

  const matches = (cell: Cell, status: number) => (cell === 'ok' ? status >= 200 && status < 300 : status === cell);

  it.each(Object.keys(MATRIX))('%s', async (route) => {
    const row = MATRIX[route]!;
    const spec = TARGETS[route]!;
    const write = !route.startsWith('GET ');
    const problems: string[] = [];
    const shared = await spec.build(f, 'shared');
    // Refusals first, on the shared target: nothing may change.
    const order = ROLES.map((role, i) => ({ role, cell: row[i]! })).sort((a, b) => Number(a.cell === 'ok') - Number(b.cell === 'ok'));
    for (const { role, cell } of order) {
      const target = spec.perRole || (cell === 'ok' && spec.fresh) ? await spec.build(f, role) : shared;
      const before = write && cell !== 'ok' ? await f.checksum() : null;
      const res = await send(role, route, target);
      if (!matches(cell, res.status))
        problems.push(`${role} (${ROLE_LABELS[role]}): expected ${cell}, got ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`);
      if (res.status >= 400) {
        const b = res.body;
        if (!(b && b.statusCode === res.status && /^[A-Z][A-Z0-9_]*$/.test(b.code) && typeof b.message === 'string' && b.message.length > 0)) {
          problems.push(`${role}: error body not {statusCode, code, message}: ${JSON.stringify(b)}`);
        }
      }
      if (before !== null && res.status >= 300) {
        const after = await f.checksum();
        if (after !== before) problems.push(`${role}: refused with ${res.status} but stored data changed: ${diff(before, after)}`);
      }
    }
    expect(problems).toEqual([]);
  });

  // ---- what the lists and the files let through (IDOR beyond status codes) ----

  it('lists nothing of A to B, nothing of X to the agent of Y, and only their jobs to technicians', async () => {
    const mine = (await f.ticketIn('submitted')).id;
    const ids = async (role: Role, path: string) => ((await f.w.ok(f.tokens[role]!, 'get', path)).items as { id: string }[]).map((i) => i.id);
    expect(await ids('resA', '/tickets?limit=100')).toEqual(expect.arrayContaining([f.ticketA.id, mine]));
    for (const role of ['resB', 'agentY', 'techN'] as const) {
      const seen = await ids(role, '/tickets?limit=100');
      expect({ role, seen: seen.filter((id) => id === f.ticketA.id || id === mine) }).toEqual({ role, seen: [] });
    }
    const techSeen = await ids('techA', '/tickets?limit=100');
    expect(techSeen).toContain(f.ticketA.id);
    expect(techSeen).not.toContain(mine);
    // Filters cannot widen the scope.
    for (const q of [`communityId=${f.X.id}`]) expect((await f.w.as(f.tokens.agentY!, 'get', `/tickets?${q}`)).status).toBe(403);
    expect(await ids('agentY', `/tickets?ownerId=${f.ids.agent}&limit=100`)).toEqual([]);
    expect(await ids('resB', `/tickets?q=${encodeURIComponent(f.ticketA.no)}`)).toEqual([]);
    expect(await ids('techN', `/tickets?assigneeId=${f.ids.techA}`)).toEqual([]);
  });

  it('shows the agent of Y none of X: communities, staff, bindings, stats, export, staff notices', async () => {
    const y = f.tokens.agentY!;
    expect((await f.w.ok(y, 'get', '/admin/communities')).items.map((c: { id: string }) => c.id)).toEqual([f.Y.id]);
    const staff = (await f.w.ok(y, 'get', '/admin/staff?limit=100')).items as { id: string; communityIds: string[] }[];
    expect(staff.map((s) => s.id)).toEqual([f.ids.agentY]);
    expect((await f.w.as(y, 'get', `/admin/staff?communityId=${f.X.id}`)).status).toBe(403);
    const pending = await f.pendingBinding();
    for (const status of ['pending', 'approved', 'rejected']) {
      const items = (await f.w.ok(y, 'get', `/admin/room-bindings?status=${status}&limit=100`)).items as { communityId: string; id: string }[];
      expect(items.filter((b) => b.communityId === f.X.id || b.id === pending)).toEqual([]);
      const filtered = await f.w.as(y, 'get', `/admin/room-bindings?status=${status}&communityId=${f.X.id}`);
      expect(filtered.status === 403 || (filtered.status === 200 && filtered.body.items.length === 0)).toBe(true);
    }
    expect((await f.w.as(y, 'get', `/admin/stats?communityId=${f.X.id}`)).status).toBe(403);
    // The export without a community filter: Y's own requests only.
    const xlsx = await t.http.get('/api/v1/admin/reports/tickets.xlsx').set('Authorization', `Bearer ${y}`).buffer(true).parse(binary);
    expect(xlsx.status).toBe(200);
    const text = await workbookText(xlsx.body as Buffer);
    expect(text).not.toContain(f.ticketA.no);
    expect(text).not.toContain('X小区');
    expect((await f.w.ok(y, 'get', '/staff/notices?limit=100')).items).toEqual([]);
  });

  it('keeps A’s notices and photos from B', async () => {
    const bNotices = (await f.w.ok(f.tokens.resB!, 'get', '/notices?limit=100')).items as { id: string; ticketId: string | null }[];
    expect(bNotices.filter((n) => n.id === f.noticeA || n.ticketId === f.ticketA.id)).toEqual([]);
    // B cannot attach A's photo to their own request (which would mint B a URL to it).
    const own = await f.w.ok(f.tokens.resB!, 'post', '/tickets', f.w.repair(f.X.roomA2.id));
    const stolen = await f.w.as(f.tokens.resB!, 'post', `/tickets/${own.id}/comments`, { note: '看看', photoIds: [f.photo.id] });
    expect(stolen.status).toBeGreaterThanOrEqual(400);
    expect(stolen.status).toBeLessThan(500);
    const after = await f.w.ok(f.tokens.resB!, 'get', `/tickets/${own.id}`);
    expect(JSON.stringify(after)).not.toContain(`/files/${f.photo.id}`);
    const staffStolen = await f.w.as(f.tokens.agentY!, 'post', '/tickets', { ...f.w.repair(f.Y.roomA.id), channel: 'phone', photoIds: [f.photo.id] });
    expect(staffStolen.status).toBeGreaterThanOrEqual(400);
    // A signed URL opens exactly its own photo, for whoever holds it; tampering is 403.
    expect((await t.http.get(f.photo.url.replace(/^.*\/api\/v1/, '/api/v1'))).status).toBe(200);
    const other = await t.http
      .post('/api/v1/uploads')
      .set('Authorization', `Bearer ${f.tokens.resB}`)
      .attach('file', await solid('png'), 'b.png');
    const swapped = f.photo.url.replace(/^.*\/api\/v1/, '/api/v1').replace(`/files/${f.photo.id}`, `/files/${other.body.id}`);
    expect((await t.http.get(swapped)).status).toBe(403);
    const thumbAsFull = f.photo.thumbUrl.replace(/^.*\/api\/v1/, '/api/v1').replace('/thumb', '');
    expect((await t.http.get(thumbAsFull)).status).toBe(403);
  });

  it('answers a hidden object exactly like one that does not exist (no existence oracle)', async () => {
    const cases: [Role, string, string][] = [
      ['resB', 'get', `/tickets/${f.ticketA.id}`],
      ['agentY', 'get', `/tickets/${f.ticketA.id}`],
      ['techN', 'post', `/tickets/${f.ticketA.id}/comments`],
      ['resB', 'post', `/notices/${f.noticeA}/read`],
      ['agentY', 'get', `/admin/communities/${f.X.id}/rooms`],
      ['sup', 'post', `/staff/notices/${f.staffNotice}/read`],
    ];
    for (const [role, method, path] of cases) {
      const hidden = await f.w.as(f.tokens[role]!, method as 'get', path, method === 'post' ? { note: 'x' } : undefined);
      const missing = await f.w.as(
        f.tokens[role]!,
        method as 'get',
        path.replace(/\/(\d+)(\/|$)/, '/987654321$2'),
        method === 'post' ? { note: 'x' } : undefined,
      );
      expect({ path, role, status: hidden.status, body: hidden.body }).toEqual({ path, role, status: missing.status, body: missing.body });
    }
  });
});

function diff(before: string, after: string): string {
  const a = new Set(before.split(' '));
  return after
    .split(' ')
    .filter((p) => !a.has(p))
    .map((p) => p.split('=')[0])
    .join(', ');
}

function binary(res: any, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

async function workbookText(buf: Buffer): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((sheet) => sheet.eachRow((row) => out.push(JSON.stringify(row.values))));
  return out.join('\n');
}
