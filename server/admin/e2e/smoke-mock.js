// Renders every admin page in Chromium against an in-process stand-in of the API,
// for each role, and fails on a page error or a missing heading. Screenshots go to
// $ARTIFACTS_DIR/mock-*.png. Needs `npm run build` first. Use it while the real
// server is not at hand; staff-journey.js is the real end-to-end test.
import { readFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { checker, DESKTOP, horizontalOverflow, launch, login, PHONE, shot } from './lib.js';

const dist = new URL('../dist/', import.meta.url).pathname;
const t = checker();
const now = Date.now();
const iso = (min) => new Date(now + min * 60_000).toISOString();
const staff = {
  agent: { id: '11', name: '王客服', roles: ['agent'], communityIds: ['1'] },
  tech: { id: '12', name: '李师傅', roles: ['technician'], communityIds: ['1'] },
  boss: { id: '13', name: '赵主管', roles: ['supervisor'], communityIds: ['1'] },
  admin: { id: '1', name: '管理员', roles: ['admin'], communityIds: ['1'] },
};
const photo = (id) => ({ id, url: `/mock-photo/${id}.png`, thumbUrl: `/mock-photo/${id}.png` });
const ticket = (id, over = {}) => ({
  id,
  no: `BX20261123-00${id}`,
  type: 'repair',
  status: 'submitted',
  category: '水电',
  description: '厨房水管漏水，已关闭总阀',
  priority: 'normal',
  channel: 'miniapp',
  room: { id: '5', label: '12栋2单元1502', communityId: '1', zoneId: '2' },
  owner: null,
  assignee: null,
  deadlines: { respondBy: iso(40), onsiteBy: null, resolveBy: iso(60 * 70), confirmBy: null, revisitBy: null },
  overdue: [],
  onHold: false,
  // The widest a time-limit cell gets: "响应 · 剩余 1 天 10 小时" and the like.
  clock: { name: 'respond', dueAt: iso(60 * 34 + 20), warnAt: iso(60 * 34 - 10), state: 'ok' },
  createdAt: iso(-80),
  updatedAt: iso(-10),
  ...over,
});
const tickets = [
  ticket('21'),
  ticket('22', {
    priority: 'urgent',
    description: '电梯困人',
    category: '电梯',
    deadlines: { respondBy: iso(-5), onsiteBy: iso(25), resolveBy: iso(600), confirmBy: null, revisitBy: null },
    overdue: ['respond'],
    clock: { name: 'respond', dueAt: iso(-65), warnAt: iso(-95), state: 'breached' },
  }),
  ticket('23', {
    status: 'dispatched',
    owner: { id: '11', name: '王客服' },
    assignee: { id: '12', name: '李师傅' },
    deadlines: { respondBy: iso(-60), onsiteBy: iso(300), resolveBy: iso(3000), confirmBy: null, revisitBy: null },
  }),
  ticket('24', {
    type: 'complaint',
    no: 'TS20261123-0024',
    status: 'accepted',
    category: '噪音',
    description: '楼上夜间装修噪音',
    owner: { id: '11', name: '王客服' },
  }),
];
const detail = (t) => ({
  ...t,
  contactPhoneMasked: '138****8000',
  photos: [photo('p1'), photo('p2')],
  rating: null,
  reopenCount: 0,
  appointmentAt: iso(120),
  serviceItem: null,
  slotStart: null,
  fee: null,
  residentId: '900',
  flagged: false,
  events: [
    { type: 'created', at: iso(-80), actor: { kind: 'resident', id: '900', name: '张业主' }, note: null, photos: [photo('p1')] },
    { type: 'routed', at: iso(-79), actor: { kind: 'system', id: null, name: '系统' }, note: '分派给 A1 区值班客服', photos: [] },
  ],
});
const page = (items) => ({ items, nextCursor: null });
const stats = {
  counts: {
    byType: { repair: 32, complaint: 6, home_service: 4 },
    byStatus: { submitted: 3, accepted: 4, dispatched: 5, in_progress: 2, resolved: 6, closed: 10, revisited: 11, cancelled: 1 },
  },
  firstResponse: { medianSec: 540, p90Sec: 3100 },
  resolution: { medianSec: 20000, p90Sec: 150000 },
  onTimeRate: { respond: 0.96, onsite: 0.88, resolve: 0.92, confirm: 1, revisit: null },
  satisfactionRate: 0.93,
  revisitRate: 0.81,
  reopenRate: 0.04,
  owners: [
    { staffId: '11', name: '王客服', owned: 21, onTime: 0.95, satisfaction: 0.96 },
    { staffId: '14', name: '陈客服', owned: 17, onTime: 0.82, satisfaction: 0.88 },
  ],
  trend: Array.from({ length: 14 }, (_, i) => ({
    date: new Date(now - (13 - i) * 86400_000).toISOString().slice(0, 10),
    created: 2 + (i % 4),
    resolved: 1 + (i % 3),
    satisfaction: 0.85 + (i % 3) * 0.05,
  })),
};
const routes = {
  'POST /auth/staff/login': (body) => {
    const s = staff[body.username];
    return s
      ? [200, { accessToken: body.username, refreshToken: body.username, expiresIn: 1800, staff: s }]
      : [401, { statusCode: 401, code: 'BAD_CREDENTIALS', message: '用户名或密码错误' }];
  },
  'GET /communities': () => [200, page([{ id: '1', name: '翠湖花园' }])],
  'GET /communities/1/rooms': () => [
    200,
    page([
      { id: '5', label: '1栋1单元101' },
      { id: '6', label: '1栋1单元102' },
    ]),
  ],
  'GET /tickets': (_b, q, who) => {
    if (q.get('unowned') === 'true') return [200, page(tickets.filter((x) => !x.owner))];
    if (q.get('mine') === 'assignee') return [200, page(tickets.filter((x) => x.assignee?.id === who.id).map((x) => ({ ...x, appointmentAt: iso(90) })))];
    if (q.get('mine') === 'owner') return [200, page(tickets.filter((x) => x.owner?.id === who.id && (!q.get('status') || x.status === q.get('status'))))];
    if (q.get('overdue') === 'true') return [200, page(tickets.filter((x) => x.overdue.length))];
    return [200, { items: tickets, nextCursor: 'NEXT' }];
  },
  'GET /admin/staff': (_b, q) => [
    200,
    page(
      [
        {
          id: '12',
          username: 'tech',
          name: '李师傅',
          phoneMasked: '139****0001',
          roles: ['technician'],
          communityIds: ['1'],
          skills: ['水电', '管道'],
          active: true,
          openOwned: 0,
          openAssigned: 2,
        },
        {
          id: '15',
          username: 'tech2',
          name: '周师傅',
          phoneMasked: null,
          roles: ['technician'],
          communityIds: ['1'],
          skills: ['门窗'],
          active: true,
          openOwned: 0,
          openAssigned: 6,
        },
        {
          id: '11',
          username: 'agent',
          name: '王客服',
          phoneMasked: null,
          roles: ['agent'],
          communityIds: ['1'],
          skills: [],
          active: true,
          openOwned: 5,
          openAssigned: 0,
        },
      ].filter((s) => !q.get('role') || s.roles.includes(q.get('role'))),
    ),
  ],
  'GET /admin/communities': () => [200, page([{ id: '1', name: '翠湖花园', address: '滨江路 88 号' }])],
  'GET /admin/communities/1/zones': () => [
    200,
    page([
      { id: '2', communityId: '1', name: 'A1区' },
      { id: '3', communityId: '1', name: 'B2区' },
    ]),
  ],
  'GET /admin/communities/1/buildings': () => [200, page([{ id: '4', communityId: '1', zoneId: '2', name: '1栋' }])],
  'GET /admin/communities/1/rooms': () => [
    200,
    page([
      {
        id: '5',
        communityId: '1',
        buildingId: '4',
        zoneId: '2',
        unit: '1',
        number: '101',
        label: '1栋1单元101',
        ownerName: '张业主',
        ownerPhoneMasked: '138****8000',
      },
    ]),
  ],
  'GET /admin/duty-shifts': (_b, q) => {
    const from = new Date(q.get('from')).getTime();
    const at = (d, h) => new Date(from + d * 86400_000 + h * 3600_000).toISOString();
    return [
      200,
      page(
        [0, 1, 2, 3, 4].flatMap((d) => [
          { id: `d${d}`, communityId: '1', zoneId: '2', staffId: '11', staffName: '王客服', startAt: at(d, 0), endAt: at(d, 12) },
          { id: `n${d}`, communityId: '1', zoneId: null, staffId: '11', staffName: '王客服', startAt: at(d, 12), endAt: at(d, 24) },
        ]),
      ),
    ];
  },
  'GET /admin/sla-policies': () => [
    200,
    page([
      {
        id: '7',
        communityId: '1',
        type: 'repair',
        priority: 'urgent',
        respondWithinSec: 600,
        onsiteWithinSec: 1800,
        resolveWithinSec: 86400,
        confirmWithinSec: 259200,
        revisitWithinSec: 86400,
        isDefault: false,
      },
    ]),
  ],
  'GET /admin/service-items': () => [
    200,
    page([{ id: '8', communityId: '1', name: '空调清洗', description: null, price: 120, durationMin: 90, slotCapacity: 2, active: true }]),
  ],
  'GET /admin/room-bindings': () => [
    200,
    page([
      {
        id: '9',
        residentId: '900',
        roomId: '5',
        roomLabel: '1栋1单元101',
        communityId: '1',
        name: '张三',
        phoneMasked: '137****1111',
        status: 'pending',
        createdAt: iso(-300),
      },
    ]),
  ],
  'GET /admin/audit-logs': () => [
    200,
    page([
      {
        id: '10',
        at: iso(-3),
        actor: { kind: 'staff', id: '11', name: '王客服' },
        action: 'ticket.reveal_phone',
        targetType: 'ticket',
        targetId: '21',
        detail: { reason: '联系住户' },
        ip: '127.0.0.1',
      },
    ]),
  ],
  'GET /admin/stats': () => [200, stats],
};

function serve() {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/api/v1/')) {
      const path = url.pathname.slice('/api/v1'.length);
      const who = Object.values(staff).find((s) => req.headers.authorization === `Bearer ${Object.keys(staff).find((k) => staff[k] === s)}`) ?? staff.agent;
      if (path === '/staff/events') {
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
        res.write('retry: 10000\n\n');
        setTimeout(() => res.write(`data: ${JSON.stringify({ type: 'ticket.urgent', ticketId: '22', no: 'BX20261123-0022', title: '电梯困人' })}\n\n`), 500);
        return;
      }
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const key = `${req.method} ${path}`;
        const tm = path.match(/^\/tickets\/(\d+)$/);
        let out;
        if (routes[key]) out = routes[key](body ? JSON.parse(body) : {}, url.searchParams, who);
        else if (req.method === 'GET' && tm) {
          const found = tickets.find((x) => x.id === tm[1]);
          out = found ? [200, detail(found)] : [404, { statusCode: 404, code: 'NOT_FOUND', message: '工单不存在' }];
        } else out = [404, { statusCode: 404, code: 'NOT_FOUND', message: '不存在' }];
        res.writeHead(out[0], { 'Content-Type': 'application/json' });
        res.end(JSON.stringify(out[1]));
      });
      return;
    }
    if (url.pathname.startsWith('/mock-photo/')) {
      res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
      res.end(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="200"><rect width="200" height="200" fill="#8cb4e6"/><text x="50" y="110" font-size="28">照片</text></svg>',
      );
      return;
    }
    let file = url.pathname.replace(/^\/admin\/?/, '');
    if (!file || !existsSync(join(dist, file))) file = 'index.html';
    const types = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8' };
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(join(dist, file)));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const visits = [
  ['agent', DESKTOP, '/desk', '待认领'],
  ['agent', DESKTOP, '/tickets', '工单列表'],
  ['agent', DESKTOP, '/tickets/23', '处理记录'],
  ['agent', DESKTOP, '/intake', '电话/来访登记'],
  ['agent', DESKTOP, '/bindings', '房屋绑定审核'],
  ['tech', PHONE, '/jobs', '我的维修任务'],
  ['tech', PHONE, '/tickets/23', '处理记录'],
  ['boss', DESKTOP, '/dashboard', '首接负责人考核'],
  ['boss', DESKTOP, '/escalations', '超时督办'],
  ['boss', DESKTOP, '/roster', '值班排班'],
  ['boss', DESKTOP, '/sla', '时限设置'],
  ['admin', DESKTOP, '/system/communities', '小区与房屋'],
  ['admin', DESKTOP, '/system/communities/1', '楼栋'],
  ['admin', DESKTOP, '/system/staff', '员工账号'],
  ['admin', DESKTOP, '/system/service-items', '服务项目'],
  ['admin', DESKTOP, '/system/audit-logs', '操作日志'],
  ['tech', DESKTOP, '/roster', '没有权限'],
];

const server = await serve();
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await launch();
try {
  for (const [who, device, path, expectText] of visits) {
    const context = await browser.newContext(device);
    const p = await context.newPage();
    const errors = [];
    p.on('pageerror', (e) => errors.push(e.message));
    await t.step(`${who} ${path} shows “${expectText}”`, async () => {
      await login(p, base, who, 'x');
      await p.goto(`${base}/admin${path}`);
      await p.getByText(expectText).first().waitFor({ timeout: 10000 });
      await p.waitForTimeout(path === '/dashboard' ? 1500 : 400);
      await shot(p, `mock-${who}${path.replaceAll('/', '-')}`);
      if (errors.length) throw new Error(errors.join(' | '));
    });
    if (device === DESKTOP) {
      // Nothing needs scrolling sideways at 1366 px (the narrowest desktop we support), nor at 1440.
      for (const width of [1366, 1440]) {
        await p.setViewportSize({ width, height: 900 });
        await p.waitForTimeout(300);
        const overflow = await horizontalOverflow(p);
        t.ok(overflow.length === 0, `${who} ${path} fits ${width} px without scrolling sideways${overflow.length ? `: ${overflow.join('; ')}` : ''}`);
      }
    }
    await context.close();
  }
} finally {
  await browser.close();
  server.close();
}
process.exit(t.done());
