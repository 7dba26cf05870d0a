import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { INestApplication } from '@nestjs/common';
import { createApp } from '../src/app.factory';
import { OutboxWorker } from '../src/modules/notices/outbox.worker';
import { encryptPush, pushSignature } from '../src/modules/wechat/push-crypto';
import { solid } from './support/images';
import { startTestApp, TEST_DB, TestApp } from './support/test-app';
import { World } from './support/world';

const PUSH_TOKEN = 'pushtoken123';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

/** Issue #3: notices in the same transaction, the outbox to WeChat, content checks, staff notices, push. */
describe('notices back to residents', () => {
  let t: TestApp;
  let w: World;
  let worker: OutboxWorker;
  let c: Awaited<ReturnType<World['community']>>;
  let agent: { id: string; token: string };
  let tech: { id: string; token: string };
  let resident: { id: string; token: string };
  const outbox = () => t.sql<{ id: string; kind: string; status: string; attempts: number; last_error: string | null }>('SELECT id, kind, status, attempts, last_error FROM outbox_messages ORDER BY id');
  const credits = async (templateId: string) =>
    Number((await t.sql<{ credits: number }>('SELECT credits FROM subscription_credits WHERE resident_id = ? AND template_id = ?', [resident.id, templateId]))[0]?.credits ?? 0);
  const newTicket = async () => {
    const tk = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    return tk.id as string;
  };
  const later = (ms: number) => new Date(Date.now() + ms);

  beforeAll(async () => {
    t = await startTestApp('notices', { WECHAT_PUSH_TOKEN: PUSH_TOKEN, WECHAT_ENCODING_AES_KEY: AES_KEY });
    w = new World(t);
    worker = t.app.get(OutboxWorker);
    c = await w.community();
    agent = await w.staff('n_agent', ['agent'], [c.id], { name: '李敏' });
    tech = await w.staff('n_tech', ['technician'], [c.id], { name: '王建国' });
    await w.onDuty(c.id, c.zoneA1, agent.id);
    resident = await w.resident('n_res', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
  });
  afterAll(() => t.close());

  it('writes an inbox notice for each status change the resident cares about, and none for their own actions', async () => {
    const id = await newTicket();
    await w.ok(agent.token, 'post', `/tickets/${id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${id}/dispatch`, { assigneeId: tech.id, appointmentAt: '2026-11-24T06:30:00.000Z' });
    await w.ok(tech.token, 'post', `/tickets/${id}/start`, {});
    await w.ok(tech.token, 'post', `/tickets/${id}/resolve`, { note: '已修好' });
    await w.ok(resident.token, 'post', `/tickets/${id}/confirm`);
    const inbox = await w.ok(resident.token, 'get', '/notices');
    const mine = inbox.items.filter((n: { ticketId: string }) => n.ticketId === id);
    expect(mine.map((n: { kind: string }) => n.kind)).toEqual(['resolved', 'dispatched', 'accepted']);
    expect(mine[1].body).toContain('王建国将于 11月24日 14:30 上门');
    expect(mine[2].title).toBe('您的报修已受理');
    expect(inbox.unread).toBe(inbox.items.length);
    const read = await w.as(resident.token, 'post', `/notices/${mine[0].id}/read`);
    expect(read.status).toBe(204);
    expect((await w.ok(resident.token, 'get', '/notices')).unread).toBe(inbox.unread - 1);
    const stranger = await w.resident('n_stranger');
    expect((await w.as(stranger.token, 'post', `/notices/${mine[1].id}/read`)).status).toBe(404);
    // One outbox row per notice, written with it.
    const rows = await t.sql<{ n: string }>('SELECT COUNT(*) AS n FROM outbox_messages o JOIN notices n ON n.id = o.notice_id WHERE n.ticket_id = ?', [id]);
    expect(Number(rows[0]!.n)).toBe(3);
  });

  it('sends a subscribe message only with a credit, spends it on success, and keeps the inbox line without one', async () => {
    await t.sql("UPDATE outbox_messages SET status = 'skipped' WHERE status = 'pending'");
    const subscribed = await w.as(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept', tpl_resolved: 'reject', tpl_dispatched: 'ban' } });
    expect(subscribed.status).toBe(204);
    expect(await credits('tpl_accepted')).toBe(1);
    expect(await credits('tpl_resolved')).toBe(0);

    const first = await newTicket();
    await w.ok(agent.token, 'post', `/tickets/${first}/accept`, {});
    const second = await newTicket();
    await w.ok(agent.token, 'post', `/tickets/${second}/accept`, {});
    const before = t.fake.messages().length;
    expect(await worker.drainOnce()).toEqual({ claimed: 2, delivered: 1 });
    const sent = t.fake.messages().slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ touser: t.fake.openidFor('n_res'), template_id: 'tpl_accepted', page: `subpackages/tickets/pages/detail/index?id=${first}` });
    expect(sent[0]!.data.phrase3!.value).toBe('已受理');
    expect(Array.from(sent[0]!.data.thing2!.value).length).toBeLessThanOrEqual(20);
    expect(await credits('tpl_accepted')).toBe(0);
    const statuses = (await outbox()).slice(-2).map((r) => r.status);
    expect(statuses).toEqual(['delivered', 'no_consent']);
    const inbox = await w.ok(resident.token, 'get', '/notices');
    expect(inbox.items.filter((n: { ticketId: string }) => n.ticketId === second)).toHaveLength(1);
  });

  it('sends one resident’s messages in the order they were written, the credits going to the earliest', async () => {
    await t.sql("UPDATE outbox_messages SET status = 'skipped' WHERE status = 'pending'");
    for (let i = 0; i < 3; i++) await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    const granted = await credits('tpl_accepted');
    expect(granted).toBe(3); // one credit per accept
    const ids: string[] = [];
    for (let i = 0; i < granted + 3; i++) {
      const id = await newTicket();
      await w.ok(agent.token, 'post', `/tickets/${id}/accept`, {});
      ids.push(id);
    }
    const before = t.fake.messages().length;
    expect(await worker.drainOnce()).toEqual({ claimed: ids.length, delivered: granted });
    const pages = t.fake.messages().slice(before).map((m) => m.page);
    expect(pages).toEqual(ids.slice(0, granted).map((id) => `subpackages/tickets/pages/detail/index?id=${id}`));
    expect((await outbox()).slice(-ids.length).map((r) => r.status)).toEqual([...Array(granted).fill('delivered'), 'no_consent', 'no_consent', 'no_consent']);
  });

  it('delivers after a WeChat outage, once, with back-off in between', async () => {
    await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    const id = await newTicket();
    await w.ok(agent.token, 'post', `/tickets/${id}/accept`, {});
    t.fake.fail({ path: '/cgi-bin/message/subscribe/send', httpStatus: 503, times: 2 });
    const before = t.fake.messages().length;
    expect((await worker.drainOnce()).delivered).toBe(0);
    expect((await outbox()).at(-1)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await worker.drainOnce()).claimed).toBe(0); // backing off: not due yet
    expect((await worker.drainOnce(later(11_000))).delivered).toBe(0); // the outage goes on
    expect((await outbox()).at(-1)).toMatchObject({ status: 'pending', attempts: 2 });
    expect((await worker.drainOnce(later(60_000))).delivered).toBe(1);
    expect((await outbox()).at(-1)).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(t.fake.messages().length - before).toBe(1);
    expect(await credits('tpl_accepted')).toBe(0); // the failed tries did not spend it
  });

  it('holds no lock while WeChat answers, and sends a message whose sender died when its lease ends, on the credit it had taken', async () => {
    await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    const id = await newTicket();
    await w.ok(agent.token, 'post', `/tickets/${id}/accept`, {});
    // WeChat hangs: while the send waits, the staff desk can still write (no row or gap
    // lock is held across the call).
    t.fake.fail({ path: '/cgi-bin/message/subscribe/send', delayMs: 1500, times: 1 });
    const before = t.fake.messages().length;
    const pass = worker.drainOnce();
    await new Promise((r) => setTimeout(r, 300));
    const other = await newTicket();
    const started = Date.now();
    await w.ok(agent.token, 'post', `/tickets/${other}/accept`, {});
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await pass).delivered).toBe(1);
    expect(await credits('tpl_accepted')).toBe(0);

    // A sender that took a credit and died before recording the send: the row falls due
    // again after its lease and goes out without spending a second credit.
    await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    await t.sql("UPDATE outbox_messages SET status = 'skipped' WHERE status = 'pending'");
    const third = await newTicket();
    await w.ok(agent.token, 'post', `/tickets/${third}/accept`, {});
    const [row] = await t.sql<{ id: string }>("SELECT id FROM outbox_messages WHERE status = 'pending'");
    await t.sql('UPDATE subscription_credits SET credits = credits - 1 WHERE resident_id = ?', [resident.id]);
    await t.sql('UPDATE outbox_messages SET credit_reserved = 1, next_attempt_at = ? WHERE id = ?', [later(t.config.outboxLeaseMs), row!.id]);
    expect((await worker.drainOnce()).claimed).toBe(0); // still leased
    expect((await worker.drainOnce(later(t.config.outboxLeaseMs + 1000))).delivered).toBe(1);
    expect(await credits('tpl_accepted')).toBe(0);
    expect(t.fake.messages().length - before).toBe(2);
  });

  it('treats 43101 as final and believes WeChat about the credit', async () => {
    await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    const id = await newTicket();
    await w.ok(agent.token, 'post', `/tickets/${id}/accept`, {});
    t.fake.fail({ path: '/cgi-bin/message/subscribe/send', errcode: 43101, times: 1 });
    await worker.drainOnce();
    expect((await outbox()).at(-1)).toMatchObject({ status: 'no_consent' });
    expect(await credits('tpl_accepted')).toBe(0);
    expect((await worker.drainOnce(later(3600_000))).claimed).toBe(0);
  });

  it('refreshes an access token that expired mid-run and retries the send once', async () => {
    await w.ok(resident.token, 'post', '/subscriptions', { results: { tpl_accepted: 'accept' } });
    const id = await newTicket();
    await w.ok(agent.token, 'post', `/tickets/${id}/accept`, {});
    t.fake.expireToken();
    expect((await worker.drainOnce()).delivered).toBe(1);
    expect((await outbox()).at(-1)).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  // The embedded database serves one server process; several instances need MariaDB.
  (TEST_DB === 'sqlite' ? it.skip : it)('lets two server instances drain one outbox with no message sent twice', async () => {
    const second: INestApplication = await createApp(t.config, { logger: ['error'] });
    await second.init();
    try {
      const N = 24;
      await t.sql('DELETE FROM subscription_credits WHERE resident_id = ? AND template_id = ?', [resident.id, 'tpl_accepted']);
      await t.sql('INSERT INTO subscription_credits (resident_id, template_id, credits) VALUES (?, ?, ?)', [resident.id, 'tpl_accepted', N]);
      const ids: string[] = [];
      for (let i = 0; i < N; i++) {
        const id = await newTicket();
        await w.ok(agent.token, 'post', `/tickets/${id}/accept`, {});
        ids.push(id);
      }
      const before = t.fake.messages().length;
      const workers = [worker, second.get(OutboxWorker)];
      for (let round = 0; round < 5; round++) await Promise.all(workers.flatMap((x) => [x.drainOnce(), x.drainOnce()]));
      const sent = t.fake.messages().slice(before);
      const pages = sent.map((m) => m.page);
      expect(new Set(pages).size).toBe(sent.length);
      expect(sent).toHaveLength(N);
      expect(await credits('tpl_accepted')).toBe(0);
    } finally {
      await second.close();
    }
  });

  it('refuses risky text, and flags text the check wants reviewed or could not check', async () => {
    const count = async () => Number((await t.sql<{ n: string }>('SELECT COUNT(*) AS n FROM tickets'))[0]!.n);
    const before = await count();
    const risky = await w.as(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), description: '楼下有人聚众赌博' });
    expect(risky.status).toBe(400);
    expect(risky.body.code).toBe('CONTENT_REJECTED');
    expect(await count()).toBe(before);

    const review = await w.ok(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), description: '电梯里贴满了广告' });
    expect(review.flagged).toBe(true);
    expect(review.events.map((e: { type: string }) => e.type)).toContain('flagged');

    t.fake.fail({ path: '/wxa/msg_sec_check', httpStatus: 503, times: 1 });
    const unchecked = await w.ok(resident.token, 'post', '/tickets', w.repair(c.roomA.id));
    expect(unchecked.flagged).toBe(true);

    const comment = await w.as(resident.token, 'post', `/tickets/${unchecked.id}/comments`, { note: '有人在这里赌博' });
    expect(comment.body.code).toBe('CONTENT_REJECTED');
    const staffNotices = await w.ok(agent.token, 'get', '/staff/notices?limit=100');
    expect(staffNotices.items.some((n: { kind: string; ticketId: string }) => n.kind === 'flagged' && n.ticketId === review.id)).toBe(true);
  });

  it('tells staff: the routed owner, the technician on dispatch, everyone on duty for urgent, the owner on urge', async () => {
    const boss = await w.staff('n_boss', ['supervisor'], [c.id]);
    const urgent = await w.ok(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), priority: 'urgent', description: '家里燃气味很重' });
    await w.ok(resident.token, 'post', `/tickets/${urgent.id}/urge`);
    await w.ok(agent.token, 'post', `/tickets/${urgent.id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${urgent.id}/dispatch`, { assigneeId: tech.id });
    const kinds = async (token: string) =>
      (await w.ok(token, 'get', '/staff/notices?limit=100')).items.filter((n: { ticketId: string }) => n.ticketId === urgent.id).map((n: { type: string }) => n.type).sort();
    expect(await kinds(agent.token)).toEqual(['ticket.routed', 'ticket.urged', 'ticket.urgent']);
    expect(await kinds(boss.token)).toEqual(['ticket.urgent']);
    expect(await kinds(tech.token)).toEqual(['ticket.dispatched']);
    const one = (await w.ok(tech.token, 'get', '/staff/notices')).items[0];
    expect(one).toMatchObject({ no: urgent.no, roomLabel: 'A1区 3栋 2单元 1201' });
    expect((await w.as(tech.token, 'post', `/staff/notices/${one.id}/read`)).status).toBe(204);
    expect((await w.ok(tech.token, 'get', '/staff/notices?unread=true')).items.map((n: { id: string }) => n.id)).not.toContain(one.id);
  });

  it('streams new staff notices as server-sent events', async () => {
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const received: string[] = [];
    const req = http.get(`http://127.0.0.1:${port}/api/v1/staff/events?access_token=${agent.token}`);
    const gotEvent = new Promise<void>((resolve, reject) => {
      req.on('response', (res) => {
        expect(res.headers['content-type']).toContain('text/event-stream');
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received.push(chunk);
          if (received.join('').includes('event: ticket.routed')) resolve();
        });
      });
      req.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 300)); // connected and past the existing notices
    const tk = await newTicket();
    await Promise.race([gotEvent, new Promise((_, reject) => setTimeout(() => reject(new Error(`no event: ${received.join('')}`)), 8000))]);
    req.destroy();
    expect(received.join('')).toContain(`"ticketId":"${tk}"`);
    const unauthorised = await t.http.get('/api/v1/staff/events?access_token=nonsense');
    expect(unauthorised.status).toBe(401);
  });

  it('ends a staff member’s event stream once the account is deactivated', async () => {
    if (!t.app.getHttpServer().listening) await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const leaver = await w.staff('n_leaver', ['agent'], [c.id]);
    const req = http.get(`http://127.0.0.1:${port}/api/v1/staff/events?access_token=${leaver.token}`);
    const ended = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    await new Promise((r) => setTimeout(r, 300)); // connected
    await w.ok(await w.admin(), 'patch', `/admin/staff/${leaver.id}`, { active: false });
    const status = await Promise.race([ended, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the stream stayed open')), 6000))]);
    req.destroy();
    expect(status).toBe(200);
    expect((await w.as(leaver.token, 'get', '/staff/notices')).status).toBe(401);
  });

  it('answers WeChat’s push URL check and decrypts safe-mode events, once each', async () => {
    const timestamp = '1714036504';
    const nonce = '1514711492';
    const check = await t.http.get('/api/v1/wechat/push').query({ signature: pushSignature(PUSH_TOKEN, timestamp, nonce), timestamp, nonce, echostr: 'hello' });
    expect(check.status).toBe(200);
    expect(check.text).toBe('hello');
    expect((await t.http.get('/api/v1/wechat/push').query({ signature: 'bad', timestamp, nonce, echostr: 'x' })).status).toBe(403);

    const encrypted = encryptPush(AES_KEY, 'wxtest', JSON.stringify({ Event: 'wxa_media_check', trace_id: 'trace-1', result: { suggest: 'pass' } }));
    const query = { signature: pushSignature(PUSH_TOKEN, timestamp, nonce), timestamp, nonce, encrypt_type: 'aes', msg_signature: pushSignature(PUSH_TOKEN, timestamp, nonce, encrypted) };
    const { WechatPushEvents } = await import('../src/modules/wechat/wechat-push.service');
    const seen: unknown[] = [];
    const sub = t.app.get(WechatPushEvents).events.subscribe((e) => seen.push(e));
    const first = await t.http.post('/api/v1/wechat/push').query(query).send({ ToUserName: 'gh_x', Encrypt: encrypted });
    const retry = await t.http.post('/api/v1/wechat/push').query(query).send({ ToUserName: 'gh_x', Encrypt: encrypted });
    sub.unsubscribe();
    expect([first.status, first.text, retry.text]).toEqual([200, 'success', 'success']);
    expect(seen).toEqual([expect.objectContaining({ Event: 'wxa_media_check', trace_id: 'trace-1' })]);
    const forged = await t.http.post('/api/v1/wechat/push').query({ ...query, msg_signature: 'f'.repeat(40) }).send({ Encrypt: encrypted });
    expect(forged.status).toBe(403);
  });

  it('checks residents’ photos with WeChat: a risky verdict hides the photo and flags the request', async () => {
    const upload = async () => {
      const res = await t.http.post('/api/v1/uploads').set('Authorization', `Bearer ${resident.token}`).attach('file', await solid('jpeg'), { filename: 'p.jpg', contentType: 'image/jpeg' });
      expect(res.status).toBe(201);
      return res.body.id as string;
    };
    const photo = await upload();
    const [row] = await t.sql<{ media_check: string; media_check_trace_id: string }>('SELECT media_check, media_check_trace_id FROM uploads WHERE id = ?', [photo]);
    expect(row!.media_check).toBe('pending');
    const tk = await w.ok(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), photoIds: [photo] });
    expect(tk.flagged).toBe(false);
    expect(tk.photos).toHaveLength(1);

    // WeChat pushes its verdict (safe mode), as the fake would to a public server.
    const timestamp = String(Math.floor(Date.now() / 1000));
    const nonce = '42';
    const encrypted = encryptPush(AES_KEY, 'wxtest', JSON.stringify({ Event: 'wxa_media_check', trace_id: row!.media_check_trace_id, result: { suggest: 'risky', label: 20002 } }));
    const pushed = await t.http
      .post('/api/v1/wechat/push')
      .query({ signature: pushSignature(PUSH_TOKEN, timestamp, nonce), timestamp, nonce, encrypt_type: 'aes', msg_signature: pushSignature(PUSH_TOKEN, timestamp, nonce, encrypted) })
      .send({ Encrypt: encrypted });
    expect(pushed.text).toBe('success');
    let seen: { flagged: boolean; photos: unknown[] } | null = null;
    for (let i = 0; i < 50 && !seen?.flagged; i++) {
      await new Promise((r) => setTimeout(r, 50));
      seen = await w.ok(resident.token, 'get', `/tickets/${tk.id}`);
    }
    expect(seen!.flagged).toBe(true);
    expect(seen!.photos).toEqual([]); // hidden from residents
    expect((await w.ok(agent.token, 'get', `/tickets/${tk.id}`)).photos).toHaveLength(1); // staff still see it

    // WeChat unreachable: the photo is kept, and the request it goes on is flagged for staff.
    t.fake.fail({ path: '/wxa/media_check_async', httpStatus: 503, times: 1 });
    const unchecked = await upload();
    expect((await t.sql<{ media_check: string }>('SELECT media_check FROM uploads WHERE id = ?', [unchecked]))[0]!.media_check).toBe('unchecked');
    const tk2 = await w.ok(resident.token, 'post', '/tickets', { ...w.repair(c.roomA.id), photoIds: [unchecked] });
    expect(tk2.flagged).toBe(true);
    expect(tk2.photos).toHaveLength(1);
  });
});
