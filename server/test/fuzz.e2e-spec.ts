import fc from 'fast-check';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { encodeCursor } from '@yizhan/shared';
import { pushSignature } from '../src/modules/wechat/push-crypto';
import { solid } from './support/images';
import { fillPath, routeTable } from './support/route-table';
import { startTestApp, TestApp } from './support/test-app';
import { buildTrustWorld, Role, TrustWorld } from './support/trust-world';

/**
 * Issue #9 "Trust" — property-based fuzzing of every route of the running app, each
 * called by a role that may call it, starting from a valid request and breaking it:
 * malformed and prototype-polluting JSON, wrong types, arrays for objects, huge and
 * unicode strings (emoji, RTL, NUL, lone surrogates), numbers at the edges, bad ids,
 * bad cursors, odd query strings and content types.
 *
 * Properties: never a 5xx; every 4xx is {statusCode, code: UPPER_SNAKE, message}; a
 * refused write changes no stored data (checksums of the guarded tables); nothing is
 * polluted in the server's process.
 *
 * Reproduce a failure: FUZZ_SEED=<seed> npx jest test/fuzz.e2e-spec.ts -t '<route>'
 * (the seed is printed with the counterexample). FUZZ_RUNS raises the runs per route.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 9_2026);
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);
/** Message push is switched on here (unlike the matrix), so its signature check and parsing are fuzzed too. */
const PUSH_TOKEN = 'fuzz-push-token';
const signedPush = () => ({ signature: pushSignature(PUSH_TOKEN, '1700000000', 'nonce'), timestamp: '1700000000', nonce: 'nonce' });

interface Target {
  /** sent instead of the role's token (a stand-in, for actions on the caller's own account) */
  token?: string;
  params?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, unknown>;
  file?: { content: Buffer; filename: string; contentType: string };
}
interface FuzzSpec {
  role: Role;
  build: (f: TrustWorld) => Promise<Target> | Target;
  /** Why a refused request to this route may still write (and which check is skipped). */
  refusedMayWrite?: string;
}

const tomorrow = () => new Date(Date.now() + 86400_000 + 8 * 3600_000).toISOString().slice(0, 10);
const onTicket =
  (role: Role, stage: Parameters<TrustWorld['ticketIn']>[0], body: Record<string, unknown> = {}): FuzzSpec['build'] =>
  async (f) => ({ params: { id: (await f.ticketIn(stage)).id }, body });

/** A complaint the agent on duty owns (not about a person, so not routed to a supervisor). */
const complaintBody = { type: 'complaint', category: '噪音' };

/** Who calls each route and the valid request the fuzzer starts from. */
const incidentBody = (f: TrustWorld) => ({
  communityId: f.X.id,
  zoneIds: [f.X.zoneA1],
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
/** An open public request of X: the agent's patrol report about a unit's common area. */
const publicTicket = async (f: TrustWorld) =>
  (
    await f.w.ok(f.tokens.agent!, 'post', '/tickets', {
      type: 'repair',
      channel: 'patrol',
      location: { kind: 'unit', buildingId: f.X.buildingA, unit: '2' },
      category: '公共设施',
      description: `第${f.next()}号巡查：楼道灯不亮`,
    })
  ).id as string;

/** A dispatched request of A with a quote: pending, or approved by A (something due); and paid in cash. */
const quoted = async (f: TrustWorld, decided: boolean) => {
  const tk = await f.ticketIn('dispatched');
  const q = await f.w.ok(f.tokens.techA!, 'post', `/tickets/${tk.id}/quotes`, { lines: [{ kind: 'labour', unitPriceFen: 5000, quantity: 1 }] });
  if (decided) await f.w.ok(f.tokens.resA!, 'post', `/tickets/${tk.id}/quotes/${q.quotes[0].id}/approve`);
  return { id: tk.id, quoteId: q.quotes[0].id as string };
};
const paid = async (f: TrustWorld) => {
  const { id } = await quoted(f, true);
  const s = await f.w.ok(f.tokens.agent!, 'post', `/tickets/${id}/payments/offline`, { method: 'cash', amountFen: 5000 });
  return { id, paymentId: s.payments[0].id as string };
};
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

const FUZZ: Record<string, FuzzSpec> = {
  'GET /health': { role: 'anon', build: () => ({}) },
  'GET /health/live': { role: 'anon', build: () => ({}) },
  'GET /health/ready': { role: 'anon', build: () => ({}) },
  'GET /wechat/push': { role: 'anon', build: () => ({ query: { ...signedPush(), echostr: 'e' } }) },
  'POST /wechat/push': {
    role: 'anon',
    build: () => ({
      query: signedPush(),
      body: {
        ToUserName: 'gh_x',
        FromUserName: 'o_x',
        CreateTime: 1700000000,
        MsgType: 'event',
        Event: 'wxa_media_check',
        trace_id: 'fuzz-trace',
        result: { suggest: 'pass', label: 100 },
      },
    }),
  },
  'POST /auth/wechat/login': { role: 'anon', build: (f) => ({ body: { code: `fake:fuzz_login:${f.next()}` } }) },
  'POST /auth/staff/login': {
    role: 'anon',
    build: () => ({ body: { username: 'tw_victim', password: 'password-123' } }),
    refusedMayWrite: 'a wrong password is counted towards the lockout (staff.failed_logins, audit)',
  },
  'POST /auth/staff/wechat': {
    role: 'anon',
    build: (f) => ({ body: { code: `fake:fuzz_staff:${f.next()}`, username: 'tw_victim', password: 'password-123' } }),
    refusedMayWrite:
      'the password is checked before the code: a wrong one counts towards the lockout, a right one clears the count (staff.failed_logins, audit)',
  },
  'POST /auth/staff/wechat/login': {
    role: 'anon',
    build: async (f) => {
      await f.t.http.post('/api/v1/auth/staff/wechat').send({ code: `fake:fuzz_staff_login:${f.next()}`, username: 'tw_sup', password: 'password-123' });
      return { body: { code: `fake:fuzz_staff_login:${f.next()}` } };
    },
  },
  'POST /auth/staff/refresh': {
    role: 'anon',
    build: async (f) => ({
      body: { refreshToken: (await f.t.http.post('/api/v1/auth/staff/login').send({ username: 'tw_sup', password: 'password-123' })).body.refreshToken },
    }),
    refusedMayWrite: 'a reused refresh token revokes its family (refresh_tokens)',
  },
  'GET /communities': { role: 'anon', build: () => ({}) },
  'GET /files/:id': { role: 'anon', build: (f) => ({ params: { id: f.photo.id }, query: Object.fromEntries(new URL(f.photo.url, 'http://x').searchParams) }) },
  'GET /files/:id/thumb': {
    role: 'anon',
    build: (f) => ({ params: { id: f.photo.id }, query: Object.fromEntries(new URL(f.photo.thumbUrl, 'http://x').searchParams) }),
  },
  'GET /communities/:id/rooms': { role: 'resA', build: (f) => ({ params: { id: f.X.id }, query: { q: '1201' } }) },
  'GET /service-items': { role: 'resA', build: (f) => ({ query: { communityId: f.X.id } }) },
  'GET /service-items/:id/slots': { role: 'resA', build: (f) => ({ params: { id: f.serviceItem }, query: { date: tomorrow() } }) },
  'GET /notices/templates': { role: 'resA', build: () => ({}) },
  'POST /uploads': { role: 'resA', build: async () => ({ file: { content: await solid('jpeg'), filename: 'p.jpg', contentType: 'image/jpeg' } }) },
  'GET /me': { role: 'resA', build: () => ({}) },
  'GET /me/hotline': { role: 'resA', build: (f) => ({ query: { roomId: f.X.roomA.id } }) },
  'DELETE /me': {
    role: 'resB',
    build: async (f) => ({ token: (await f.w.resident(`fuzz_standin_${f.next()}`, { roomId: f.X.roomA.id, name: '张伟', phone: '13812341234' })).token }),
  },
  'POST /me/phone': { role: 'resA', build: (f) => ({ body: { code: `phone:13800138000:${f.next()}` } }) },
  'POST /me/rooms': { role: 'resB', build: (f) => ({ body: { roomId: f.Y.roomB.id, name: '不是业主', phone: '13800000000' } }) },
  'GET /notices': { role: 'resA', build: () => ({ query: { limit: '5' } }) },
  'POST /notices/read-all': { role: 'resA', build: () => ({}) },
  'GET /me/incidents': { role: 'resA', build: () => ({}) },
  'GET /me/public-requests': { role: 'resA', build: (f) => ({ query: { kind: 'unit', buildingId: f.X.buildingA, unit: '2' } }) },
  'GET /me/following': { role: 'resA', build: () => ({}) },
  'GET /communities/:id/locations': { role: 'resA', build: (f) => ({ params: { id: f.X.id } }) },
  'GET /me/announcements': { role: 'resA', build: () => ({}) },
  'POST /me/announcements/read-all': { role: 'resA', build: () => ({}) },
  'POST /me/announcements/:id/read': { role: 'resA', build: async (f) => ({ params: { id: await announcementIn(f) } }) },
  'POST /notices/:id/read': { role: 'resA', build: (f) => ({ params: { id: f.noticeA } }) },
  'POST /subscriptions': { role: 'resA', build: () => ({ body: { results: { TPL_fuzz: 'accept' } } }) },
  'GET /tickets': {
    role: 'agent',
    build: () => ({ query: { limit: '5', sort: 'deadline', status: 'submitted', stage: 'open', overdue: 'false', q: '漏水' } }),
  },
  'GET /tickets/counts': { role: 'agent', build: () => ({ query: { stage: 'open', mine: 'owner', overdue: 'false', q: '漏水' } }) },
  'POST /tickets': { role: 'resA', build: (f) => ({ body: f.w.repair(f.X.roomA.id, { priority: 'normal', photoIds: [] }) }) },
  'GET /tickets/:id': { role: 'resA', build: (f) => ({ params: { id: f.ticketA.id } }) },
  'GET /tickets/:id/contacts': { role: 'resA', build: (f) => ({ params: { id: f.ticketA.id } }) },
  'POST /tickets/:id/claim': { role: 'agent', build: onTicket('agent', 'pooled') },
  'POST /tickets/:id/accept': { role: 'agent', build: onTicket('agent', 'submitted', { note: '已受理' }) },
  'POST /tickets/:id/dispatch': {
    role: 'agent',
    build: async (f) => ({
      params: { id: (await f.ticketIn('accepted')).id },
      body: { assigneeId: f.ids.techA, appointmentAt: new Date(Date.now() + 86400_000).toISOString(), note: '明早' },
    }),
  },
  'POST /tickets/:id/reschedule': {
    role: 'techA',
    build: onTicket('techA', 'dispatched', { appointmentAt: new Date(Date.now() + 5 * 3600_000).toISOString(), reason: '业主临时有事' }),
  },
  'POST /tickets/:id/start': { role: 'techA', build: onTicket('techA', 'dispatched', { note: '到了' }) },
  'POST /tickets/:id/hold': { role: 'agent', build: onTicket('agent', 'in_progress', { reason: '等配件' }) },
  'POST /tickets/:id/resume': { role: 'agent', build: onTicket('agent', 'held', { reason: '到了' }) },
  'POST /tickets/:id/resolve': { role: 'techA', build: onTicket('techA', 'in_progress', { note: '修好了', fee: 12.5, photoIds: [] }) },
  'POST /tickets/:id/confirm': { role: 'resA', build: onTicket('resA', 'resolved') },
  'POST /tickets/:id/verify': { role: 'agent', build: onTicket('agent', 'resolved', { note: '电话确认' }) },
  'POST /tickets/:id/reopen': { role: 'resA', build: onTicket('resA', 'resolved', { reason: '又漏了' }) },
  'POST /tickets/:id/grade': {
    role: 'agent',
    build: async (f) => ({ params: { id: (await f.ticketIn('accepted', complaintBody)).id }, body: { level: 'major', reason: '涉及多户' } }),
  },
  'POST /tickets/:id/judge': {
    role: 'agent',
    build: async (f) => ({ params: { id: (await f.ticketIn('accepted', complaintBody)).id }, body: { validity: 'valid', note: '调查属实' } }),
  },
  'POST /tickets/:id/investigations': {
    role: 'agent',
    build: async (f) => ({
      params: { id: (await f.ticketIn('accepted', complaintBody)).id },
      body: { department: '秩序部', assigneeId: f.ids.sup, task: '核实情况', dueAt: new Date(Date.now() + 24 * 3600_000).toISOString() },
    }),
  },
  'POST /tickets/:id/investigations/:investigationId/report': {
    role: 'agent',
    build: async (f) => {
      const tk = await f.ticketIn('accepted', complaintBody);
      const given = await f.w.ok(f.tokens.agent!, 'post', `/tickets/${tk.id}/investigations`, {
        department: '秩序部',
        task: '核实情况',
        dueAt: new Date(Date.now() + 24 * 3600_000).toISOString(),
      });
      return { params: { id: tk.id, investigationId: given.complaint.investigations[0].id }, body: { result: '情况属实' } };
    },
  },
  'POST /tickets/:id/formal-reply': {
    role: 'agent',
    build: async (f) => ({ params: { id: (await f.ticketIn('accepted', complaintBody)).id }, body: { result: '已处理', measures: '加强巡查' } }),
  },
  'POST /tickets/:id/revisit': { role: 'agent', build: onTicket('agent', 'closed', { satisfied: true, note: '满意' }) },
  'POST /tickets/:id/cancel': { role: 'resA', build: onTicket('resA', 'submitted', { reason: '不需要了' }) },
  'POST /tickets/:id/transfer': {
    role: 'sup',
    build: async (f) => ({ params: { id: (await f.ticketIn('accepted')).id }, body: { toStaffId: f.ids.sup, reason: '换人' } }),
  },
  'POST /tickets/:id/comments': { role: 'resA', build: (f) => ({ params: { id: f.ticketA.id }, body: { note: '补充', photoIds: [] } }) },
  'POST /tickets/:id/rating': { role: 'resA', build: onTicket('resA', 'resolved', { attitude: 5, timeliness: 4, quality: 3, comment: '好' }) },
  'POST /tickets/:id/rating/reply': {
    role: 'agent',
    build: async (f) => {
      const tk = await f.ticketIn('resolved');
      await f.w.ok(f.tokens.resA!, 'post', `/tickets/${tk.id}/rating`, { attitude: 3, timeliness: 3, quality: 3 });
      return { params: { id: tk.id }, body: { reply: '谢谢' } };
    },
  },
  'POST /tickets/:id/urge': { role: 'resA', build: onTicket('resA', 'submitted') },
  'POST /tickets/:id/rebook': { role: 'resA', build: onTicket('resA', 'submitted', { slotStart: new Date(Date.now() + 5 * 86400_000).toISOString() }) },
  'POST /tickets/:id/reveal-phone': { role: 'agent', build: (f) => ({ params: { id: f.ticketA.id } }) },
  'POST /tickets/:id/follow': { role: 'resB', build: async (f) => ({ params: { id: await publicTicket(f) } }) },
  'DELETE /tickets/:id/follow': {
    role: 'resB',
    build: async (f) => {
      const id = await publicTicket(f);
      await f.w.ok(f.tokens.resB!, 'post', `/tickets/${id}/follow`);
      return { params: { id } };
    },
  },
  'POST /tickets/:id/follow/rating': {
    role: 'resB',
    build: async (f) => {
      const id = await publicTicket(f);
      await f.w.ok(f.tokens.resB!, 'post', `/tickets/${id}/follow`);
      await f.w.ok(f.tokens.agent!, 'post', `/tickets/${id}/accept`);
      await f.w.ok(f.tokens.agent!, 'post', `/tickets/${id}/resolve`, { note: '已修好' });
      return { params: { id }, body: { attitude: 4, timeliness: 5, quality: 3, comment: '好', tags: [] } };
    },
  },
  'POST /tickets/:id/merge': {
    role: 'agent',
    build: async (f) => ({ params: { id: (await f.ticketIn('accepted')).id }, body: { intoTicketId: (await f.ticketIn('submitted')).id, note: '同一问题' } }),
  },
  'GET /staff/notices': { role: 'agent', build: () => ({ query: { unread: 'true', limit: '5' } }) },
  'POST /staff/notices/:id/read': { role: 'agent', build: (f) => ({ params: { id: f.staffNotice } }) },
  'GET /staff/events': { role: 'agent', build: () => ({}) },
  'GET /admin/communities': { role: 'admin', build: () => ({ query: { limit: '5' } }) },
  'POST /admin/communities': { role: 'admin', build: () => ({ body: { name: '新小区', address: '某路' } }) },
  'PATCH /admin/communities/:id': { role: 'admin', build: (f) => ({ params: { id: f.Y.id }, body: { name: 'Y小区', address: '隔壁路' } }) },
  'GET /admin/communities/:id/zones': { role: 'agent', build: (f) => ({ params: { id: f.X.id } }) },
  'GET /admin/communities/:id/hotlines': { role: 'agent', build: (f) => ({ params: { id: f.X.id } }) },
  'PUT /admin/communities/:id/hotlines': {
    role: 'admin',
    build: (f) => ({
      params: { id: f.Y.id },
      body: {
        rows: [
          {
            zoneId: null,
            dayPhone: '59800000',
            nightPhone: '59800003',
            dayFrom: '08:30',
            dayTo: '21:00',
            technicianPhone: '59800006',
            technicianOwnPhone: false,
          },
        ],
      },
    }),
  },
  'POST /admin/communities/:id/zones': { role: 'admin', build: (f) => ({ params: { id: f.Y.id }, body: { name: 'C9' } }) },
  'GET /admin/communities/:id/buildings': { role: 'agent', build: (f) => ({ params: { id: f.X.id } }) },
  'POST /admin/communities/:id/buildings': { role: 'admin', build: (f) => ({ params: { id: f.Y.id }, body: { name: '99', zoneId: f.Y.zoneA1 } }) },
  'GET /admin/communities/:id/rooms': { role: 'agent', build: (f) => ({ params: { id: f.X.id }, query: { q: '12', limit: '5' } }) },
  'POST /admin/communities/:id/rooms': {
    role: 'admin',
    build: async (f) => {
      const buildings = await f.w.ok(f.tokens.admin!, 'get', `/admin/communities/${f.Y.id}/buildings`);
      return { params: { id: f.Y.id }, body: { buildingId: buildings.items[0].id, unit: '1', number: '0101', ownerName: '某某', ownerPhone: '13800001111' } };
    },
  },
  'PATCH /admin/communities/:id/rooms/:roomId': {
    role: 'admin',
    build: (f) => ({ params: { id: f.Y.id, roomId: f.Y.roomA2.id }, body: { ownerName: '王芳', ownerPhone: '13912345678' } }),
  },
  'POST /admin/communities/:id/rooms/import': {
    role: 'admin',
    build: (f) => ({
      params: { id: f.Y.id },
      query: { dryRun: 'true' },
      file: { content: Buffer.from('分区,楼栋,单元,房号,业主姓名,业主电话\nA1,3,2,1201,张伟,13812341234\n'), filename: 'rooms.csv', contentType: 'text/csv' },
    }),
  },
  'GET /admin/communities/:id/places': { role: 'agent', build: (f) => ({ params: { id: f.X.id } }) },
  'POST /admin/communities/:id/places': {
    role: 'admin',
    build: (f) => ({ params: { id: f.X.id }, body: { name: `门岗${f.next()}`, zoneId: f.X.zoneA1, buildingId: null } }),
  },
  'PATCH /admin/places/:id': {
    role: 'admin',
    build: async (f) => ({
      params: { id: (await f.w.ok(f.tokens.admin!, 'post', `/admin/communities/${f.X.id}/places`, { name: `车棚${f.next()}` })).id },
      body: { name: `花园${f.next()}`, active: true, zoneId: null },
    }),
  },
  'POST /admin/communities/:id/places/import': {
    role: 'admin',
    build: (f) => ({
      params: { id: f.X.id },
      query: { dryRun: 'true' },
      file: { content: Buffer.from('名称,分区,楼栋\n西门,A1,3\n'), filename: 'places.csv', contentType: 'text/csv' },
    }),
  },
  'GET /admin/staff': { role: 'agent', build: (f) => ({ query: { role: 'technician', communityId: f.X.id, q: '师傅', limit: '5' } }) },
  'POST /admin/staff': {
    role: 'admin',
    build: (f) => ({
      body: {
        username: `fuzz_${f.next()}`,
        password: 'password-123',
        name: '新人',
        phone: '13800002222',
        roles: ['agent'],
        communityIds: [f.Y.id],
        skills: ['水电'],
      },
    }),
  },
  'DELETE /admin/staff/:id/wechat': { role: 'admin', build: (f) => ({ params: { id: f.ids.victim } }) },
  // WeCom is off in this app (no WECOM_CORP_ID): the settings answer, binding and OAuth are 409.
  'GET /staff/wecom-settings': { role: 'agent', build: () => ({}) },
  'PUT /staff/wecom-settings': { role: 'agent', build: () => ({ body: { kinds: ['routed'], quietStart: '22:00', quietEnd: '07:00' } }) },
  'GET /staff/wecom-settings/oauth-url': { role: 'agent', build: () => ({ query: { back: '/admin/settings/notify' } }) },
  'POST /staff/wecom-settings/bind': { role: 'agent', build: (f) => ({ body: { code: `fake:fuzz_${f.next()}` } }) },
  'GET /admin/staff/wecom': { role: 'admin', build: () => ({}) },
  'PUT /admin/staff/:id/wecom': { role: 'admin', build: (f) => ({ params: { id: f.ids.victim }, body: { userid: `wx_${f.next()}` } }) },
  'POST /admin/staff/wecom/import': {
    role: 'admin',
    build: () => ({ file: { content: Buffer.from('用户名,企业微信账号\n'), filename: 'staff.csv', contentType: 'text/csv' } }),
  },
  'PATCH /admin/staff/:id': {
    role: 'admin',
    build: (f) => ({ params: { id: f.ids.victim }, body: { name: '被改的员工', roles: ['agent'], communityIds: [f.X.id], skills: [], active: true } }),
  },
  'GET /admin/duty-shifts': { role: 'sup', build: (f) => ({ query: { communityId: f.X.id, from: new Date().toISOString(), limit: '5' } }) },
  'POST /admin/duty-shifts': { role: 'sup', build: (f) => ({ body: f.dutyBody(Date.now() + 70 * 86400_000) }) },
  'PUT /admin/duty-shifts/:id': { role: 'sup', build: async (f) => ({ params: { id: await f.dutyShift() }, body: f.dutyBody(Date.now() + 80 * 86400_000) }) },
  'DELETE /admin/duty-shifts/:id': { role: 'sup', build: async (f) => ({ params: { id: await f.dutyShift() } }) },
  'GET /admin/incidents': { role: 'agent', build: (f) => ({ query: { communityId: f.X.id, status: 'active' } }) },
  'POST /admin/incidents': { role: 'agent', build: (f) => ({ body: incidentBody(f) }) },
  'GET /admin/incidents/:id': { role: 'agent', build: async (f) => ({ params: { id: await incidentIn(f) } }) },
  'PATCH /admin/incidents/:id': {
    role: 'agent',
    build: async (f) => ({ params: { id: await incidentIn(f) }, body: { expectedEndAt: new Date(Date.now() + 5 * 3600_000).toISOString(), note: '抢修中' } }),
  },
  'POST /admin/incidents/:id/resolve': { role: 'agent', build: async (f) => ({ params: { id: await incidentIn(f) }, body: { resolution: '已恢复' } }) },
  'GET /admin/announcements': { role: 'agent', build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/announcements': {
    role: 'agent',
    build: (f) => ({
      body: { communityId: f.X.id, zoneIds: [f.X.zoneA1], title: '公告', body: '内容', pinned: true, endsAt: new Date(Date.now() + 86400_000).toISOString() },
    }),
  },
  'POST /admin/announcements/from-incident/:incidentId': { role: 'agent', build: async (f) => ({ params: { incidentId: await incidentIn(f) } }) },
  'GET /admin/announcements/:id': { role: 'agent', build: async (f) => ({ params: { id: await announcementIn(f) } }) },
  'PATCH /admin/announcements/:id': {
    role: 'agent',
    build: async (f) => ({ params: { id: await announcementIn(f) }, body: { pinned: false, title: '新标题' } }),
  },
  'GET /admin/sla-policies': { role: 'sup', build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/sla-policies': { role: 'sup', build: (f) => ({ body: f.slaBody() }) },
  'DELETE /admin/sla-policies/:id': { role: 'sup', build: async (f) => ({ params: { id: await f.slaPolicy() } }) },
  'GET /admin/service-items': { role: 'agent', build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/service-items': {
    role: 'admin',
    build: (f) => ({ body: { communityId: f.X.id, name: '开锁', description: '上门开锁', price: 50, durationMin: 30, slotCapacity: 1 } }),
  },
  'PATCH /admin/service-items/:id': {
    role: 'admin',
    build: (f) => ({ params: { id: f.serviceItem }, body: { name: '家电清洗', price: 99, durationMin: 60, slotCapacity: 2, active: true } }),
  },
  'GET /admin/room-bindings': { role: 'agent', build: (f) => ({ query: { status: 'pending', communityId: f.X.id, limit: '5' } }) },
  'POST /admin/room-bindings/:id/approve': { role: 'agent', build: async (f) => ({ params: { id: await f.pendingBinding() } }) },
  'POST /admin/room-bindings/:id/reject': { role: 'agent', build: async (f) => ({ params: { id: await f.pendingBinding() } }) },
  'GET /admin/stats': {
    role: 'sup',
    build: (f) => ({ query: { communityId: f.X.id, from: new Date(Date.now() - 30 * 86400_000).toISOString(), to: new Date().toISOString() } }),
  },
  'GET /admin/reports/tickets.xlsx': { role: 'sup', build: (f) => ({ query: { communityId: f.X.id, status: 'dispatched', q: '漏' } }) },
  'GET /admin/audit-logs': { role: 'admin', build: () => ({ query: { limit: '5', targetType: 'ticket', action: 'ticket.accept' } }) },
  // paid services (WeChat Pay is off here: paying answers PAYMENT_UNAVAILABLE, the notify route 404)
  'GET /tickets/:id/settlement': { role: 'resA', build: (f) => ({ params: { id: f.ticketA.id } }) },
  'GET /tickets/:id/receipt': { role: 'resA', build: async (f) => ({ params: { id: (await paid(f)).id } }) },
  'GET /tickets/:id/price-items': { role: 'techA', build: (f) => ({ params: { id: f.ticketA.id } }) },
  'POST /tickets/:id/quotes': {
    role: 'techA',
    build: onTicket('techA', 'dispatched', {
      lines: [
        { kind: 'labour', name: '人工', unitPriceFen: 3000, quantity: 2 },
        { kind: 'discount', unitPriceFen: 500, quantity: 1 },
      ],
      note: '需更换',
    }),
  },
  'POST /tickets/:id/quotes/:quoteId/approve': { role: 'resA', build: async (f) => ({ params: await quoted(f, false) }) },
  'POST /tickets/:id/quotes/:quoteId/decline': { role: 'resA', build: async (f) => ({ params: await quoted(f, false), body: { reason: '太贵' } }) },
  'POST /tickets/:id/payments/wechat': { role: 'resA', build: async (f) => ({ params: { id: (await quoted(f, true)).id } }) },
  'POST /tickets/:id/payments/:paymentId/sync': { role: 'resA', build: async (f) => ({ params: await paid(f) }) },
  'POST /tickets/:id/payments/offline': {
    role: 'agent',
    build: async (f) => ({ params: { id: (await quoted(f, true)).id }, body: { method: 'cash', amountFen: 5000, note: '收据 001' } }),
  },
  'POST /tickets/:id/payments/:paymentId/refunds': { role: 'sup', build: async (f) => ({ params: await paid(f), body: { amountFen: 100, reason: '多收' } }) },
  'POST /tickets/:id/waive': { role: 'sup', build: async (f) => ({ params: { id: (await quoted(f, true)).id }, body: { reason: '物业原因' } }) },
  'POST /payments/wechatpay/notify': {
    role: 'anon',
    build: () => ({
      body: {
        id: 'x',
        event_type: 'TRANSACTION.SUCCESS',
        resource: { algorithm: 'AEAD_AES_256_GCM', ciphertext: 'AA==', nonce: 'n', associated_data: 'transaction' },
      },
    }),
  },
  'GET /admin/price-items': { role: 'techA', build: (f) => ({ query: { communityId: f.X.id } }) },
  'POST /admin/price-items': { role: 'admin', build: (f) => ({ body: { communityId: f.X.id, name: `材料${f.next()}`, unit: '个', unitPriceFen: 1250 } }) },
  'PATCH /admin/price-items/:id': {
    role: 'admin',
    build: async (f) => ({
      params: {
        id: (await f.w.ok(f.tokens.admin!, 'post', '/admin/price-items', { communityId: f.X.id, name: `价目${f.next()}`, unit: '米', unitPriceFen: 100 })).id,
      },
      body: { unitPriceFen: 150, active: false },
    }),
  },
  'POST /admin/price-items/import': {
    role: 'admin',
    build: (f) => ({
      query: { communityId: f.X.id },
      file: { content: Buffer.from(`名称,单位,单价（元）\n导入${f.next()},个,3.5\n`), filename: 'prices.csv', contentType: 'text/csv' },
    }),
  },
  'GET /admin/payments/unpaid': { role: 'agent', build: (f) => ({ query: { communityId: f.X.id } }) },
  'GET /admin/payments/statement.xlsx': { role: 'sup', build: (f) => ({ query: { communityId: f.X.id, date: today() } }) },
  'GET /admin/payments/tradebill-check': { role: 'admin', build: () => ({ query: { date: today() } }) },
};

// ---------------------------------------------------------------- arbitraries

const NASTY_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83D',
  '\u202Eevil\u202C',
  '\u200F\u05D0\u05D1',
  '😀',
  '👨‍👩‍👧‍👦',
  '𠮷野家',
  'Ｆｕｌｌ',
  '１２３',
  '٣٤',
  '\uFEFF1',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  "' OR '1'='1",
  '"; DROP TABLE tickets; --',
  '\\',
  '%',
  '_',
  '%00',
  '%u0000',
  '../../../etc/passwd',
  '<script>alert(1)</script>',
  '${7*7}',
  '{{7*7}}',
  'null',
  'undefined',
  'true',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '9'.repeat(25),
  '-1',
  '0',
  '18446744073709551616',
  '9223372036854775808',
  '1.5',
  ' 1',
  '1 ',
  '+1',
  '1e3',
  'a'.repeat(5000),
  '漏'.repeat(3000),
  '\n\r\t',
  '2024-02-30T00:00:00Z',
  '0000-00-00',
  '9999-12-31T23:59:59.999Z',
  '2024-01-01',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00Z',
  '2026-13-45T25:61:61Z',
  'accept',
  'agent',
  'admin',
  'repair',
  'pending',
];
const EDGE_NUMBERS = [
  0,
  -0,
  -1,
  1,
  0.5,
  1.005,
  4.999,
  5.0000001,
  2 ** 31 - 1,
  2 ** 31,
  2 ** 32,
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  1e21,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  99999999.999,
  100000000,
];

const weirdString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.stringMatching(/^-?\d{1,30}$/) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 4000 }).map((n) => '字'.repeat(n)) },
);
const weirdNumber = fc.oneof(fc.constantFrom(...EDGE_NUMBERS), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
const weirdScalar = fc.oneof(weirdString, weirdNumber, fc.boolean(), fc.constant(null));
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: weirdScalar },
  { weight: 1, arbitrary: fc.constantFrom([], {}, [[]], [{}], [null]) },
  { weight: 1, arbitrary: fc.array(weirdScalar, { maxLength: 12 }) },
  { weight: 1, arbitrary: fc.dictionary(weirdString, weirdScalar, { maxKeys: 3 }) },
  { weight: 1, arbitrary: fc.anything({ maxDepth: 3 }) },
);
const weirdKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'id', 'status', 'ownerId', 'residentId', 'communityId', 'roles', ''),
  fc.string({ maxLength: 10 }),
);

/** A raw JSON text, prototype-polluting or malformed, for a body that should be an object. */
const rawJson = (template: Record<string, unknown> | undefined) => {
  const inner = JSON.stringify(template ?? {}).slice(1, -1);
  const withKey = (k: string) => `{${k}${inner ? ',' + inner : ''}}`;
  return fc.constantFrom(
    withKey('"__proto__":{"polluted":"yes","isAdmin":true}'),
    withKey('"constructor":{"prototype":{"polluted":"yes"}}'),
    `{${inner ? inner + ',' : ''}"__proto__":{"roles":["admin"]}}`,
    '{',
    '{"a":',
    '[1,2',
    'nul',
    '\u0000',
    '{"a":1}garbage',
    '"just a string"',
    '12345678901234567890',
    'true',
    '[]',
    '['.repeat(3000) + ']'.repeat(3000),
    '{"a":'.repeat(2000) + '1' + '}'.repeat(2000),
    `{"x":"${'y'.repeat(300_000)}"}`,
    withKey('"a":"\\ud800"'),
    withKey(`"${'k'.repeat(1000)}":1`),
    JSON.stringify(Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`k${i}`, i]))),
  );
};

type BodyPlan =
  | { kind: 'json'; value: unknown }
  | { kind: 'raw'; text: string; contentType: string }
  | { kind: 'none' }
  | { kind: 'file'; content: Buffer; filename: string; contentType: string; field: string };

function bodyPlan(target: Target): fc.Arbitrary<BodyPlan> {
  const template = target.body;
  const keys = Object.keys(template ?? {});
  const setField = fc.tuple(keys.length ? fc.oneof(fc.constantFrom(...keys), weirdKey) : weirdKey, weirdValue).map(([k, v]): BodyPlan => {
    const body: Record<string, unknown> = { ...template };
    Object.defineProperty(body, k, { value: v, enumerable: true, writable: true, configurable: true });
    return { kind: 'json', value: body };
  });
  const dropField = keys.length
    ? fc.constantFrom(...keys).map((k): BodyPlan => ({ kind: 'json', value: Object.fromEntries(Object.entries(template!).filter(([key]) => key !== k)) }))
    : setField;
  const arrayField = keys.length
    ? fc.tuple(fc.constantFrom(...keys), fc.array(weirdValue, { maxLength: 12 })).map(([k, v]): BodyPlan => ({ kind: 'json', value: { ...template, [k]: v } }))
    : setField;
  const whole = weirdValue.map((v): BodyPlan => ({ kind: 'json', value: v }));
  const raw = fc
    .tuple(
      rawJson(template),
      fc.constantFrom(
        'application/json',
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'multipart/form-data; boundary=zz',
        'application/xml',
      ),
    )
    .map(([text, contentType]): BodyPlan => ({ kind: 'raw', text, contentType }));
  const plans: fc.Arbitrary<BodyPlan>[] = [setField, setField, dropField, arrayField, whole, raw, raw, fc.constant<BodyPlan>({ kind: 'none' })];
  if (template) plans.push(fc.constant<BodyPlan>({ kind: 'json', value: template }));
  if (target.file) {
    const file = target.file;
    plans.push(
      fc
        .tuple(
          fc.oneof(
            fc.constant(file.content),
            fc.uint8Array({ maxLength: 2048 }).map((a) => Buffer.from(a)),
            fc.nat({ max: file.content.length }).map((n) => file.content.subarray(0, n)),
            weirdString.map((s) => Buffer.from(s)),
          ),
          fc.oneof(fc.constant(file.filename), fc.constantFrom('a.jpg', '..\\..\\x.csv', '😀.csv', 'x'.repeat(300), '.', 'rooms.xlsx', 'a.heic')),
          fc.constantFrom(
            file.contentType,
            'image/jpeg',
            'image/png',
            'text/csv',
            'application/octet-stream',
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
          fc.constantFrom('file', 'file', 'file', 'files', 'photo', ''),
        )
        .map(([content, filename, contentType, field]): BodyPlan => ({ kind: 'file', content, filename, contentType, field })),
      fc.constant<BodyPlan>({ kind: 'file', ...file, field: 'file' }),
    );
  }
  return fc.oneof(...plans);
}

const weirdId = fc.oneof(
  fc.constantFrom(
    '0',
    '-1',
    'abc',
    '1e3',
    '99999999999999999999',
    '18446744073709551616',
    '184467440737095516150',
    '00000000000000000001',
    '１２３',
    ' 1',
    '%',
    '..',
    '1;DROP TABLE x',
    'null',
    '1.0',
    '0x1F',
    '9'.repeat(400),
    '\u0000',
    '😀',
    '__proto__',
    'constructor',
  ),
  fc.bigInt({ min: 0n, max: 2n ** 70n }).map(String),
  weirdString,
);

const weirdCursor = fc.oneof(
  weirdString,
  fc.array(fc.oneof(weirdString, weirdNumber, fc.constant(null)), { minLength: 1, maxLength: 3 }).map((vals) => encodeCursor(vals)),
  fc.constantFrom(
    encodeCursor(['2026-99-99T00:00:00Z', '1']),
    encodeCursor(['not a date', 'x']),
    encodeCursor([1e308]),
    encodeCursor(['99999999999999999999999']),
    encodeCursor([null, null]),
    encodeCursor([-1]),
    'A'.repeat(2049),
    '===',
    '%%%',
  ),
);

type QueryPlan = { kind: 'pairs'; pairs: [string, string][] } | { kind: 'raw'; text: string };
function queryPlan(target: Target): fc.Arbitrary<QueryPlan> {
  const template = Object.entries(target.query ?? {});
  const keys = [...new Set([...template.map(([k]) => k), 'limit', 'cursor'])];
  const mutate = fc
    .array(
      fc.tuple(fc.oneof(fc.constantFrom(...keys), weirdKey), fc.oneof(weirdString, weirdCursor, fc.constantFrom('0', '-1', '101', '100', '1e2', '1.5', ''))),
      { minLength: 1, maxLength: 4 },
    )
    .map((changes): QueryPlan => {
      const pairs = [...template];
      for (const [k, v] of changes) {
        const i = pairs.findIndex(([key]) => key === k);
        if (i >= 0 && v.length % 3 !== 0) pairs[i] = [k, v];
        else pairs.push([k, v]); // also repeats a key: ?a=1&a=2 arrives as an array
      }
      return { kind: 'pairs', pairs };
    });
  const raw = fc
    .constantFrom(
      '__proto__[polluted]=yes',
      'constructor[prototype][polluted]=yes',
      'limit[]=1',
      'limit[a]=1',
      'cursor[]=x&cursor[]=y',
      'a=%',
      'q=%E0%A4%A',
      '&&&',
      '=',
      'limit=1&limit=2',
      'communityId[]=1',
      'status=%00',
    )
    .map((extra): QueryPlan => ({ kind: 'raw', text: [new URLSearchParams(template).toString(), extra].filter(Boolean).join('&') }));
  return fc.oneof(fc.constant<QueryPlan>({ kind: 'pairs', pairs: template }), mutate, mutate, raw);
}

interface RequestPlan {
  params: Record<string, string>;
  query: QueryPlan;
  body: BodyPlan;
  idempotencyKey?: string;
}

function requestPlan(route: string, target: Target): fc.Arbitrary<RequestPlan> {
  const params = target.params ?? {};
  const names = Object.keys(params);
  const paramPlan = names.length
    ? fc.oneof(
        fc.constant(params),
        fc.tuple(fc.constantFrom(...names), weirdId).map(([name, v]) => ({ ...params, [name]: encodeLoose(v) })),
      )
    : fc.constant(params);
  const idem =
    route === 'POST /tickets'
      ? fc.option(fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)), maxLength: 80 }), { nil: undefined })
      : fc.constant(undefined);
  // Mostly one thing broken at a time, so a bad query does not hide what the body would have reached.
  const valid = {
    params: fc.constant(params),
    query: fc.constant<QueryPlan>({ kind: 'pairs', pairs: Object.entries(target.query ?? {}) }),
    body: fc.constant<BodyPlan>(
      target.file ? { kind: 'file', ...target.file, field: 'file' } : target.body ? { kind: 'json', value: target.body } : { kind: 'none' },
    ),
  };
  const hasBody = !route.startsWith('GET ') && !route.startsWith('DELETE ');
  return fc.oneof(
    { weight: names.length ? 2 : 0, arbitrary: fc.record({ ...valid, params: paramPlan, idempotencyKey: idem }) },
    { weight: hasBody ? 2 : 6, arbitrary: fc.record({ ...valid, query: queryPlan(target), idempotencyKey: idem }) },
    { weight: hasBody ? 6 : 0, arbitrary: fc.record({ ...valid, body: bodyPlan(target), idempotencyKey: idem }) },
    { weight: 1, arbitrary: fc.record({ params: paramPlan, query: queryPlan(target), body: bodyPlan(target), idempotencyKey: idem }) },
  );
}

// ---------------------------------------------------------------- the suite

describe('fuzzing every route (issue #9)', () => {
  let t: TestApp;
  let f: TrustWorld;
  let base: string;
  const started = Date.now();
  /** status classes seen per route, printed at the end: how deep the fuzzing reached */
  const seen = new Map<string, Record<string, number>>();

  beforeAll(async () => {
    t = await startTestApp('fuzz', {
      WECHAT_PUSH_TOKEN: PUSH_TOKEN,
      RATE_LIMIT_PER_MIN: '10000000',
      RATE_LIMIT_LOGIN_PER_MIN: '1000000',
      RATE_LIMIT_WRITE_PER_MIN: '1000000',
    });
    f = await buildTrustWorld(t);
    const server = t.app.getHttpServer() as http.Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }, 120_000);
  afterAll(async () => {
    const total = [...seen.values()].reduce((n, h) => n + Object.values(h).reduce((a, b) => a + b, 0), 0);
    const never2xx = [...seen].filter(([, h]) => !h['2xx']).map(([r]) => r);
    console.log(
      `fuzz: seed ${SEED}, ${RUNS} runs per route, ${total} requests in ${Math.round((Date.now() - started) / 1000)} s\n` +
        [...seen]
          .map(
            ([r, h]) =>
              `  ${r.padEnd(46)} ${Object.entries(h)
                .sort()
                .map(([k, v]) => `${k}:${v}`)
                .join(' ')}`,
          )
          .join('\n') +
        `\n  routes never answered 2xx: ${never2xx.join(', ') || 'none'}`,
    );
    await t?.close();
  });

  it('has a fuzz spec for every route of the running app', () => {
    const live = routeTable(t.app).map((r) => r.key);
    expect({ missing: live.filter((k) => !(k in FUZZ)), stale: Object.keys(FUZZ).filter((k) => !live.includes(k)) }).toEqual({ missing: [], stale: [] });
  });

  it('keeps the counterexamples it found as plain regressions (each was a 500)', async () => {
    const cases: [Role, string, string, unknown][] = [
      // 3000 nested arrays overflowed class-transformer's recursion
      ['admin', 'post', '/admin/communities', JSON.parse('['.repeat(3000) + ']'.repeat(3000))],
      ['agent', 'post', `/tickets/${f.ticketA.id}/hold`, JSON.parse('{"reason":' + '['.repeat(3000) + ']'.repeat(3000) + '}')],
      // class-validator's maxDecimalPlaces crashed on numbers printed with an exponent
      ['techA', 'post', `/tickets/${f.ticketA.id}/resolve`, { note: '修好了', fee: 5e-324 }],
      ['admin', 'post', '/admin/service-items', { communityId: f.X.id, name: '开锁', price: 1e-7, durationMin: 30, slotCapacity: 1 }],
      // an explicit null in a PATCH reached NOT NULL columns and .trim()
      ['admin', 'patch', `/admin/service-items/${f.serviceItem}`, { name: null }],
      ['admin', 'patch', `/admin/service-items/${f.serviceItem}`, { active: null }],
      ['admin', 'patch', `/admin/staff/${f.ids.victim}`, { name: null }],
      ['admin', 'patch', `/admin/staff/${f.ids.victim}`, { password: null }],
      ['admin', 'patch', `/admin/communities/${f.Y.id}`, { name: null }],
    ];
    for (const [role, method, path, body] of cases) {
      const before = await f.checksum();
      const res = await f.w.as(f.tokens[role]!, method as 'post', path, body);
      expect({ path, status: res.status, code: res.body.code }).toEqual({ path, status: 400, code: 'VALIDATION_FAILED' });
      expect(await f.checksum()).toBe(before);
    }
    // A correctly signed push whose body is not JSON left `event` undefined.
    const push = await t.http.post('/api/v1/wechat/push').query(signedPush()).set('Content-Type', 'text/plain').send('hello');
    expect({ status: push.status, code: push.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    // An empty PATCH is a no-op, not a failed UPDATE.
    expect((await f.w.as(f.tokens.admin!, 'patch', `/admin/service-items/${f.serviceItem}`, {})).status).toBe(200);
  });

  /** Sends one plan over a raw HTTP request (full control of bytes, content types and event streams). */
  function send(route: string, role: Role, plan: RequestPlan, tokenOverride?: string): Promise<{ status: number; text: string; url: string }> {
    const [method, path] = route.split(' ') as [string, string];
    const query = plan.query.kind === 'raw' ? plan.query.text : plan.query.pairs.map(([k, v]) => `${encodeLoose(k)}=${encodeLoose(v)}`).join('&');
    const url = `${base}/api/v1${fillPath(path, plan.params)}${query ? `?${query}` : ''}`;
    const headers: Record<string, string> = {};
    const token = tokenOverride ?? f.tokens[role];
    if (token) headers.authorization = `Bearer ${token}`;
    if (plan.idempotencyKey !== undefined) headers['idempotency-key'] = plan.idempotencyKey;
    let payload: Buffer | null = null;
    const b = plan.body;
    if (method !== 'GET' && b.kind === 'json' && b.value !== undefined) {
      payload = Buffer.from(JSON.stringify(b.value) ?? 'null');
      headers['content-type'] = 'application/json';
    } else if (method !== 'GET' && b.kind === 'raw') {
      payload = Buffer.from(b.text);
      headers['content-type'] = b.contentType;
    } else if (method !== 'GET' && b.kind === 'file') {
      const boundary = `----fuzz${Math.random().toString(16).slice(2)}`;
      payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${b.field}"; filename="${b.filename.replace(/["\r\n]/g, '_')}"\r\nContent-Type: ${b.contentType}\r\n\r\n`,
        ),
        b.content,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      headers['content-type'] = `multipart/form-data; boundary=${boundary}`;
    }
    if (payload) headers['content-length'] = String(payload.length);
    return new Promise((resolve, reject) => {
      const req = http.request(url, { method, headers }, (res) => {
        if (res.statusCode === 200 && String(res.headers['content-type']).startsWith('text/event-stream')) {
          resolve({ status: 200, text: '', url });
          req.destroy();
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8'), url }));
        res.on('error', reject);
      });
      req.on('error', (e: NodeJS.ErrnoException) => {
        // The server may answer (413) and close before a large body is written.
        if (e.code === 'EPIPE' || e.code === 'ECONNRESET')
          resolve({ status: 413, text: JSON.stringify({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: 'closed early' }), url });
        else if (e.message !== 'socket hang up') reject(e);
      });
      req.setTimeout(15_000, () => req.destroy(new Error('request timed out')));
      if (payload) req.end(payload);
      else req.end();
    });
  }

  const routeSeed = (route: string) => [...route].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, SEED);

  it.each(Object.keys(FUZZ))(
    '%s',
    async (route) => {
      const spec = FUZZ[route]!;
      const target = await spec.build(f);
      const write = !route.startsWith('GET ');
      let known: string | null = null; // the checksum as of the last refused request (still valid: refusals change nothing)
      const seed = routeSeed(route);
      const property = fc.asyncProperty(requestPlan(route, target), async (plan) => {
        const before = write && !spec.refusedMayWrite ? (known ?? (await f.checksum())) : null;
        const res = await send(route, spec.role, plan, target.token);
        const histogram = seen.get(route) ?? {};
        const cls = res.status < 300 ? '2xx' : String(res.status);
        histogram[cls] = (histogram[cls] ?? 0) + 1;
        seen.set(route, histogram);
        const where = `${route} as ${spec.role} → ${res.status} ${res.text.slice(0, 300)}`;
        if (res.status >= 500) throw new Error(`server error: ${where}`);
        // Node's HTTP parser refuses a request line over 16 KB before the app sees it (a bare 431).
        if (res.status === 431 && res.url.length > 16_000) return;
        if (res.status >= 400) {
          let body: { statusCode?: unknown; code?: unknown; message?: unknown } | null = null;
          try {
            body = JSON.parse(res.text);
          } catch {
            /* reported below */
          }
          if (
            !body ||
            body.statusCode !== res.status ||
            typeof body.code !== 'string' ||
            !/^[A-Z][A-Z0-9_]*$/.test(body.code) ||
            typeof body.message !== 'string' ||
            !body.message.trim()
          ) {
            throw new Error(`error body is not {statusCode, code, message}: ${where}`);
          }
          if (before !== null) {
            const after = await f.checksum();
            if (after !== before) throw new Error(`refused with ${res.status} but stored data changed (${changed(before, after)}): ${where}`);
            known = after;
          }
        } else {
          known = null;
        }
        if (
          ({} as Record<string, unknown>).polluted !== undefined ||
          ({} as Record<string, unknown>).isAdmin !== undefined ||
          Object.prototype.hasOwnProperty.call(Object.prototype, 'roles')
        ) {
          throw new Error(`Object.prototype polluted: ${where}`);
        }
      });
      try {
        await fc.assert(property, { numRuns: RUNS, seed, markInterruptAsFailure: true, interruptAfterTimeLimit: 45_000, includeErrorInReport: true });
      } catch (e) {
        throw new Error(
          `fuzz failure — reproduce with FUZZ_SEED=${SEED} npx jest test/fuzz.e2e-spec.ts -t '${route}' (route seed ${seed})\n${shorten((e as Error).message)}`,
          { cause: e },
        );
      }
    },
    90_000,
  );
});

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is sent as its
 * WTF-8 bytes — what a hostile client can put on the wire.
 */
function encodeLoose(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff;
    if (pair) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)].map((b) => `%${b.toString(16).toUpperCase()}`).join('');
    } else {
      out += encodeURIComponent(s[i]!);
    }
  }
  return out;
}

/** Long runs of one character (huge strings) shortened, so the counterexample stays readable. */
function shorten(message: string): string {
  return message.replace(/(.)\1{40,}/gsu, (run, c: string) => `${c.repeat(5)}…(${run.length}×)`).slice(0, 6000);
}

function changed(before: string, after: string): string {
  const a = new Set(before.split(' '));
  return after
    .split(' ')
    .filter((p) => !a.has(p))
    .map((p) => p.split('=')[0])
    .join(', ');
}
