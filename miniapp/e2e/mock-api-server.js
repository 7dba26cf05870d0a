#!/usr/bin/env node
/**
 * A small in-memory imitation of the Yizhan API (API.md) that also serves the h5 build
 * at /h5/, for developing and checking the resident front end without the NestJS
 * server and its database. It is NOT the product's server and decides nothing the
 * real one decides (routing, SLA, notices are simplified); the E2E journey should be
 * run against the real server whenever it is available.
 *
 *   node e2e/mock-api-server.js [port]      (default 3900; PORT env also works)
 *
 * Seed: community 阳光花园 with rooms "A1区 3栋 2单元 1201/1202", roster 张三 / 13800138000,
 * service item 空调清洗 ¥120, staff login admin / admin12345 (agent + supervisor).
 */
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');
const crypto = require('node:crypto');

const H5_DIR = path.join(__dirname, '..', 'dist', 'h5');
const port = Number(process.argv[2] || process.env.PORT || 3900);

const OPEN = ['submitted', 'accepted', 'dispatched', 'in_progress'];
const TYPE_PREFIX = { repair: 'BX', complaint: 'TS', home_service: 'FW' };
const HOUR = 3600_000;

const db = {
  communities: [{ id: '1', name: '阳光花园' }],
  rooms: [
    { id: '101', communityId: '1', zoneId: '1', label: 'A1区 3栋 2单元 1201', ownerName: '张三', ownerPhone: '13800138000' },
    { id: '102', communityId: '1', zoneId: '1', label: 'A1区 3栋 2单元 1202', ownerName: '李四', ownerPhone: '13900139000' },
    { id: '201', communityId: '1', zoneId: '2', label: 'B2区 8栋 1单元 0301', ownerName: '王五', ownerPhone: '13700137000' },
  ],
  serviceItems: [
    { id: '1', communityId: '1', name: '空调清洗', price: 120, durationMin: 120, slotCapacity: 2, active: true },
    { id: '2', communityId: '1', name: '家庭保洁（3 小时）', price: 150, durationMin: 180, slotCapacity: 3, active: true },
  ],
  staff: [{ id: '9', username: 'admin', password: 'admin12345', name: '王客服', roles: ['agent', 'supervisor', 'admin'], communityIds: ['1'] }],
  residents: new Map(), // openid -> resident
  tokens: new Map(), // token -> {kind, id}
  bindings: [],
  files: new Map(),
  tickets: [],
  notices: [],
  idempotency: new Map(),
  seq: 1000,
};
const nextId = () => String(++db.seq);
const now = () => new Date().toISOString();
const mask = (p) => (p ? `${p.slice(0, 3)}****${p.slice(-4)}` : null);

function send(res, status, body, headers = {}) {
  const data = body === undefined ? '' : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': typeof body === 'object' && !Buffer.isBuffer(body) ? 'application/json; charset=utf-8' : 'text/plain', ...headers });
  res.end(data);
}
const fail = (res, status, code, message) => send(res, status, { statusCode: status, code, message });

function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function multipartFile(buf, contentType) {
  const m = /boundary=(.+)$/.exec(contentType || '');
  if (!m) return null;
  const boundary = Buffer.from(`--${m[1]}`);
  let start = buf.indexOf(boundary);
  while (start !== -1) {
    const next = buf.indexOf(boundary, start + boundary.length);
    if (next === -1) break;
    const part = buf.subarray(start + boundary.length + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, headerEnd).toString();
    if (/name="file"/.test(headers)) {
      return { data: part.subarray(headerEnd + 4), type: (/Content-Type: (.+)/i.exec(headers) || [])[1] || 'application/octet-stream' };
    }
    start = next;
  }
  return null;
}

function auth(req) {
  const token = (req.headers.authorization || '').replace(/^Bearer /, '');
  return db.tokens.get(token) || null;
}

function residentView(r) {
  return {
    id: r.id,
    phoneMasked: mask(r.phone),
    rooms: db.bindings
      .filter((b) => b.residentId === r.id)
      .map((b) => {
        const room = db.rooms.find((x) => x.id === b.roomId);
        return { roomId: b.roomId, communityId: room.communityId, label: room.label, status: b.status };
      }),
  };
}

function summary(t) {
  const { events, photos, rating, contactPhone, reopenCount, appointmentAt, serviceItem, slotStart, fee, residentId, ...rest } = t;
  return rest;
}
function detail(t) {
  const { contactPhone, ...rest } = t;
  return { ...rest, contactPhoneMasked: mask(contactPhone) };
}

function event(t, type, actor, note = null, photos = []) {
  t.events.push({ type, at: now(), actor, note, photos });
  t.updatedAt = now();
}
function notify(t, kind, title, body) {
  db.notices.unshift({ id: nextId(), residentId: t.residentId, ticketId: t.id, kind, title, body, createdAt: now(), readAt: null });
}
const photoView = (id) => ({ id, url: `/api/v1/files/${id}`, thumbUrl: `/api/v1/files/${id}` });

function page(list, query) {
  const limit = Math.min(Number(query.get('limit') || 20), 100);
  const start = Number(query.get('cursor') || 0);
  const items = list.slice(start, start + limit);
  return { items, nextCursor: start + limit < list.length ? String(start + limit) : null };
}

const residentActor = (r) => ({ kind: 'resident', id: r.id, name: r.name });
const staffActor = (s) => ({ kind: 'staff', id: s.id, name: s.name });

async function api(req, res, url) {
  const p = url.pathname.replace(/^\/api\/v1/, '');
  const method = req.method;
  const raw = await readBody(req);
  let body = {};
  if (raw.length && (req.headers['content-type'] || '').includes('json')) {
    try {
      body = JSON.parse(raw.toString());
    } catch {
      return fail(res, 400, 'VALIDATION_FAILED', '请求格式不正确');
    }
  }
  let m;

  if (method === 'GET' && p === '/health') return send(res, 200, { status: 'ok', db: 'up' });
  if (method === 'POST' && p === '/auth/wechat/login') {
    const code = /^fake:([^:]+)(?::.*)?$/.exec(body.code || '');
    if (!code) return fail(res, 401, 'WECHAT_CODE_INVALID', '微信登录失败，请重试');
    const openid = `o-${code[1]}`;
    if (!db.residents.has(openid)) db.residents.set(openid, { id: nextId(), name: code[1], phone: null });
    const r = db.residents.get(openid);
    const token = crypto.randomBytes(16).toString('hex');
    db.tokens.set(token, { kind: 'resident', id: r.id });
    const view = residentView(r);
    return send(res, 200, { token, expiresIn: 7 * 24 * 3600, resident: { id: r.id, phoneBound: !!r.phone, rooms: view.rooms } });
  }
  if (method === 'POST' && p === '/auth/staff/login') {
    const s = db.staff.find((x) => x.username === body.username && x.password === body.password);
    if (!s) return fail(res, 401, 'INVALID_CREDENTIALS', '用户名或密码错误');
    const token = crypto.randomBytes(16).toString('hex');
    db.tokens.set(token, { kind: 'staff', id: s.id });
    return send(res, 200, {
      accessToken: token,
      refreshToken: token,
      expiresIn: 1800,
      staff: { id: s.id, name: s.name, roles: s.roles, communityIds: s.communityIds },
    });
  }
  if (method === 'GET' && p === '/communities') return send(res, 200, { items: db.communities });
  if ((m = /^\/files\/(\d+)(\/thumb)?$/.exec(p)) && method === 'GET') {
    const f = db.files.get(m[1]);
    return f ? send(res, 200, f.data, { 'Content-Type': f.type }) : fail(res, 404, 'NOT_FOUND', '文件不存在');
  }

  const who = auth(req);
  if (!who) return fail(res, 401, 'UNAUTHORIZED', '登录已过期，请重新登录');
  const resident = who.kind === 'resident' ? [...db.residents.values()].find((r) => r.id === who.id) : null;
  const staff = who.kind === 'staff' ? db.staff.find((s) => s.id === who.id) : null;

  if ((m = /^\/communities\/(\d+)\/rooms$/.exec(p)) && method === 'GET') {
    // Like the server: every word of q must appear in the label.
    const words = (url.searchParams.get('q') || '').split(/\s+/).filter(Boolean);
    const items = db.rooms.filter((r) => r.communityId === m[1] && words.every((w) => r.label.includes(w))).map(({ id, label }) => ({ id, label }));
    return send(res, 200, { items });
  }
  if (p === '/me' && method === 'GET' && resident) return send(res, 200, residentView(resident));
  if (p === '/me/phone' && method === 'POST' && resident) {
    const phone = (/^phone:(\d{11})/.exec(body.code || '') || [])[1];
    if (!phone) return fail(res, 400, 'WECHAT_CODE_INVALID', '获取手机号失败，请重试');
    resident.phone = phone;
    return send(res, 200, { phoneMasked: mask(phone) });
  }
  if (p === '/me/rooms' && method === 'POST' && resident) {
    const room = db.rooms.find((r) => r.id === body.roomId);
    if (!room) return fail(res, 404, 'NOT_FOUND', '房屋不存在');
    if (!/^1\d{10}$/.test(body.phone || '')) return fail(res, 400, 'VALIDATION_FAILED', '请填写正确的手机号');
    const status = room.ownerName === body.name && room.ownerPhone === body.phone ? 'approved' : 'pending';
    db.bindings = db.bindings.filter((b) => !(b.residentId === resident.id && b.roomId === room.id));
    db.bindings.push({ id: nextId(), residentId: resident.id, roomId: room.id, name: body.name, phone: body.phone, status, createdAt: now() });
    return send(res, 201, { roomId: room.id, status });
  }
  if (p === '/admin/room-bindings' && method === 'GET' && staff) {
    const list = db.bindings
      .filter((b) => !url.searchParams.get('status') || b.status === url.searchParams.get('status'))
      .map((b) => ({ ...b, roomLabel: db.rooms.find((r) => r.id === b.roomId).label, communityId: '1', phoneMasked: mask(b.phone) }));
    return send(res, 200, page(list, url.searchParams));
  }
  if ((m = /^\/admin\/room-bindings\/(\d+)\/(approve|reject)$/.exec(p)) && method === 'POST' && staff) {
    const b = db.bindings.find((x) => x.id === m[1]);
    if (!b) return fail(res, 404, 'NOT_FOUND', '绑定申请不存在');
    b.status = m[2] === 'approve' ? 'approved' : 'rejected';
    return send(res, 200, { roomId: b.roomId, status: b.status });
  }
  if (p === '/service-items' && method === 'GET') {
    return send(res, 200, { items: db.serviceItems.filter((i) => i.communityId === url.searchParams.get('communityId')), nextCursor: null });
  }
  if ((m = /^\/service-items\/(\d+)\/slots$/.exec(p)) && method === 'GET') {
    const item = db.serviceItems.find((i) => i.id === m[1]);
    const date = url.searchParams.get('date') || '';
    if (!item || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return fail(res, 400, 'VALIDATION_FAILED', '日期格式不正确');
    const items = [9, 11, 14, 16].map((h) => {
      const start = new Date(`${date}T${String(h).padStart(2, '0')}:00:00+08:00`);
      const taken = db.tickets.filter((t) => t.serviceItem?.id === item.id && t.slotStart === start.toISOString() && t.status !== 'cancelled').length;
      return {
        start: start.toISOString(),
        end: new Date(start.getTime() + item.durationMin * 60_000).toISOString(),
        remaining: Math.max(0, item.slotCapacity - taken),
      };
    });
    return send(res, 200, { items: items.filter((s) => Date.parse(s.start) > Date.now()) });
  }
  if (p === '/uploads' && method === 'POST') {
    const file = multipartFile(raw, req.headers['content-type']);
    if (!file) return fail(res, 400, 'VALIDATION_FAILED', '请选择要上传的照片');
    if (file.data.length > 10 * 1024 * 1024) return fail(res, 413, 'FILE_TOO_LARGE', '照片不能超过 10 MB');
    const sig = file.data.subarray(0, 4).toString('hex');
    const type = sig.startsWith('ffd8') ? 'image/jpeg' : sig === '89504e47' ? 'image/png' : sig === '52494646' ? 'image/webp' : null;
    if (!type) return fail(res, 415, 'UNSUPPORTED_MEDIA', '只支持 JPG、PNG、WebP 格式的照片');
    const id = nextId();
    db.files.set(id, { data: file.data, type });
    return send(res, 201, { ...photoView(id), width: 0, height: 0, size: file.data.length });
  }
  if (p === '/subscriptions' && method === 'POST') return send(res, 204);
  if (p === '/notices' && method === 'GET' && resident) {
    const list = db.notices.filter((n) => n.residentId === resident.id).map(({ residentId, ...n }) => n);
    return send(res, 200, page(list, url.searchParams));
  }
  if ((m = /^\/notices\/(\d+)\/read$/.exec(p)) && method === 'POST') {
    const n = db.notices.find((x) => x.id === m[1]);
    if (n && !n.readAt) n.readAt = now();
    return send(res, 204);
  }
  if (p === '/tickets' && method === 'POST') {
    const key = req.headers['idempotency-key'];
    const idemKey = key && `${who.kind}:${who.id}:${key}`;
    if (idemKey && db.idempotency.has(idemKey)) return send(res, 201, detail(db.tickets.find((t) => t.id === db.idempotency.get(idemKey))));
    const room = db.rooms.find((r) => r.id === body.roomId);
    if (!room) return fail(res, 400, 'VALIDATION_FAILED', '请选择房屋');
    if (!body.category || !body.description) return fail(res, 400, 'VALIDATION_FAILED', '请填写类别和描述');
    const item = body.serviceItemId ? db.serviceItems.find((i) => i.id === body.serviceItemId) : null;
    const seq = db.tickets.filter((t) => t.type === body.type).length + 1;
    const created = Date.now();
    const urgent = body.priority === 'urgent';
    const t = {
      id: nextId(),
      no: `${TYPE_PREFIX[body.type]}${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${String(seq).padStart(4, '0')}`,
      type: body.type,
      status: 'submitted',
      category: body.category,
      description: body.description,
      priority: urgent ? 'urgent' : 'normal',
      channel: 'miniapp',
      room: { id: room.id, label: room.label, communityId: room.communityId, zoneId: room.zoneId },
      location: {
        kind: 'room',
        label: room.label,
        communityId: room.communityId,
        zoneId: room.zoneId,
        roomId: room.id,
        buildingId: null,
        unit: null,
        placeId: null,
      },
      followerCount: 0,
      following: false,
      followers: [],
      reporterRoom: null,
      mergedInto: null,
      owner: null,
      assignee: null,
      deadlines: {
        respondBy: new Date(created + (urgent ? 0.25 : body.type === 'complaint' ? 24 : 2) * HOUR).toISOString(),
        onsiteBy: null,
        resolveBy: new Date(created + 72 * HOUR).toISOString(),
        confirmBy: null,
        revisitBy: null,
      },
      overdue: [],
      onHold: false,
      createdAt: now(),
      updatedAt: now(),
      contactPhone: body.contactPhone || resident?.phone || null,
      photos: (body.photoIds || []).map(photoView),
      events: [],
      rating: null,
      reopenCount: 0,
      appointmentAt: null,
      serviceItem: item ? { id: item.id, name: item.name, price: item.price } : null,
      slotStart: body.slotStart || null,
      fee: null,
      residentId: resident ? resident.id : null,
      lastUrgedAt: 0,
    };
    event(t, 'created', resident ? residentActor(resident) : staffActor(staff), null, t.photos);
    event(t, 'pooled', { kind: 'system', id: null, name: '系统' }, '等待值班客服认领');
    db.tickets.unshift(t);
    if (idemKey) db.idempotency.set(idemKey, t.id);
    return send(res, 201, detail(t));
  }
  if (p === '/tickets' && method === 'GET') {
    const status = url.searchParams.get('status');
    const stage = url.searchParams.get('stage');
    const list = db.tickets
      .filter((t) => !resident || t.residentId === resident.id)
      .filter((t) => !status || t.status === status)
      .filter((t) => !stage || (stage === 'open') === OPEN.includes(t.status))
      .map(({ lastUrgedAt, ...t }) => summary(t));
    return send(res, 200, page(list, url.searchParams));
  }
  if ((m = /^\/tickets\/(\d+)(?:\/([a-z]+))?$/.exec(p))) {
    const t = db.tickets.find((x) => x.id === m[1] && (!resident || x.residentId === resident.id));
    if (!t) return fail(res, 404, 'NOT_FOUND', '工单不存在');
    const action = m[2];
    const view = () => {
      const { lastUrgedAt, ...rest } = t;
      return detail(rest);
    };
    if (!action && method === 'GET') return send(res, 200, view());
    const refuse = () => fail(res, 409, 'INVALID_TRANSITION', `工单当前状态不能执行此操作`);
    const actor = resident ? residentActor(resident) : staffActor(staff);
    switch (action) {
      case 'urge':
        if (!OPEN.includes(t.status)) return refuse();
        if (Date.now() - t.lastUrgedAt < 10 * 60_000) return fail(res, 429, 'URGE_TOO_SOON', '已为您催办，10 分钟后可再次催单');
        t.lastUrgedAt = Date.now();
        event(t, 'urged', actor);
        return send(res, 200, view());
      case 'cancel':
        if (!['submitted', 'accepted'].includes(t.status)) return refuse();
        t.status = 'cancelled';
        event(t, 'cancelled', actor, body.reason);
        return send(res, 200, view());
      case 'claim':
        if (t.owner) return fail(res, 409, 'ALREADY_OWNED', '该工单已有首接人');
        t.owner = { id: staff.id, name: staff.name };
        event(t, 'claimed', actor);
        return send(res, 200, view());
      case 'accept':
        if (t.status !== 'submitted') return refuse();
        t.status = 'accepted';
        event(t, 'accepted', actor, body.note);
        notify(t, 'accepted', '您的诉求已受理', `首接人 ${staff.name} 将全程跟进`);
        return send(res, 200, view());
      case 'resolve':
        if (!['accepted', 'dispatched', 'in_progress'].includes(t.status)) return refuse();
        t.status = 'resolved';
        t.deadlines.confirmBy = new Date(Date.now() + 72 * HOUR).toISOString();
        if (body.fee != null) t.fee = body.fee;
        event(t, 'resolved', actor, body.note, (body.photoIds || []).map(photoView));
        notify(t, 'resolved', '您的诉求已处理完成', '请确认处理结果并为本次服务评价');
        return send(res, 200, view());
      case 'confirm':
        if (t.status !== 'resolved') return refuse();
        t.status = 'closed';
        event(t, 'confirmed', actor);
        return send(res, 200, view());
      case 'reopen':
        if (!['resolved', 'closed'].includes(t.status)) return refuse();
        t.status = 'accepted';
        t.reopenCount += 1;
        event(t, 'reopened', actor, body.reason);
        return send(res, 200, view());
      case 'rating':
        if (t.rating) return fail(res, 409, 'ALREADY_RATED', '该工单已评价');
        if (!['resolved', 'closed', 'revisited'].includes(t.status)) return refuse();
        t.rating = { attitude: body.attitude, timeliness: body.timeliness, quality: body.quality, comment: body.comment || null };
        event(t, 'rated', actor, body.comment || null);
        return send(res, 201, view());
      default:
        return fail(res, 404, 'NOT_FOUND', '接口不存在');
    }
  }
  return fail(res, 404, 'NOT_FOUND', '接口不存在');
}

const MIME = { '.html': 'text/html; charset=utf-8', '.js': 'application/javascript', '.css': 'text/css', '.png': 'image/png', '.svg': 'image/svg+xml' };

function serveH5(req, res, url) {
  const rel = url.pathname.replace(/^\/h5\/?/, '') || 'index.html';
  const file = path.join(H5_DIR, path.normalize(rel));
  if (!file.startsWith(H5_DIR) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    return send(res, 200, fs.readFileSync(path.join(H5_DIR, 'index.html')), { 'Content-Type': MIME['.html'] });
  }
  return send(res, 200, fs.readFileSync(file), { 'Content-Type': MIME[path.extname(file)] || 'application/octet-stream' });
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (url.pathname.startsWith('/api/v1/')) {
    api(req, res, url).catch((e) => {
      console.error(e);
      fail(res, 500, 'INTERNAL', '服务暂时不可用');
    });
  } else if (url.pathname === '/' || url.pathname === '/h5') {
    res.writeHead(302, { Location: '/h5/' });
    res.end();
  } else if (url.pathname.startsWith('/h5/')) {
    serveH5(req, res, url);
  } else {
    fail(res, 404, 'NOT_FOUND', 'not found');
  }
});

server.listen(port, '127.0.0.1', () => console.log(`mock Yizhan API + h5 on http://127.0.0.1:${server.address().port}/h5/`));
