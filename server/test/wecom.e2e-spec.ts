import ExcelJS from 'exceljs';
import { INestApplication } from '@nestjs/common';
import { fromLocalDateTime, localDateTime } from '@yizhan/shared';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/common/config/app-config';
import { SlaScanner } from '../src/modules/sla/sla-scanner.service';
import { WecomOutboxWorker } from '../src/modules/wecom/wecom-outbox.worker';
import { startTestApp, TEST_DB, TestApp } from './support/test-app';
import { World } from './support/world';

// The fake WeCom server is plain CommonJS shared with local development.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFakeWecom } = require('@yizhan/fake-wecom');

interface FakeWecom {
  url: string;
  state: { dropped: unknown[]; calls: Record<string, number>; tokenMints: number };
  messages(filter?: { touser?: string }): { touser: string; msgtype: string; textcard?: { title: string; description: string; url: string } }[];
  fail(rule: Record<string, unknown>): void;
  clearFailures(): void;
  expireToken(): void;
  hide(userid: string): void;
  show(userid: string): void;
  advance(seconds: number): void;
  close(): Promise<void>;
}

const BASE = 'https://wuye.example.com';
const link = (ticketId: string) => `${BASE}/admin/tickets/${ticketId}`;
/** The page a message opens, without the ?wecom=<row> that keeps messages distinct. */
const page = (url: string) => url.replace(/\?wecom=\d+$/, '');
type Staff = { id: string; token: string };

/** Issue 15 §1: staff notices as WeCom application messages, through their own outbox. */
describe('WeCom application messages to staff', () => {
  let fake: FakeWecom;
  let t: TestApp;
  let w: World;
  let worker: WecomOutboxWorker;
  let c: Awaited<ReturnType<World['community']>>;
  let agent: Staff, agent2: Staff, tech: Staff, boss: Staff;
  let resident: { id: string; token: string };
  let poolResident: { id: string; token: string };

  /** Messages (to, title) that link to this request, sorted. */
  const about = (ticketId: string, since = 0) =>
    fake
      .messages()
      .slice(since)
      .filter((m) => m.textcard && page(m.textcard.url) === link(ticketId))
      .map((m) => `${m.touser} ${m.textcard!.title}`)
      .sort();
  const outboxOf = (staffId: string) =>
    t.sql<{ id: string; kind: string; status: string; attempts: number; last_error: string | null; held: number; digest_count: number }>(
      'SELECT id, kind, status, attempts, last_error, held, digest_count FROM wecom_outbox WHERE staff_id = ? ORDER BY id',
      [staffId],
    );
  const newTicket = async (extra: Record<string, unknown> = {}, who = resident, roomId = c.roomA.id) =>
    (await w.ok(who.token, 'post', '/tickets', w.repair(roomId, extra))).id as string;

  async function sheet(rows: string[][]): Promise<Buffer> {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('员工');
    rows.forEach((r) => ws.addRow(r));
    return Buffer.from(await book.xlsx.writeBuffer());
  }

  beforeAll(async () => {
    fake = await startFakeWecom({ corpid: 'wwtestcorp', secret: 'wecom-secret', agentid: 1000002 });
    t = await startTestApp('wecom', {
      WECOM_CORP_ID: 'wwtestcorp',
      WECOM_AGENT_ID: '1000002',
      WECOM_SECRET: 'wecom-secret',
      WECOM_API_BASE: fake.url,
      PUBLIC_BASE_URL: BASE,
    });
    w = new World(t);
    worker = t.app.get(WecomOutboxWorker);
    c = await w.community();
    agent = await w.staff('wc_agent', ['agent'], [c.id], { name: '李敏' });
    agent2 = await w.staff('wc_agent2', ['agent'], [c.id], { name: '赵静' });
    tech = await w.staff('wc_tech', ['technician'], [c.id], { name: '王建国' });
    boss = await w.staff('wc_boss', ['supervisor'], [c.id], { name: '周主管' });
    await w.onDuty(c.id, c.zoneA1, agent.id, 20);
    resident = await w.resident('wc_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    poolResident = await w.resident('wc_res_b', { roomId: c.roomB.id, name: '李娜', phone: '13700001111' });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('is off without WECOM_CORP_ID, and refuses half a configuration', () => {
    const base = { NODE_ENV: 'test', DATABASE_URL: 'sqlite:/tmp/x.sqlite' };
    expect(loadConfig(base).wecom).toBeNull();
    expect(() => loadConfig({ ...base, WECOM_SECRET: 's' })).toThrow('WECOM_CORP_ID is required when WECOM_SECRET is set');
    expect(() => loadConfig({ ...base, WECOM_CORP_ID: 'ww1', WECOM_SECRET: 's' })).toThrow('WECOM_AGENT_ID is required');
    expect(loadConfig({ ...base, WECOM_CORP_ID: 'ww1', WECOM_AGENT_ID: '1000002', WECOM_SECRET: 's' }).wecom).toMatchObject({
      apiBase: 'https://qyapi.weixin.qq.com',
      agentId: 1000002,
    });
  });

  it('binds staff: an admin sets a userid, a sheet binds several, a member binds themselves through WeCom OAuth', async () => {
    const admin = await w.admin();
    const set = await w.ok(admin, 'put', `/admin/staff/${agent.id}/wecom`, { userid: 'li.min' });
    expect(set).toMatchObject({ userid: 'li.min', boundVia: 'admin', enabled: true });
    expect((await w.as(admin, 'put', `/admin/staff/${agent2.id}/wecom`, { userid: 'li.min' })).body.code).toBe('ALREADY_BOUND');
    expect((await w.as(admin, 'put', `/admin/staff/${agent2.id}/wecom`, { userid: 'bad userid!' })).status).toBe(400);
    expect((await w.as(agent.token, 'put', `/admin/staff/${agent2.id}/wecom`, { userid: 'x' })).status).toBe(403);

    // A sheet with a mistake applies nothing and names every wrong row.
    const upload = (buf: Buffer) => t.http.post('/api/v1/admin/staff/wecom/import').set('Authorization', `Bearer ${admin}`).attach('file', buf, 'staff.xlsx');
    const wrong = await upload(
      await sheet([
        ['用户名', '企业微信账号'],
        ['wc_agent2', 'zhao.jing'],
        ['nobody', 'x1'],
        ['wc_boss', 'zhao.jing'],
      ]),
    );
    expect(wrong.status).toBe(200);
    expect(wrong.body).toEqual({
      updated: 0,
      unchanged: 0,
      errors: [
        { row: 3, message: '没有用户名为“nobody”的员工' },
        { row: 4, message: '企业微信账号“zhao.jing”与第 2 行重复' },
      ],
    });
    const good = await upload(
      await sheet([
        ['用户名', '企业微信账号'],
        ['wc_agent2', 'zhao.jing'],
        ['wc_boss', 'zhou.zg'],
        ['wc_agent', 'li.min'],
      ]),
    );
    expect(good.body).toEqual({ updated: 2, unchanged: 1, errors: [] });
    expect((await upload(Buffer.from('not a sheet'))).status).toBe(415);

    // OAuth inside WeCom: the page posts the code it came back with.
    const url = await w.ok(tech.token, 'get', '/staff/wecom-settings/oauth-url?back=/settings/notify');
    expect(url.url).toContain('https://open.weixin.qq.com/connect/oauth2/authorize?appid=wwtestcorp');
    expect(decodeURIComponent(url.url)).toContain(`redirect_uri=${BASE}/admin/settings/notify`);
    expect(url.url).toMatch(/agentid=1000002#wechat_redirect$/);
    const outsider = await w.as(tech.token, 'post', '/staff/wecom-settings/bind', { code: 'fake-openid:abc' });
    expect(outsider.body).toMatchObject({ statusCode: 400, code: 'WECOM_CODE_INVALID' });
    const bound = await w.ok(tech.token, 'post', '/staff/wecom-settings/bind', { code: 'fake:wang.jg' });
    expect(bound).toMatchObject({ userid: 'wang.jg', boundVia: 'oauth' });
    const reused = await w.as(tech.token, 'post', '/staff/wecom-settings/bind', { code: 'fake:wang.jg' });
    expect(reused.body.code).toBe('WECOM_CODE_INVALID');
    const taken = await w.as(agent2.token, 'post', '/staff/wecom-settings/bind', { code: 'fake:li.min' });
    expect(taken.body.code).toBe('ALREADY_BOUND');

    const list = await w.ok(admin, 'get', '/admin/staff/wecom');
    expect(list.items.map((i: { staffId: string; userid: string }) => [i.staffId, i.userid]).sort()).toEqual(
      [
        [agent.id, 'li.min'],
        [agent2.id, 'zhao.jing'],
        [tech.id, 'wang.jg'],
        [boss.id, 'zhou.zg'],
      ].sort(),
    );
    const audit = await t.sql<{ action: string }>("SELECT action FROM audit_logs WHERE action LIKE 'staff.wecom.%'");
    expect(audit.map((a) => a.action).sort()).toEqual(['staff.wecom.bind', 'staff.wecom.bind', 'staff.wecom.import']);
  });

  it('sends every kind of staff notice to the right people exactly once, with a link to the request', async () => {
    const since = fake.messages().length;
    const id = await newTicket();
    await w.ok(resident.token, 'post', `/tickets/${id}/urge`);
    await w.ok(agent.token, 'post', `/tickets/${id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${id}/dispatch`, { assigneeId: tech.id });
    await w.ok(tech.token, 'post', `/tickets/${id}/start`, {});
    await w.ok(tech.token, 'post', `/tickets/${id}/resolve`, { note: '换了阀芯' });
    await w.ok(resident.token, 'post', `/tickets/${id}/reopen`, { reason: '还是在漏水' });
    await w.ok(boss.token, 'post', `/tickets/${id}/transfer`, { toStaffId: agent2.id, reason: '李敏休假' });
    await w.ok(agent2.token, 'post', `/tickets/${id}/dispatch`, { assigneeId: tech.id });
    await w.ok(tech.token, 'post', `/tickets/${id}/start`, {});
    await w.ok(tech.token, 'post', `/tickets/${id}/resolve`, { note: '整个龙头换新' });
    await w.ok(resident.token, 'post', `/tickets/${id}/confirm`, {});
    await w.ok(resident.token, 'post', `/tickets/${id}/rating`, { attitude: 4, timeliness: 2, quality: 3 });
    const urgent = await newTicket({ priority: 'urgent', description: '家里燃气味很重' });
    const pooled = await newTicket({}, poolResident, c.roomB.id);

    // Nothing goes inside the transactions; the worker sends afterwards.
    expect(fake.messages().length).toBe(since);
    let drained;
    do drained = await worker.drainOnce();
    while (drained.claimed > 0);

    expect(about(id, since)).toEqual(
      [
        'li.min 新工单待受理',
        'li.min 业主催单',
        'wang.jg 您有新的派工',
        'li.min 师傅已处理完成，请跟进确认',
        'li.min 业主反馈问题未解决',
        'zhao.jing 主管将工单转交给您',
        'wang.jg 您有新的派工',
        'zhao.jing 师傅已处理完成，请跟进确认',
        'zhao.jing 业主差评（最低 2 分）',
        'zhou.zg 业主差评（最低 2 分）',
      ].sort(),
    );
    // The agent on duty is both its owner and on the urgent alert: one message, the urgent one.
    expect(about(urgent, since)).toEqual(['li.min 【紧急】紧急工单，请立即处理', 'zhou.zg 【紧急】紧急工单，请立即处理']);
    expect(about(pooled, since)).toEqual(['li.min 新工单待认领', 'zhao.jing 新工单待认领']);
    // Each message is a textcard of WeCom's shape; the in-app notices exist beside them.
    const card = fake
      .messages()
      .slice(since)
      .find((m) => m.textcard && page(m.textcard.url) === link(id))!;
    expect(card.msgtype).toBe('textcard');
    expect(card.textcard!.url).toMatch(new RegExp(`^${link(id)}\\?wecom=\\d+$`));
    expect(card.textcard!.description).toMatch(
      /^<div class="gray">\d+月\d+日 \d\d:\d\d<\/div><div class="normal">BX\d{8}-\d{4} 水电：厨房水龙头漏水，关不紧<\/div>$/,
    );
    const kinds = await w.ok(agent2.token, 'get', '/staff/notices?limit=100');
    expect(
      kinds.items
        .filter((n: { ticketId: string }) => n.ticketId === id)
        .map((n: { type: string }) => n.type)
        .sort(),
    ).toEqual(['ticket.rated_low', 'ticket.resolved', 'ticket.transferred'].sort());
    // A second pass sends nothing again.
    const count = fake.messages().length;
    expect((await worker.drainOnce(new Date(Date.now() + 3600_000))).sent).toBe(0);
    expect(fake.messages().length).toBe(count);
  });

  it('sends SLA warnings, breaches and escalations', async () => {
    const admin = await w.admin();
    const c2 = await w.community('碧水苑');
    const a3 = await w.staff('wc_agent3', ['agent'], [c2.id]);
    const b3 = await w.staff('wc_boss3', ['supervisor'], [c2.id]);
    await w.ok(admin, 'put', `/admin/staff/${a3.id}/wecom`, { userid: 'a3' });
    await w.ok(admin, 'put', `/admin/staff/${b3.id}/wecom`, { userid: 'b3' });
    await w.onDuty(c2.id, c2.zoneA1, a3.id, 20);
    const r = await w.resident('wc_res2', { roomId: c2.roomA.id, name: '张伟', phone: '13812341234' });
    const tk = await w.ok(r.token, 'post', '/tickets', w.repair(c2.roomA.id));
    const respondBy = new Date(tk.deadlines.respondBy).getTime();
    const scanner = t.app.get(SlaScanner);
    const since = fake.messages().length;
    for (const at of [respondBy - 20 * 60_000, respondBy + 1000]) {
      await scanner.scan(new Date(at));
      while ((await worker.drainOnce(new Date(at + 1000))).claimed > 0);
    }
    // The warning is not urgent; the breach and the escalation are, and go through quiet hours.
    expect(about(tk.id, since)).toEqual(['a3 【紧急】已超时：受理时限', 'a3 受理时限即将到期', 'a3 新工单待受理', 'b3 【紧急】工单超时升级：受理时限'].sort());
  });

  it('keeps what it could not send during an outage, in order, and sends it once WeCom is back', async () => {
    const since = fake.messages().length;
    const first = await newTicket({ description: '停电了' });
    const second = await newTicket({ description: '电梯停了' });
    const start = Date.now();
    fake.fail({ path: '/cgi-bin/message/send', httpStatus: 503 });
    expect((await worker.drainOnce(new Date(start))).sent).toBe(0);
    fake.fail({ path: '/cgi-bin/message/send', errcode: -1 });
    await worker.drainOnce(new Date(start + 11_000));
    fake.fail({ path: '/cgi-bin/message/send', drop: true });
    await worker.drainOnce(new Date(start + 32_000));
    expect(fake.messages().length).toBe(since);
    const rows = (await outboxOf(agent.id)).filter((r) => r.status === 'pending');
    expect(rows.map((r) => r.attempts)).toEqual([3, 0]); // the second waits behind the first
    expect(rows[0]!.last_error).toContain('unreachable');
    // Back, with an expired token on top: fetched again and retried once.
    fake.expireToken();
    const mints = fake.state.tokenMints;
    expect((await worker.drainOnce(new Date(start + 80_000))).sent).toBe(2);
    expect(fake.state.tokenMints).toBe(mints + 1);
    const sent = fake
      .messages()
      .slice(since)
      .map((m) => page(m.textcard!.url));
    expect(sent).toEqual([link(first), link(second)]);
  });

  it('records 81013 and 60020 as final, shows them on the profile, and sends nothing more for them', async () => {
    const admin = await w.admin();
    fake.hide('wang.jg');
    const id = await newTicket();
    await w.ok(agent.token, 'post', `/tickets/${id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${id}/dispatch`, { assigneeId: tech.id });
    while ((await worker.drainOnce()).claimed > 0);
    const techRows = await outboxOf(tech.id);
    expect(techRows.at(-1)).toMatchObject({ kind: 'dispatched', status: 'failed', attempts: 1 });
    expect(techRows.at(-1)!.last_error).toContain('errcode 81013');
    const profile = (await w.ok(admin, 'get', '/admin/staff/wecom')).items.find((i: { staffId: string }) => i.staffId === tech.id);
    expect(profile.lastError).toContain('81013');
    expect(profile.lastErrorReason).toBe('该成员不在应用的可见范围内，或已离开企业：请在企业微信管理后台把他加入应用的可见范围，或更正账号（81013）');
    expect(profile.lastErrorAt).not.toBeNull();
    expect((await w.ok(tech.token, 'get', '/staff/wecom-settings')).lastError).toContain('81013');
    const calls = fake.state.calls['/cgi-bin/message/send'];
    await worker.drainOnce(new Date(Date.now() + 86400_000));
    expect(fake.state.calls['/cgi-bin/message/send']).toBe(calls);

    fake.show('wang.jg');
    fake.fail({ path: '/cgi-bin/message/send', errcode: 60020 });
    await w.ok(agent.token, 'post', `/tickets/${id}/dispatch`, { assigneeId: tech.id });
    while ((await worker.drainOnce()).claimed > 0);
    expect((await outboxOf(tech.id)).at(-1)).toMatchObject({ status: 'failed' });
    expect((await w.ok(admin, 'get', '/admin/staff/wecom')).items.find((i: { staffId: string }) => i.staffId === tech.id).lastError).toContain('60020');
    // Binding again starts with a clean record.
    await w.ok(admin, 'put', `/admin/staff/${tech.id}/wecom`, { userid: 'wang.jg' });
    expect((await w.ok(tech.token, 'get', '/staff/wecom-settings')).lastError).toBeNull();
  });

  it('lets a member turn kinds off (never the urgent ones) and holds the rest during quiet hours until the morning', async () => {
    // agent2 does not want pool notices; urgent kinds stay on whatever is sent.
    const saved = await w.ok(agent2.token, 'put', '/staff/wecom-settings', { kinds: ['routed', 'dispatched'], quietStart: null, quietEnd: null });
    expect(saved.kinds.find((k: { kind: string }) => k.kind === 'pooled').on).toBe(false);
    expect(saved.kinds.find((k: { kind: string }) => k.kind === 'urgent')).toMatchObject({ on: true, urgent: true });
    expect((await w.as(agent2.token, 'put', '/staff/wecom-settings', { kinds: [], quietStart: '22:00', quietEnd: null })).body.code).toBe('VALIDATION_FAILED');
    expect((await w.as(agent2.token, 'put', '/staff/wecom-settings', { kinds: ['nope'], quietStart: null, quietEnd: null })).status).toBe(400);
    const since = fake.messages().length;
    const pooled = await newTicket({}, poolResident, c.roomB.id);
    while ((await worker.drainOnce()).claimed > 0);
    expect(about(pooled, since)).toEqual(['li.min 新工单待认领']);
    const notices = await w.ok(agent2.token, 'get', '/staff/notices?limit=5');
    expect(notices.items[0]).toMatchObject({ ticketId: pooled, kind: 'pooled' }); // still told in the admin pages

    // The on-duty agent keeps 22:00–07:00 quiet.
    await w.ok(agent.token, 'put', '/staff/wecom-settings', { kinds: ['routed', 'urgent'], quietStart: '22:00', quietEnd: '07:00' });
    const today = localDateTime(new Date(Date.now() + 86400_000));
    const night = fromLocalDateTime({ ...today, hour: 23, minute: 0, second: 0, millisecond: 0 });
    const nextDay = localDateTime(new Date(night.getTime() + 86400_000));
    const morning = fromLocalDateTime({ ...nextDay, hour: 7, minute: 0, second: 30, millisecond: 0 });
    const quiet = await newTicket({ description: '楼道灯不亮' });
    const loud = await newTicket({ priority: 'urgent', description: '水管爆了' });
    const pass = await worker.drainOnce(night);
    expect(pass.held).toBe(1);
    expect(about(quiet, since)).toEqual([]);
    expect(about(loud, since)).toEqual(['li.min 【紧急】紧急工单，请立即处理', 'zhou.zg 【紧急】紧急工单，请立即处理']);
    expect((await w.ok(agent.token, 'get', '/staff/wecom-settings')).pending).toBe(1);
    await worker.drainOnce(new Date(night.getTime() + 3 * 3600_000)); // 02:00: still held
    expect(about(quiet, since)).toEqual([]);
    await worker.drainOnce(morning);
    expect(about(quiet, since)).toEqual(['li.min 新工单待受理']);

    // Held again tonight, then the member turns quiet hours off: it goes on the next pass.
    const again = await newTicket({ description: '门禁坏了' });
    const nextNight = new Date(night.getTime() + 86400_000);
    expect((await worker.drainOnce(nextNight)).held).toBe(1);
    await w.ok(agent.token, 'put', '/staff/wecom-settings', {
      kinds: ['routed', 'urged', 'dispatched', 'resolved', 'reopened', 'pooled', 'sla_warning'],
      quietStart: null,
      quietEnd: null,
    });
    await worker.drainOnce(nextNight);
    expect(about(again, since)).toEqual(['li.min 新工单待受理']);
  });

  it('does not send to a member deactivated after the message was written, nor a kind they turned off since', async () => {
    const admin = await w.admin();
    const temp = await w.staff('wc_temp', ['agent'], [c.id]);
    const leaving = await w.staff('wc_leaving', ['agent'], [c.id]);
    await w.ok(admin, 'put', `/admin/staff/${temp.id}/wecom`, { userid: 'temp.1' });
    await w.ok(admin, 'put', `/admin/staff/${leaving.id}/wecom`, { userid: 'leaving.1' });
    const since = fake.messages().length;
    const pooled = await newTicket({}, poolResident, c.roomB.id); // every agent of the community hears of it
    await w.ok(temp.token, 'put', '/staff/wecom-settings', { kinds: ['routed'], quietStart: null, quietEnd: null });
    await w.ok(admin, 'patch', `/admin/staff/${leaving.id}`, { active: false });
    while ((await worker.drainOnce()).claimed > 0);
    expect(about(pooled, since)).toEqual(['li.min 新工单待认领']); // zhao.jing turned pool notices off earlier
    expect((await outboxOf(temp.id)).map((r) => [r.kind, r.status, r.last_error])).toEqual([['pooled', 'skipped', 'kind turned off by the member']]);
    expect((await outboxOf(leaving.id)).map((r) => [r.kind, r.status])).toEqual([['pooled', 'skipped']]);
  });

  describe('one busy member (WeCom takes at most 30 a minute)', () => {
    let busy: Staff, busy2: Staff;
    let r3: { id: string; token: string }, r3b: { id: string; token: string };
    let c3: Awaited<ReturnType<World['community']>>;
    beforeAll(async () => {
      c3 = await w.community('金桂园');
      busy = await w.staff('wc_busy', ['agent'], [c3.id]);
      await w.onDuty(c3.id, c3.zoneA1, busy.id, 20);
      await w.ok(await w.admin(), 'put', `/admin/staff/${busy.id}/wecom`, { userid: 'busy' });
      r3 = await w.resident('wc_res3', { roomId: c3.roomA.id, name: '张伟', phone: '13812341234' });
      busy2 = await w.staff('wc_busy2', ['agent'], [c3.id]);
      await w.onDuty(c3.id, c3.zoneB2, busy2.id, 20);
      await w.ok(await w.admin(), 'put', `/admin/staff/${busy2.id}/wecom`, { userid: 'busy2' });
      r3b = await w.resident('wc_res3b', { roomId: c3.roomB.id, name: '李娜', phone: '13700001111' });
    });
    const submit = async (n: number) => {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) ids.push(await newTicket({ description: `第 ${i + 1} 处漏水` }, r3, c3.roomA.id));
      return ids;
    };

    // The embedded database serves one server process; several instances need MariaDB.
    (TEST_DB === 'sqlite' ? it.skip : it)('two instances drain one WeCom outbox and send each message once', async () => {
      const second: INestApplication = await createApp(t.config, { logger: ['error'] });
      await second.init();
      try {
        const since = fake.messages({ touser: 'busy' }).length;
        const since2 = fake.messages({ touser: 'busy2' }).length;
        const ids: string[] = [];
        const ids2: string[] = [];
        for (let i = 0; i < 12; i++) {
          ids.push(await newTicket({ description: `A 区第 ${i + 1} 处漏水` }, r3, c3.roomA.id));
          ids2.push(await newTicket({ description: `B 区第 ${i + 1} 处漏水` }, r3b, c3.roomB.id));
        }
        const workers = [worker, second.get(WecomOutboxWorker)];
        for (let round = 0; round < 4; round++) await Promise.all(workers.flatMap((x) => [x.drainOnce(), x.drainOnce()]));
        // Each message once, and each member's in the order they were written.
        expect(
          fake
            .messages({ touser: 'busy' })
            .slice(since)
            .map((m) => page(m.textcard!.url)),
        ).toEqual(ids.map(link));
        expect(
          fake
            .messages({ touser: 'busy2' })
            .slice(since2)
            .map((m) => page(m.textcard!.url)),
        ).toEqual(ids2.map(link));
      } finally {
        await second.close();
      }
    });

    // A second app on the same database, configured with an associated staff mini-program (MariaDB: two instances).
    (TEST_DB === 'sqlite' ? it.skip : it)('opens the staff mini-program page instead when the mini-program is associated with the corp', async () => {
      const withMiniprogram: INestApplication = await createApp(
        { ...t.config, wecom: { ...t.config.wecom!, miniprogramAppid: 'wx0123456789abcdef' } },
        { logger: ['error'] },
      );
      await withMiniprogram.init();
      try {
        const since = fake.messages({ touser: 'busy2' }).length;
        const id = await newTicket({ description: '地下车库漏水' }, r3b, c3.roomB.id);
        while ((await withMiniprogram.get(WecomOutboxWorker).drainOnce()).claimed > 0);
        const got = fake.messages({ touser: 'busy2' }).slice(since) as unknown as {
          msgtype: string;
          miniprogram_notice: { appid: string; page: string; title: string };
        }[];
        expect(got).toHaveLength(1);
        expect(got[0]).toMatchObject({ msgtype: 'miniprogram_notice', miniprogram_notice: { appid: 'wx0123456789abcdef', title: '新工单待受理' } });
        expect(got[0]!.miniprogram_notice.page).toMatch(new RegExp(`^subpackages/staff/pages/ticket/index\\?id=${id}&wecom=\\d+$`));
      } finally {
        await withMiniprogram.close();
      }
    });

    it('sends what exceeds the limit as one digest instead of losing it', async () => {
      // Two hours on, so whatever was sent before is outside both windows.
      const at = Date.now() + 2 * 3600_000;
      fake.advance(2 * 3600);
      const since = fake.messages({ touser: 'busy' }).length;
      await submit(40);
      while ((await worker.drainOnce(new Date(at))).claimed > 0);
      const got = fake.messages({ touser: 'busy' }).slice(since);
      expect(got).toHaveLength(30);
      expect(got.slice(0, 29).every((m) => m.textcard!.title === '新工单待受理')).toBe(true);
      expect(got[29]!.textcard!.title).toBe('您有 11 条新通知');
      expect(got[29]!.textcard!.description).toContain('另有 6 条');
      expect(page(got[29]!.textcard!.url)).toBe(`${BASE}/admin/`);
      const rows = (await outboxOf(busy.id)).slice(-40);
      expect(rows.filter((r) => r.status === 'digested')).toHaveLength(10);
      expect(rows.filter((r) => r.digest_count === 11)).toHaveLength(1);
      expect(fake.state.dropped).toHaveLength(0);

      // The minute is full: three more wait for the next one.
      await submit(3);
      await worker.drainOnce(new Date(at + 5000));
      expect(fake.messages({ touser: 'busy' }).slice(since)).toHaveLength(30);
      fake.advance(61);
      while ((await worker.drainOnce(new Date(at + 61_000))).claimed > 0);
      expect(fake.messages({ touser: 'busy' }).slice(since)).toHaveLength(33);
      expect(fake.state.dropped).toHaveLength(0);
    });
  });
});
