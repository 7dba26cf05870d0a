import { solid } from './images';
import { createHash } from 'node:crypto';
import { TEST_DB, type TestApp } from './test-app';
import { World } from './world';

/**
 * The fixture of issue #9 "Trust" (authorization matrix and fuzzing): community X with
 * resident A's requests in every stage, community Y next door, and one caller per role.
 */
export const ROLES = ['anon', 'resA', 'resB', 'agentY', 'techN', 'techA', 'agent', 'sup', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  anon: 'anonymous',
  resA: 'resident A (X, files the requests)',
  resB: 'resident B (X, another room)',
  agentY: 'agent + supervisor of community Y',
  techN: 'technician of X, not assigned',
  techA: 'technician of X, assigned to the request',
  agent: 'agent of X (owner of the request, on duty)',
  sup: 'supervisor of X',
  admin: 'admin',
};

/** Ticket stages a request of A can be put in, each reached through the API. */
export type Stage = 'pooled' | 'submitted' | 'accepted' | 'dispatched' | 'in_progress' | 'held' | 'resolved' | 'closed';

/**
 * Tables whose content a refused request must leave alone. Left out on purpose:
 * `ticket_sequences` (a ticket number is taken before the submission's transaction —
 * a refused submission leaves a gap, by design, see TicketNumberService) and `uploads`
 * (compared by row count only: its media-check column is updated asynchronously).
 */
export const GUARDED_TABLES = [
  'audit_logs',
  'buildings',
  'communities',
  'duty_shifts',
  'idempotency_keys',
  'notices',
  'outbox_messages',
  'payments',
  'price_items',
  'quote_lines',
  'quotes',
  'refresh_tokens',
  'refunds',
  'residents',
  'room_bindings',
  'rooms',
  'service_items',
  'sla_policies',
  'staff',
  'staff_communities',
  'staff_notices',
  'staff_wechat_bindings',
  'staff_wecom',
  'subscription_credits',
  'ticket_events',
  'ticket_ratings',
  'tickets',
  'wechat_push_events',
  'wecom_outbox',
  'zones',
];

export type TrustWorld = Awaited<ReturnType<typeof buildTrustWorld>>;

export async function buildTrustWorld(t: TestApp, label = 'tw') {
  const w = new World(t);
  const X = await w.community('X小区');
  const Y = await w.community('Y小区');
  const adminToken = await w.admin();
  const adminId = String((await t.sql<{ id: string }>("SELECT id FROM staff WHERE username = 'admin'"))[0]!.id);

  const agent = await w.staff(`${label}_agent`, ['agent'], [X.id], { name: '客服小张' });
  await w.onDuty(X.id, X.zoneA1, agent.id, 20);
  const sup = await w.staff(`${label}_sup`, ['supervisor'], [X.id], { name: '主管老李' });
  const techA = await w.staff(`${label}_tech_a`, ['technician'], [X.id], { name: '王师傅' });
  const techN = await w.staff(`${label}_tech_n`, ['technician'], [X.id], { name: '赵师傅' });
  const agentY = await w.staff(`${label}_agent_y`, ['agent', 'supervisor'], [Y.id], { name: '隔壁客服' });
  const victim = await w.staff(`${label}_victim`, ['agent'], [X.id], { name: '被改的员工' });

  const resA = await w.resident(`${label}_a`, { roomId: X.roomA.id, name: '张伟', phone: '13812341234' });
  // A also owns a room in zone B2, where nobody is on duty: A's requests from there wait in the pool.
  const second = await w.ok(resA.token, 'post', '/me/rooms', { roomId: X.roomB.id, name: '李娜', phone: '13700001111' });
  if (second.status !== 'approved') throw new Error('second room of A not approved');
  const resB = await w.resident(`${label}_b`, { roomId: X.roomA2.id, name: '王芳', phone: '13912345678' });

  const tokens: Record<Role, string | null> = {
    anon: null,
    resA: resA.token,
    resB: resB.token,
    agentY: agentY.token,
    techN: techN.token,
    techA: techA.token,
    agent: agent.token,
    sup: sup.token,
    admin: adminToken,
  };

  let nonce = 0;
  const next = () => ++nonce;

  /** A request of A moved to `stage` through the API by the people whose job it is. */
  async function ticketIn(stage: Stage, extra: Record<string, unknown> = {}): Promise<{ id: string; no: string }> {
    const room = stage === 'pooled' ? X.roomB.id : X.roomA.id;
    const tk = await w.ok(resA.token, 'post', '/tickets', w.repair(room, { description: `第${next()}号报修：厨房水龙头漏水`, ...extra }));
    if (stage === 'pooled') {
      if (tk.owner !== null) throw new Error('pooled ticket has an owner');
      return tk;
    }
    if (tk.owner?.id !== agent.id) throw new Error(`ticket routed to ${JSON.stringify(tk.owner)}, not the agent on duty`);
    const steps: [Stage, string, string, unknown][] = [
      ['accepted', agent.token, 'accept', {}],
      ['dispatched', agent.token, 'dispatch', { assigneeId: techA.id }],
      ['in_progress', techA.token, 'start', {}],
      ['held', agent.token, 'hold', { reason: '等待配件' }],
      ['resolved', techA.token, 'resolve', { note: '已更换阀芯' }],
      ['closed', resA.token, 'confirm', {}],
    ];
    const order: Stage[] = ['submitted', 'accepted', 'dispatched', 'in_progress', 'held', 'resolved', 'closed'];
    for (const [s, token, action, body] of steps) {
      if (order.indexOf(s) > order.indexOf(stage)) break;
      if (s === 'held' && stage !== 'held') continue;
      await w.ok(token, 'post', `/tickets/${tk.id}/${action}`, body);
    }
    return tk;
  }

  /** A fresh pending room binding in X (a newcomer whose name does not match the roster). */
  async function pendingBinding(): Promise<string> {
    const newcomer = await w.resident(`${label}_newcomer_${next()}`);
    const res = await w.ok(newcomer.token, 'post', '/me/rooms', { roomId: X.roomA2.id, name: '陌生人', phone: '13600000000' });
    if (res.status !== 'pending') throw new Error('binding not pending');
    return String((await t.sql<{ id: string }>('SELECT id FROM room_bindings WHERE resident_id = ?', [newcomer.id]))[0]!.id);
  }

  /** A duty shift of X a month ahead (it does not change today's routing). */
  async function dutyShift(): Promise<string> {
    const start = Date.now() + 30 * 86400_000 + next() * 3600_000;
    const shift = await w.ok(adminToken, 'post', '/admin/duty-shifts', dutyBody(start));
    return shift.id;
  }
  const dutyBody = (start = Date.now() + 40 * 86400_000) => ({
    communityId: X.id,
    zoneId: X.zoneB2,
    staffId: agent.id,
    startAt: new Date(start).toISOString(),
    // Half an hour, so shifts built an hour apart never overlap (one person, one shift at a time).
    endAt: new Date(start + 30 * 60_000).toISOString(),
  });

  const slaBody = () => ({
    communityId: X.id,
    type: 'complaint',
    priority: 'urgent',
    respondWithinSec: 600,
    onsiteWithinSec: null,
    resolveWithinSec: 86400,
    confirmWithinSec: 259200,
    revisitWithinSec: 604800,
  });
  /** An SLA policy row of X (complaints, urgent: the requests of the fixture are repairs). */
  async function slaPolicy(): Promise<string> {
    const policy = await w.ok(adminToken, 'post', '/admin/sla-policies', slaBody());
    return policy.id;
  }

  const serviceItem = await w.ok(adminToken, 'post', '/admin/service-items', {
    communityId: X.id,
    name: '家电清洗',
    price: 99,
    durationMin: 60,
    slotCapacity: 2,
  });

  // A's photo on A's request, and the request itself dispatched to techA.
  const upload = await t.http
    .post('/api/v1/uploads')
    .set('Authorization', `Bearer ${resA.token}`)
    .attach('file', await solid('jpeg'), { filename: 'leak.jpg', contentType: 'image/jpeg' });
  if (upload.status !== 201) throw new Error(`upload: ${upload.status} ${JSON.stringify(upload.body)}`);
  const ticketA = await ticketIn('dispatched', { photoIds: [upload.body.id] });
  const detail = await w.ok(resA.token, 'get', `/tickets/${ticketA.id}`);
  const photo = { id: String(upload.body.id), url: detail.photos[0].url as string, thumbUrl: detail.photos[0].thumbUrl as string };

  const noticeA = (await t.sql<{ id: string }>('SELECT id FROM notices WHERE resident_id = ? ORDER BY id LIMIT 1', [resA.id]))[0];
  if (!noticeA) throw new Error('resident A has no notice');
  const staffNotice = (await t.sql<{ id: string }>('SELECT id FROM staff_notices WHERE staff_id = ? ORDER BY id LIMIT 1', [agent.id]))[0];
  if (!staffNotice) throw new Error('the agent has no staff notice');

  /** What a refused request must not change: every guarded table's checksum, and the number of uploads. */
  async function checksum(): Promise<string> {
    const rows =
      TEST_DB === 'sqlite'
        ? await Promise.all(
            // SQLite has no CHECKSUM TABLE: hash the rows in storage order instead.
            GUARDED_TABLES.map(async (n) => ({
              Table: n,
              Checksum: createHash('sha1')
                .update(JSON.stringify(await t.sql(`SELECT * FROM "${n}" ORDER BY rowid`)))
                .digest('hex'),
            })),
          )
        : await t.sql<{ Table: string; Checksum: string | null }>(`CHECKSUM TABLE ${GUARDED_TABLES.map((n) => `\`${n}\``).join(', ')}`);
    const uploads = await t.sql<{ n: string; m: string | null }>('SELECT COUNT(*) AS n, MAX(id) AS m FROM uploads');
    return [...rows.map((r) => `${r.Table.split('.').pop()}=${r.Checksum}`), `uploads=${uploads[0]!.n}/${uploads[0]!.m}`].join(' ');
  }

  return {
    w,
    t,
    X,
    Y,
    tokens,
    ids: {
      admin: adminId,
      agent: agent.id,
      sup: sup.id,
      techA: techA.id,
      techN: techN.id,
      agentY: agentY.id,
      victim: victim.id,
      resA: resA.id,
      resB: resB.id,
    },
    ticketA,
    photo,
    noticeA: String(noticeA.id),
    staffNotice: String(staffNotice.id),
    serviceItem: serviceItem.id as string,
    next,
    ticketIn,
    pendingBinding,
    dutyShift,
    dutyBody,
    slaPolicy,
    slaBody,
    checksum,
  };
}
