'use strict';
/**
 * Seeds a property company's scale into the bench database with multi-row INSERTs:
 * communities (a few large, many small) with zones, buildings, rooms, residents bound
 * to their rooms, staff (zone agents, a night agent, a supervisor, technicians), duty
 * shifts (history + the current ones), and tickets spread over three years with a
 * realistic status mix, stored deadlines, milestones, SLA bookkeeping, timeline events
 * and ratings. A marker table (bench_seed) makes reruns reuse the seed.
 */
const path = require('node:path');
const { ROOT, rng, log } = require('./util');

const shared = require(path.join(ROOT, 'shared'));
const { nextDueAt, queueDueAt } = shared;

/**
 * db: the bench database of each scale. xl (issue #21 point 3): a national company, about a
 * million households, three years — 10 M tickets over 3,000 communities; timelines only for
 * open tickets and the last eventsWithinDays (disk), the tickets table's secondary indexes
 * built after the load (deferIndexes), a larger redo log and buffer pool (bufferPoolMb, unless
 * --buffer-pool-mb says otherwise), and the staff queue measured on the full scale's database
 * in the same run for the ratio (compareWith).
 */
const SCALES = {
  small: { db: 'yizhan_bench_small', communities: 30, tickets: 50_000, historyDays: 60 },
  full: { db: 'yizhan_bench', communities: 300, tickets: 1_000_000, historyDays: 180 },
  // One large estate: a company that keeps every ticket in one community (issue #21 point 5).
  single: { db: 'yizhan_bench_single', communities: 1, tickets: 200_000, historyDays: 60 },
  xl: {
    db: 'yizhan_bench_xl',
    communities: 3000,
    tickets: 10_000_000,
    historyDays: 30,
    eventsWithinDays: 30,
    deferIndexes: true,
    redoLogMb: 1024,
    bufferPoolMb: 8192,
    compareWith: 'full',
  },
};
const ZONES = 3;
const BUILDINGS_PER_ZONE = 4;
const ROOMS_PER_BUILDING = 20;
const ROOMS = ZONES * BUILDINGS_PER_ZONE * ROOMS_PER_BUILDING; // 240 per community
const STAFF = 8; // 0..2 zone agents, 3 night agent, 4 supervisor, 5..7 technicians
const DAY = 86400_000;
const WATCH = { warnLeadSec: 1800, escalateAfterSec: 3600 };
const BIT = { respond: 1, onsite: 2, resolve: 4, confirm: 8, revisit: 16 };

const CATEGORIES = ['水电', '门窗', '管道', '电梯', '公共设施', '噪音', '卫生', '停车', '绿化', '安保'];
const DESCRIPTIONS = [
  '卫生间水龙头一直滴水，关不紧，麻烦师傅来看一下',
  '厨房下水道堵塞，水排不下去，已经两天了',
  '客厅灯不亮，换了灯泡也不行，可能是线路问题',
  '楼道声控灯坏了，晚上很黑，老人出行不方便',
  '电梯按钮失灵，按了没有反应，请尽快维修',
  '楼上晚上十一点以后还在装修，噪音很大影响休息',
  '单元门禁刷卡没有反应，进出很不方便',
  '地下车库有车辆长期占用消防通道',
  '小区绿化带杂草很多，蚊虫较多，希望修剪',
  '阳台推拉门滑轨变形，推不动，需要更换',
  '暖气片不热，室内温度太低，请派人检查',
  '垃圾桶满了没人清理，气味很大',
];

function communityWeights(n) {
  if (n === 1) return { big: 1, cum: [1] };
  const big = Math.max(3, Math.round(n * 0.05));
  const w = Array.from({ length: n }, (_, i) => (i < big ? 0.3 / big : 0.7 / (n - big)));
  const cum = [];
  w.reduce((acc, x, i) => (cum[i] = acc + x), 0);
  return { big, cum };
}

function pick(cum, u) {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid] < u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const pad = (n, w) => String(n).padStart(w, '0');
function shanghaiDay(d) {
  const l = new Date(d.getTime() + 8 * 3600_000);
  return `${l.getUTCFullYear()}${pad(l.getUTCMonth() + 1, 2)}${pad(l.getUTCDate(), 2)}`;
}

// ids are explicit so every row can be computed from its community and index
const ids = {
  zone: (c, z) => c * ZONES + z + 1,
  building: (c, b) => c * ZONES * BUILDINGS_PER_ZONE + b + 1,
  room: (c, r) => c * ROOMS + r + 1,
  staff: (c, k) => c * STAFF + k + 1,
};

async function insertRows(conn, table, columns, rows) {
  if (!rows.length) return;
  await conn.query(`INSERT INTO \`${table}\` (${columns.map((c) => `\`${c}\``).join(',')}) VALUES ?`, [rows]);
}

async function chunked(conn, table, columns, rows, size = 5000) {
  for (let i = 0; i < rows.length; i += size) await insertRows(conn, table, columns, rows.slice(i, i + size));
}

async function seedStructure(conn, scale, T0) {
  const { communities } = scale;
  // In blocks of communities, so that xl's 720,000 rooms and their shifts are never all in memory at once.
  const BLOCK = 100;
  const total = { communities: 0, rooms: 0, staff: 0, shifts: 0 };
  for (let from = 0; from < communities; from += BLOCK) {
    const n = await seedStructureBlock(conn, scale, T0, from, Math.min(communities, from + BLOCK));
    for (const k of Object.keys(total)) total[k] += n[k];
  }
  log(`structure: ${total.communities} communities, ${total.rooms} rooms/residents, ${total.staff} staff, ${total.shifts} duty shifts`);
}

async function seedStructureBlock(conn, scale, T0, fromCommunity, toCommunity) {
  const { historyDays } = scale;
  const cRows = [];
  const zRows = [];
  const bRows = [];
  const rRows = [];
  const resRows = [];
  const bindRows = [];
  const sRows = [];
  const scRows = [];
  const dRows = [];
  const created = new Date(T0.getTime() - 4 * 365 * DAY);
  for (let c = fromCommunity; c < toCommunity; c++) {
    const cid = c + 1;
    cRows.push([cid, `基准小区${pad(cid, 3)}`, `某市某区某路${cid}号`, created]);
    for (let z = 0; z < ZONES; z++) zRows.push([ids.zone(c, z), cid, `${String.fromCharCode(65 + z)}区`, created]);
    for (let b = 0; b < ZONES * BUILDINGS_PER_ZONE; b++) {
      const z = Math.floor(b / BUILDINGS_PER_ZONE);
      bRows.push([ids.building(c, b), cid, ids.zone(c, z), `${b + 1}栋`, created]);
      for (let k = 0; k < ROOMS_PER_BUILDING; k++) {
        const r = b * ROOMS_PER_BUILDING + k;
        const rid = ids.room(c, r);
        const number = `${pad(Math.floor(k / 2) + 1, 2)}${pad((k % 2) + 1, 2)}`;
        rRows.push([rid, cid, ids.building(c, b), ids.zone(c, z), '1', number, `${String.fromCharCode(65 + z)}区 ${b + 1}栋 1单元 ${number}`, created]);
        resRows.push([rid, `obench${rid}`, created]);
        bindRows.push([rid, rid, rid, cid, 'approved', created]);
      }
    }
    const roles = ['agent', 'agent', 'agent', 'agent', 'supervisor,agent', 'technician', 'technician', 'technician'];
    for (let k = 0; k < STAFF; k++) {
      const sid = ids.staff(c, k);
      sRows.push([sid, `b${cid}_${k}`, '!bench-no-login', `员工${cid}-${k}`, roles[k], k >= 5 ? '["水电","门窗"]' : '[]', 1, 0, created]);
      scRows.push([sid, cid]);
    }
    // History: zone day shifts 08:30–21:00 and the community night shift 21:00–08:30 (UTC+8).
    const firstDay = Math.floor(T0.getTime() / DAY) * DAY - historyDays * DAY;
    for (let d = 0; d < historyDays; d++) {
      const day = firstDay + d * DAY;
      for (let z = 0; z < ZONES; z++)
        dRows.push([cid, ids.zone(c, z), ids.staff(c, z), new Date(day + 0.5 * 3600_000), new Date(day + 13 * 3600_000), created]);
      dRows.push([cid, null, ids.staff(c, 3), new Date(day + 13 * 3600_000), new Date(day + DAY + 0.5 * 3600_000), created]);
    }
    // Current shifts (refreshed to cover "now" at every run): every zone staffed, plus the night agent.
    for (let z = 0; z < ZONES; z++)
      dRows.push([cid, ids.zone(c, z), ids.staff(c, z), new Date(T0.getTime() - DAY), new Date(T0.getTime() + 90 * DAY), created]);
    dRows.push([cid, null, ids.staff(c, 3), new Date(T0.getTime() - DAY), new Date(T0.getTime() + 90 * DAY), created]);
  }
  await chunked(conn, 'communities', ['id', 'name', 'address', 'created_at'], cRows);
  await chunked(conn, 'zones', ['id', 'community_id', 'name', 'created_at'], zRows);
  await chunked(conn, 'buildings', ['id', 'community_id', 'zone_id', 'name', 'created_at'], bRows);
  await chunked(conn, 'rooms', ['id', 'community_id', 'building_id', 'zone_id', 'unit', 'number', 'label', 'created_at'], rRows);
  await chunked(conn, 'residents', ['id', 'openid', 'created_at'], resRows);
  await chunked(conn, 'room_bindings', ['id', 'resident_id', 'room_id', 'community_id', 'status', 'created_at'], bindRows);
  await chunked(conn, 'staff', ['id', 'username', 'password_hash', 'name', 'roles', 'skills', 'active', 'failed_logins', 'created_at'], sRows);
  await chunked(conn, 'staff_communities', ['staff_id', 'community_id'], scRows);
  await chunked(conn, 'duty_shifts', ['community_id', 'zone_id', 'staff_id', 'start_at', 'end_at', 'created_at'], dRows);
  return { communities: cRows.length, rooms: rRows.length, staff: sRows.length, shifts: dRows.length };
}

const TICKET_COLUMNS = [
  'id',
  'no',
  'type',
  'status',
  'category',
  'description',
  'priority',
  'channel',
  'community_id',
  'zone_id',
  'room_id',
  'resident_id',
  'created_by_staff_id',
  'owner_id',
  'assignee_id',
  'fee',
  'respond_by',
  'onsite_by',
  'resolve_by',
  'confirm_by',
  'revisit_by',
  'responded_at',
  'onsite_at',
  'resolved_at',
  'closed_at',
  'revisited_at',
  'cancelled_at',
  'held_at',
  'held_seconds',
  'reopen_count',
  'flagged',
  'photo_ids',
  'created_at',
  'updated_at',
  'version',
  'sla_warned',
  'sla_breached',
  'escalation_level',
  'escalated_at',
  'next_due_at',
  'clock_due_at',
];
const EVENT_COLUMNS = ['ticket_id', 'type', 'at', 'actor_kind', 'actor_id', 'actor_name', 'note', 'data', 'photo_ids'];
const RATING_COLUMNS = ['ticket_id', 'community_id', 'resident_id', 'attitude', 'timeliness', 'quality', 'comment', 'created_at'];

/**
 * The first draws of a ticket: where, what and when. Pass 1 of the seeder needs only the
 * creation time, and this is much cheaper than the whole ticket (10 M of them at xl).
 */
function drawTicket(r, T0, weights) {
  const c = pick(weights.cum, r());
  const roomIdx = Math.floor(r() * ROOMS);
  const u = r();
  const type = u < 0.72 ? 'repair' : u < 0.92 ? 'complaint' : 'home_service';
  const priority = r() < 0.08 ? 'urgent' : 'normal';
  // 20 % of tickets are still being handled: mostly recent. The rest are done, over three years.
  const s = r();
  let status;
  let age;
  if (s < 0.2) {
    const o = r();
    status = o < 0.25 ? 'submitted' : o < 0.55 ? 'accepted' : o < 0.75 ? 'dispatched' : 'in_progress';
    age = 90 * DAY * r() ** 3 + 60_000;
  } else {
    const o = r();
    if (o < 0.03) {
      status = 'resolved';
      age = 2 * DAY + 6 * DAY * r();
    } else {
      status = o < 0.25 ? 'closed' : o < 0.88 ? 'revisited' : 'cancelled';
      age = 3 * DAY + 3 * 365 * DAY * r() ** 1.6;
    }
  }
  return { c, roomIdx, type, priority, status, createdAtMs: T0.getTime() - age };
}

function makeTicket(i, r, T0, weights) {
  const id = i + 1;
  const { c, roomIdx, type, priority, status, createdAtMs } = drawTicket(r, T0, weights);
  const cid = c + 1;
  const roomId = ids.room(c, roomIdx);
  const z = Math.floor(roomIdx / (BUILDINGS_PER_ZONE * ROOMS_PER_BUILDING));
  const createdAt = new Date(createdAtMs);
  const channel = r() < 0.88 ? 'miniapp' : 'phone';
  const pooled = status === 'submitted' && r() < 0.05;
  const ownerId = pooled ? null : r() < 0.8 ? ids.staff(c, z) : ids.staff(c, 3);
  const residentId = channel === 'miniapp' ? roomId : null;
  const policy = shared.defaultSlaPolicy(type, priority);
  const dl = shared.deadlinesAtCreation(policy, createdAt, {});
  const t = {
    respondBy: dl.respondBy,
    onsiteBy: dl.onsiteBy,
    resolveBy: dl.resolveBy,
    confirmBy: null,
    revisitBy: null,
    respondedAt: null,
    onsiteAt: null,
    resolvedAt: null,
    closedAt: null,
    revisitedAt: null,
    cancelledAt: null,
    heldAt: null,
    slaWarned: 0,
    slaBreached: 0,
    escalationLevel: 0,
    escalatedAt: null,
  };
  const limit = T0.getTime() - 30_000;
  // milestones in order, each kept before "now" (scaled into the remaining time when needed)
  let cursor = createdAt.getTime();
  const step = (within, spread) => {
    let at = cursor + within * 1000 * (0.05 + spread * r());
    if (at >= limit) at = cursor + (limit - cursor) * (0.2 + 0.7 * r());
    cursor = at;
    return new Date(at);
  };
  const rank = { submitted: 0, accepted: 1, dispatched: 2, in_progress: 3, resolved: 4, closed: 5, revisited: 6, cancelled: -1 };
  let level = rank[status];
  let assigneeId = null;
  const ev = [];
  const staffName = (sid) => `员工${cid}-${(sid - 1) % STAFF}`;
  ev.push(['created', createdAt, residentId ? 'resident' : 'staff', residentId ?? ownerId, residentId ? '业主' : staffName(ownerId)]);
  if (ownerId === null) ev.push(['pooled', createdAt, 'system', null, '系统']);
  else if (residentId) ev.push(['routed', createdAt, 'system', null, '系统']);
  if (status === 'cancelled') level = r() < 0.5 ? 0 : 1;
  if (level >= 1) {
    t.respondedAt = step(policy.respondWithinSec, 1.05);
    ev.push(['accepted', t.respondedAt, 'staff', ownerId, staffName(ownerId)]);
  }
  if (level >= 2 && type !== 'complaint') {
    assigneeId = ids.staff(c, 5 + Math.floor(r() * 3));
    ev.push(['dispatched', step(600, 1), 'staff', ownerId, staffName(ownerId)]);
  }
  if (level >= 3 && type !== 'complaint') {
    t.onsiteAt = step(dl.onsiteBy ? (dl.onsiteBy.getTime() - createdAt.getTime()) / 2000 : 3600, 1.2);
    ev.push(['started', t.onsiteAt, 'staff', assigneeId, staffName(assigneeId)]);
  }
  if (level >= 4) {
    t.resolvedAt = step(policy.resolveWithinSec / 2.5, 1.3);
    if (status === 'resolved') {
      // awaiting confirmation: resolved within the last two days
      t.resolvedAt = new Date(Math.max(cursor, T0.getTime() - 2 * DAY * r()));
      cursor = t.resolvedAt.getTime();
    }
    const after = shared.deadlinesAtResolution(policy, t.resolvedAt);
    t.confirmBy = after.confirmBy;
    t.revisitBy = after.revisitBy;
    ev.push(['resolved', t.resolvedAt, 'staff', assigneeId ?? ownerId, staffName(assigneeId ?? ownerId)]);
  }
  if (level >= 5) {
    t.closedAt = step(policy.confirmWithinSec / 6, 1.02);
    if (t.closedAt > t.confirmBy) {
      t.closedAt = t.confirmBy;
      ev.push(['auto_confirmed', t.closedAt, 'system', null, '系统']);
    } else ev.push(['confirmed', t.closedAt, residentId ? 'resident' : 'staff', residentId ?? ownerId, residentId ? '业主' : staffName(ownerId)]);
  }
  if (level >= 6) {
    t.revisitedAt = step(Math.max(3600_000, t.revisitBy.getTime() - cursor) / 1000, 1.0);
    ev.push(['revisited', t.revisitedAt, 'staff', ownerId, staffName(ownerId)]);
  }
  if (status === 'cancelled') {
    t.cancelledAt = step(4 * 3600, 1);
    ev.push(['cancelled', t.cancelledAt, residentId ? 'resident' : 'staff', residentId ?? ownerId, residentId ? '业主' : staffName(ownerId)]);
  }
  let rating = null;
  if ((status === 'closed' || status === 'revisited') && residentId && r() < 0.55) {
    const score = () => (r() < 0.8 ? 4 + Math.round(r()) : 1 + Math.floor(r() * 3));
    const at = new Date(Math.min(t.closedAt.getTime() + 3600_000 * r() * 24, limit));
    rating = [id, cid, residentId, score(), score(), score(), null, at];
    ev.push(['rated', at, 'resident', residentId, '业主']);
  }
  // What the SLA scanner would have recorded by now: breaches (late or still missing), warnings, escalations.
  const milestone = {
    respond: t.respondedAt ?? t.resolvedAt,
    onsite: t.onsiteAt ?? t.resolvedAt,
    resolve: t.resolvedAt,
    confirm: t.closedAt,
    revisit: t.revisitedAt,
  };
  const running = new Set(
    shared.runningClocks({
      respondedAt: t.respondedAt,
      onsiteAt: t.onsiteAt,
      resolvedAt: t.resolvedAt,
      closedAt: t.closedAt,
      revisitedAt: t.revisitedAt,
      cancelledAt: t.cancelledAt,
    }),
  );
  let firstBreach = null;
  for (const clock of ['respond', 'onsite', 'resolve', 'confirm', 'revisit']) {
    const d = t[shared.DEADLINE_FIELD[clock]];
    if (!d) continue;
    const m = milestone[clock];
    const late = m ? m.getTime() > d.getTime() : running.has(clock) || status === 'cancelled' ? d.getTime() < (t.cancelledAt ?? T0).getTime() : false;
    if (late && clock !== 'confirm') {
      t.slaBreached |= BIT[clock];
      t.slaWarned |= BIT[clock];
      if (!firstBreach || d < firstBreach) firstBreach = d;
    } else if (running.has(clock) && d.getTime() - WATCH.warnLeadSec * 1000 < T0.getTime()) t.slaWarned |= BIT[clock];
  }
  if (firstBreach) {
    ev.push(['overdue', firstBreach, 'system', null, '系统']);
    t.escalationLevel = firstBreach.getTime() + 3600_000 < T0.getTime() ? 2 : 1;
    t.escalatedAt = firstBreach;
    ev.push(['escalated', firstBreach, 'system', null, '系统']);
  }
  const due = nextDueAt(t, WATCH);
  const updatedAt = new Date(cursor);
  const prefix = shared.TICKET_NO_PREFIX[type];
  const row = [
    id,
    `${prefix}${shanghaiDay(createdAt)}-S${pad(id, 7)}`,
    type,
    status,
    CATEGORIES[Math.floor(r() * CATEGORIES.length)],
    DESCRIPTIONS[Math.floor(r() * DESCRIPTIONS.length)],
    priority,
    channel,
    cid,
    ids.zone(c, z),
    roomId,
    residentId,
    channel === 'miniapp' ? null : ownerId,
    ownerId,
    assigneeId,
    level >= 4 && type !== 'complaint' && r() < 0.3 ? 50 + Math.floor(r() * 200) : null,
    t.respondBy,
    t.onsiteBy,
    t.resolveBy,
    t.confirmBy,
    t.revisitBy,
    t.respondedAt,
    t.onsiteAt,
    t.resolvedAt,
    t.closedAt,
    t.revisitedAt,
    t.cancelledAt,
    null,
    0,
    0,
    0,
    '[]',
    createdAt,
    updatedAt,
    ev.length,
    t.slaWarned,
    t.slaBreached,
    t.escalationLevel,
    t.escalatedAt,
    due && due.getTime() < T0.getTime() ? new Date(T0.getTime() + 60_000 + r() * 3600_000) : due,
    queueDueAt(t),
  ];
  const events = ev.map(([type_, at, kind, actorId, name]) => [id, type_, at, kind, actorId, name, null, null, null]);
  return { row, events, rating };
}

const OPEN = new Set(['submitted', 'accepted', 'dispatched', 'in_progress']);

async function seedTickets(conns, scale, T0) {
  const { tickets } = scale;
  const weights = communityWeights(scale.communities);
  const ticketRng = (i) => rng((Math.imul(i + 1, 2654435761) ^ 0x5eed) >>> 0);
  // Pass 1: each ticket's creation time (every ticket has its own PRNG, so it can be drawn again).
  // Typed arrays only: at xl that is 10 M doubles and 10 M indexes (120 MB), no objects kept.
  const createdAt = new Float64Array(tickets);
  // Whole milliseconds, as the ticket's Date keeps them: tickets created in the same millisecond keep their order.
  for (let i = 0; i < tickets; i++) createdAt[i] = Math.trunc(drawTicket(ticketRng(i), T0, weights).createdAtMs);
  const order = new Uint32Array(tickets);
  for (let i = 0; i < tickets; i++) order[i] = i;
  order.sort((a, b) => createdAt[a] - createdAt[b]);
  // Timelines only for a recent subset when the scale says so (xl: open tickets and the last
  // N days), so that 10 M tickets' ~70 M events do not fill the disk; lists and stats do not read them.
  const eventsSince = scale.eventsWithinDays ? T0.getTime() - scale.eventsWithinDays * DAY : -Infinity;
  // Pass 2: rows in creation order, so ids grow with created_at as in real life.
  const BATCH = 4000;
  let tRows = [];
  let eRows = [];
  let gRows = [];
  let inFlight = Promise.resolve();
  const started = Date.now();
  let events = 0;
  let ratings = 0;
  let withTimeline = 0;
  for (let p = 0; p < tickets; p++) {
    const d = makeTicket(order[p], ticketRng(order[p]), T0, weights);
    const id = p + 1;
    d.row[0] = id;
    d.row[1] = d.row[1].replace(/-S\d+$/, `-S${pad(id, 7)}`);
    tRows.push(d.row);
    if (createdAt[order[p]] >= eventsSince || OPEN.has(d.row[3])) {
      withTimeline++;
      for (const e of d.events) {
        e[0] = id;
        eRows.push(e);
      }
    }
    if (d.rating) {
      d.rating[0] = id;
      gRows.push(d.rating);
    }
    if (tRows.length >= BATCH || p === tickets - 1) {
      const [t, e, g] = [tRows, eRows, gRows];
      events += e.length;
      ratings += g.length;
      tRows = [];
      eRows = [];
      gRows = [];
      await inFlight;
      inFlight = Promise.all([
        insertRows(conns[0], 'tickets', TICKET_COLUMNS, t),
        (async () => {
          for (let k = 0; k < e.length; k += 6000) await insertRows(conns[1], 'ticket_events', EVENT_COLUMNS, e.slice(k, k + 6000));
          await insertRows(conns[1], 'ticket_ratings', RATING_COLUMNS, g);
        })(),
      ]);
      if ((p + 1) % 100_000 < BATCH) log(`tickets ${p + 1}/${tickets} (${Math.round((Date.now() - started) / 1000)} s)`);
    }
  }
  await inFlight;
  return { events, ratings, withTimeline, bigCommunities: weights.big };
}

/**
 * The tickets table's secondary indexes, dropped before a large seed and built again after
 * it (one sorted build per index instead of 10 M random B-tree inserts into each). With
 * foreign_key_checks off (as in the seeding session) MariaDB lets the foreign keys' own
 * indexes go too, and they come back with the rest; with it on, it refuses (1553) and they
 * stay. Returns what to add back.
 */
async function dropSecondaryIndexes(conn, table) {
  const [cols] = await conn.query(
    `SELECT index_name, non_unique, column_name, sub_part FROM information_schema.statistics
      WHERE table_schema = DATABASE() AND table_name = ? AND index_name <> 'PRIMARY' ORDER BY index_name, seq_in_index`,
    [table],
  );
  const indexes = new Map();
  for (const c of cols) {
    if (!indexes.has(c.index_name)) indexes.set(c.index_name, { name: c.index_name, unique: Number(c.non_unique) === 0, columns: [] });
    indexes.get(c.index_name).columns.push(`\`${c.column_name}\`${c.sub_part ? `(${c.sub_part})` : ''}`);
  }
  const dropped = [];
  for (const ix of indexes.values()) {
    try {
      await conn.query(`ALTER TABLE \`${table}\` DROP INDEX \`${ix.name}\``);
      dropped.push(ix);
    } catch (e) {
      if (e.errno !== 1553) throw e; // ER_DROP_INDEX_FK: a foreign key needs it (checks on), so it stays
    }
  }
  return dropped;
}

async function restoreIndexes(conn, table, dropped) {
  if (!dropped.length) return;
  const adds = dropped.map((ix) => `ADD ${ix.unique ? 'UNIQUE ' : ''}INDEX \`${ix.name}\` (${ix.columns.join(', ')})`);
  await conn.query(`ALTER TABLE \`${table}\` ${adds.join(', ')}`);
}

/** Creates the schema (the server's own migrations) and the seed, unless a complete one exists. */
async function ensureSeed({ mysql, dbUrl, dbName, scaleName, reseed }) {
  const scale = SCALES[scaleName];
  const admin = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', multipleStatements: true });
  try {
    if (reseed) await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await admin.query(`CREATE DATABASE IF NOT EXISTS \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const [marker] = await admin.query(`SELECT * FROM information_schema.tables WHERE table_schema = ? AND table_name = 'bench_seed'`, [dbName]);
    if (marker.length) {
      const [rows] = await admin.query(`SELECT * FROM \`${dbName}\`.bench_seed WHERE completed_at IS NOT NULL`);
      if (rows.length && rows[0].scale === scaleName) {
        log(`reusing the seed in ${dbName} (${rows[0].tickets} tickets, seeded ${rows[0].seeded_at.toISOString()})`);
        return { seed: rows[0], scale, reused: true };
      }
      log(`${dbName} holds an incomplete or different seed: recreating it`);
    }
    await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\`; CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
  } finally {
    await admin.end();
  }
  await runServerMigrations(dbUrl);
  if (scale.redoLogMb) await raiseRedoLog(mysql, scale.redoLogMb);
  const T0 = new Date();
  const started = Date.now();
  const open = () =>
    mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root', database: dbName, timezone: 'Z', supportBigNumbers: true, bigNumberStrings: true });
  const conns = [await open(), await open()];
  for (const c of conns) await c.query('SET SESSION unique_checks = 0, foreign_key_checks = 0');
  try {
    log(`seeding ${scaleName}: ${scale.communities} communities, ${scale.tickets} tickets into ${dbName}`);
    await conns[0].query(`CREATE TABLE bench_seed (scale varchar(10) NOT NULL, tickets int NOT NULL, communities int NOT NULL, big_communities int NOT NULL,
      seeded_at datetime(3) NOT NULL, max_ticket_id bigint NOT NULL DEFAULT 0, max_event_id bigint NOT NULL DEFAULT 0, max_rating_id bigint NOT NULL DEFAULT 0,
      max_notice_id bigint NOT NULL DEFAULT 0, seed_seconds int NULL, completed_at datetime(3) NULL)`);
    await seedStructure(conns[0], scale, T0);
    const deferred = scale.deferIndexes ? await dropSecondaryIndexes(conns[0], 'tickets') : [];
    if (deferred.length) log(`tickets: ${deferred.length} secondary indexes dropped for the seed, built again after it`);
    const { events, ratings, withTimeline, bigCommunities } = await seedTickets(conns, scale, T0);
    log(`tickets: ${scale.tickets} (${withTimeline} with their timeline), events: ${events}, ratings: ${ratings}`);
    if (deferred.length) {
      const t = Date.now();
      await restoreIndexes(conns[0], 'tickets', deferred);
      log(`tickets: ${deferred.length} indexes built again in ${Math.round((Date.now() - t) / 1000)} s`);
    }
    // Each complaint's own row (投诉处理): one in ten 重大; the finished ones judged and formally answered.
    await conns[0].query(
      `INSERT INTO ticket_complaints (ticket_id, community_id, level, about_staff, validity, judged_at, reply_result, reply_measures, replied_at, created_at)
       SELECT id, community_id, IF(id % 10 = 0, 'major', 'general'), category = '服务态度',
              IF(resolved_at IS NULL, NULL, IF(id % 3 = 0, 'invalid', 'valid')), resolved_at,
              IF(resolved_at IS NULL, NULL, '已处理'), IF(resolved_at IS NULL, NULL, '加强巡查'), resolved_at, created_at
         FROM tickets WHERE type = 'complaint'`,
    );
    await conns[0].query('ANALYZE TABLE tickets, ticket_events, ticket_ratings, ticket_complaints, duty_shifts, rooms, staff');
    const [[max]] = await conns[0].query(
      `SELECT (SELECT COALESCE(MAX(id),0) FROM tickets) t, (SELECT COALESCE(MAX(id),0) FROM ticket_events) e, (SELECT COALESCE(MAX(id),0) FROM ticket_ratings) g, (SELECT COALESCE(MAX(id),0) FROM notices) n`,
    );
    const seconds = Math.round((Date.now() - started) / 1000);
    await conns[0].query(`INSERT INTO bench_seed VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CURRENT_TIMESTAMP(3))`, [
      scaleName,
      scale.tickets,
      scale.communities,
      bigCommunities,
      T0,
      max.t,
      max.e,
      max.g,
      max.n,
      seconds,
    ]);
    log(`seed done in ${seconds} s (${scaleName}: ${scale.tickets} tickets)`);
    const [[seed]] = await conns[0].query('SELECT * FROM bench_seed');
    return { seed, scale, reused: false };
  } finally {
    for (const c of conns) await c.end();
  }
}

/**
 * A larger redo log for a long bulk load (MariaDB 10.11 resizes it online): with the default
 * 96 MB, InnoDB stalls on checkpoints every few seconds of a 10 M-row load.
 */
async function raiseRedoLog(mysql, mb) {
  const c = await mysql.createConnection({ host: '127.0.0.1', port: 3306, user: 'root' });
  try {
    const [[{ size }]] = await c.query('SELECT @@innodb_log_file_size AS size');
    if (Number(size) >= mb * 1048576) return;
    log(`raising innodb_log_file_size ${Number(size) / 1048576} → ${mb} MB for the seed`);
    await c.query(`SET GLOBAL innodb_log_file_size = ${mb * 1048576}`);
  } catch (e) {
    log(`note: innodb_log_file_size stays as it is (${e.message})`);
  } finally {
    await c.end();
  }
}

/** The schema comes from the server's own migrations (compiled), as `npm start` would apply them. */
async function runServerMigrations(dbUrl) {
  require('reflect-metadata');
  const { DataSource } = require('typeorm');
  const { dataSourceOptions, runMigrations } = require(path.join(ROOT, 'server/dist/database/data-source-options.js'));
  const ds = new DataSource({ ...dataSourceOptions(dbUrl), logging: false });
  await ds.initialize();
  try {
    await runMigrations(ds);
  } finally {
    await ds.destroy();
  }
}

module.exports = { ensureSeed, runServerMigrations, SCALES, ids, ROOMS, STAFF, ZONES, WATCH, BIT };
