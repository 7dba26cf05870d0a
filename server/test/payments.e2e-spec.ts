import { createServer } from 'node:net';
import { createPublicKey, createVerify } from 'node:crypto';
import { PaymentsService } from '../src/modules/payments/payments.service';
import { encryptResource } from '../src/modules/payments/wechatpay-crypto';
import { World } from './support/world';
import { TestApp, startTestApp } from './support/test-app';

// The fake WeChat Pay is plain CommonJS shared with local development.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { startFakeWechatpay, crypto: fakeCrypto } = require('@yizhan/fake-wechatpay');

interface FakeWechatpay {
  url: string;
  platformPublicKey: string;
  platformPublicKeyId: string;
  pay(outTradeNo: string, options?: { notify?: boolean }): { notification: string | null };
  order(outTradeNo: string): { trade_state: string } | null;
  notifications(): { notification: { id: string; event_type: string }; attempts: { status: number | null }[]; delivered: boolean }[];
  configure(patch: Record<string, unknown>): void;
  fail(spec: Record<string, unknown>): void;
  clearFailures(): void;
  resend(id?: string): void;
  signNotification(body: string, options?: { timestamp?: number; nonce?: string }): Record<string, string>;
  waitForNotification(predicate?: (r: { notification: { event_type: string } }) => boolean, timeoutMs?: number): Promise<unknown>;
  close(): Promise<void>;
}

const APIV3_KEY = 'Yizhan-test-apiv3-key-0123456789';
const MCHID = '1900000109';
const SERIAL = '5157F09EFDC096DE15EBE81A47057A72';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/**
 * Paid services over real HTTP on both databases (issue #17): the server talks to the fake
 * WeChat Pay on loopback and receives its notifications on a real port; the fake checks
 * every request's signature, and the server every answer's and notification's.
 */
describe('paid services: quote, approval, WeChat Pay, receipt, refund, settlement', () => {
  let t: TestApp;
  let w: World;
  let pay: FakeWechatpay;
  let merchant: { privateKey: string; publicKey: string };
  let admin: string;
  let community: Awaited<ReturnType<World['community']>>;
  let agent: { id: string; token: string };
  let tech: { id: string; token: string };
  let supervisor: { id: string; token: string };
  let resident: { id: string; token: string };
  let valve: { id: string };
  /** Paid here by a hand-made (genuinely signed) notification, never at the fake: the trade bill check must name it. */
  let paidOnlyHere = '';

  beforeAll(async () => {
    merchant = fakeCrypto.generateKeys();
    pay = await startFakeWechatpay({
      mchid: MCHID,
      appid: 'wxtest',
      merchantPublicKey: merchant.publicKey,
      merchantSerial: SERIAL,
      apiV3Key: APIV3_KEY,
      refundDelayMs: 20,
      notifyRetryDelaysMs: [50, 50],
    });
    const port = await freePort();
    t = await startTestApp('payments', {
      PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
      WECHATPAY_MCHID: MCHID,
      WECHATPAY_SERIAL: SERIAL,
      WECHATPAY_PRIVATE_KEY: merchant.privateKey,
      WECHATPAY_APIV3_KEY: APIV3_KEY,
      WECHATPAY_PLATFORM_PUBLIC_KEY: pay.platformPublicKey,
      WECHATPAY_PLATFORM_PUBLIC_KEY_ID: pay.platformPublicKeyId,
      WECHATPAY_API_BASE: pay.url,
      PAYMENT_SWEEP_MS: '0',
      PAYMENT_ORDER_TTL_SEC: '600',
    });
    await t.app.listen(port, '127.0.0.1');
    w = new World(t);
    admin = await w.admin();
    community = await w.community();
    agent = await w.staff('pay_agent', ['agent'], [community.id], { name: '王芳' });
    tech = await w.staff('pay_tech', ['technician'], [community.id], { name: '李师傅' });
    supervisor = await w.staff('pay_super', ['supervisor'], [community.id], { name: '赵主管' });
    await w.onDuty(community.id, null, agent.id);
    resident = await w.resident('pay-resident', { roomId: community.roomA.id, name: '张伟', phone: '13812341234' });
    valve = await w.ok(admin, 'post', '/admin/price-items', { communityId: community.id, name: '铜阀门', unit: '个', unitPriceFen: 3550 });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await pay?.close();
  });

  /** A repair dispatched to the technician: the point where a paid repair is quoted. */
  async function dispatchedRepair(): Promise<string> {
    const ticket = await w.ok(resident.token, 'post', '/tickets', w.repair(community.roomA.id));
    await w.ok(agent.token, 'post', `/tickets/${ticket.id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${ticket.id}/dispatch`, { assigneeId: tech.id });
    return ticket.id as string;
  }

  const events = async (id: string, type: string) => (await w.ok(agent.token, 'get', `/tickets/${id}`)).events.filter((e: { type: string }) => e.type === type);

  /** Quote → approve: returns what is due. */
  async function approvedQuote(
    id: string,
    lines: unknown[] = [
      { kind: 'material', priceItemId: valve.id, quantity: 2 },
      { kind: 'labour', name: '更换人工', unitPriceFen: 5000, quantity: 1 },
    ],
  ) {
    const quoted = await w.ok(tech.token, 'post', `/tickets/${id}/quotes`, { lines });
    return w.ok(resident.token, 'post', `/tickets/${id}/quotes/${quoted.quotes[0].id}/approve`);
  }

  it('quote → approve → pay (notification twice) → receipt → close; work and closing wait for each step', async () => {
    const id = await dispatchedRepair();
    const quoted = await w.ok(tech.token, 'post', `/tickets/${id}/quotes`, {
      lines: [
        { kind: 'material', priceItemId: valve.id, quantity: 2 },
        { kind: 'labour', name: '更换人工', unitPriceFen: 5000, quantity: 1 },
        { kind: 'discount', name: '老客户优惠', unitPriceFen: 500, quantity: 1 },
      ],
      note: '阀门老化，需要更换两个',
    });
    expect(quoted.quotePending).toBe(true);
    expect(quoted.quotes[0]).toMatchObject({ status: 'pending', totalFen: 3550 * 2 + 5000 - 500 });
    expect(quoted.quotes[0].lines.map((l: { amountFen: number }) => l.amountFen)).toEqual([7100, 5000, -500]);
    // The technician may not start past a quote the resident has not approved.
    const start = await w.as(tech.token, 'post', `/tickets/${id}/start`, {});
    expect(start.status).toBe(409);
    expect(start.body.code).toBe('QUOTE_PENDING');
    // The resident is told, and sees it on the request.
    const notices = await w.ok(resident.token, 'get', '/notices');
    expect(notices.items.some((n: { kind: string; ticketId: string }) => n.kind === 'quoted' && n.ticketId === id)).toBe(true);
    const detail = await w.ok(resident.token, 'get', `/tickets/${id}`);
    expect(detail.quotePending).toBe(true);

    const approved = await w.ok(resident.token, 'post', `/tickets/${id}/quotes/${quoted.quotes[0].id}/approve`);
    expect(approved).toMatchObject({ quotePending: false, approvedFen: 11600, dueFen: 11600, paidFen: 0 });
    await w.ok(tech.token, 'post', `/tickets/${id}/start`, {});
    await w.ok(tech.token, 'post', `/tickets/${id}/resolve`, { note: '已更换阀门' });
    const early = await w.as(resident.token, 'post', `/tickets/${id}/confirm`, {});
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('PAYMENT_DUE');

    const order = await w.ok(resident.token, 'post', `/tickets/${id}/payments/wechat`);
    expect(order.amountFen).toBe(11600);
    // The wx.requestPayment parameters are signed with the merchant key over APPID\nTIMESTAMP\nNONCE\nPACKAGE\n.
    const { timeStamp, nonceStr, package: pkg, signType, paySign } = order.params;
    expect(signType).toBe('RSA');
    expect(pkg).toMatch(/^prepay_id=wx/);
    expect(
      createVerify('RSA-SHA256').update(`wxtest\n${timeStamp}\n${nonceStr}\n${pkg}\n`).verify(createPublicKey(merchant.publicKey), paySign, 'base64'),
    ).toBe(true);
    // Asking again while the order lives gives the same order.
    expect((await w.ok(resident.token, 'post', `/tickets/${id}/payments/wechat`)).paymentId).toBe(order.paymentId);

    const settlement = await w.ok(resident.token, 'get', `/tickets/${id}/settlement`);
    const outTradeNo = settlement.payments[0].outTradeNo as string;
    pay.configure({ notifyRepeat: 2 });
    const delivered = pay.waitForNotification();
    pay.pay(outTradeNo);
    await delivered;
    pay.configure({ notifyRepeat: 1 });
    const record = pay.notifications().at(-1)!;
    expect(record.attempts.map((a) => a.status)).toEqual([204, 204]);

    const paid = await w.ok(resident.token, 'get', `/tickets/${id}/settlement`);
    expect(paid).toMatchObject({ paidFen: 11600, dueFen: 0 });
    expect(paid.payments).toEqual([expect.objectContaining({ method: 'wechat', status: 'paid', amountFen: 11600 })]);
    expect(await events(id, 'paid')).toHaveLength(1); // the second delivery changed nothing
    const [row] = await t.sql<{ status: string; transaction_id: string | null }>('SELECT status, transaction_id FROM payments WHERE out_trade_no = ?', [
      outTradeNo,
    ]);
    expect(row!.status).toBe('paid');
    expect(row!.transaction_id).toBeTruthy();

    const receipt = await w.ok(resident.token, 'get', `/tickets/${id}/receipt`);
    expect(receipt).toMatchObject({
      ticketNo: detail.no,
      propertyName: '翠湖花园物业服务中心',
      totalFen: 11600,
      paidFen: 11600,
      roomLabel: 'A1区 3栋 2单元 1201',
    });
    expect(receipt.lines.map((l: { name: string }) => l.name)).toEqual(['铜阀门', '更换人工', '老客户优惠']);
    expect(receipt.payments).toEqual([expect.objectContaining({ method: 'wechat', amountFen: 11600 })]);

    const closed = await w.ok(resident.token, 'post', `/tickets/${id}/confirm`, {});
    expect(closed.status).toBe('closed');
    // The resident's timeline shows the quote, the approval and the payment in resident words.
    const mine = (await w.ok(resident.token, 'get', `/tickets/${id}`)).events.map((e: { type: string; note: string | null }) => [e.type, e.note]);
    expect(mine).toEqual(
      expect.arrayContaining([
        ['quoted', expect.stringContaining('¥116.00')],
        ['quote_approved', '您已同意报价 ¥116.00'],
        ['paid', '已收到您的付款 ¥116.00（微信支付）'],
      ]),
    );
  });

  it('a late notification is resolved by the order query; the notification arriving afterwards changes nothing', async () => {
    const id = await dispatchedRepair();
    await approvedQuote(id);
    const order = await w.ok(resident.token, 'post', `/tickets/${id}/payments/wechat`);
    const { outTradeNo } = (await w.ok(resident.token, 'get', `/tickets/${id}/settlement`)).payments[0];
    pay.fail({ path: 'notify', drop: true });
    pay.pay(outTradeNo);
    expect((await w.ok(resident.token, 'get', `/tickets/${id}/settlement`)).dueFen).toBe(12100);
    // After wx.requestPayment the mini-program asks: the server queries WeChat Pay.
    const synced = await w.ok(resident.token, 'post', `/tickets/${id}/payments/${order.paymentId}/sync`);
    expect(synced).toMatchObject({ dueFen: 0, paidFen: 12100 });
    const late = pay.waitForNotification();
    pay.resend();
    await late;
    expect(await events(id, 'paid')).toHaveLength(1);
    expect((await events(id, 'paid'))[0].note).toContain('查单确认');
  });

  it('forged, replayed, probe and wrong-key notifications are refused with 401 and change nothing', async () => {
    const id = await dispatchedRepair();
    await approvedQuote(id);
    await w.ok(resident.token, 'post', `/tickets/${id}/payments/wechat`);
    const { outTradeNo } = (await w.ok(resident.token, 'get', `/tickets/${id}/settlement`)).payments[0];
    paidOnlyHere = outTradeNo;
    const resource = {
      appid: 'wxtest',
      mchid: MCHID,
      out_trade_no: outTradeNo,
      transaction_id: '4200000000000000000000000001',
      trade_state: 'SUCCESS',
      success_time: new Date().toISOString(),
      amount: { total: 12100, payer_total: 12100, currency: 'CNY' },
      payer: { openid: 'x' },
    };
    const body = JSON.stringify({
      id: 'EV-forged-1',
      create_time: new Date().toISOString(),
      resource_type: 'encrypt-resource',
      event_type: 'TRANSACTION.SUCCESS',
      resource: {
        original_type: 'transaction',
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: encryptResource(APIV3_KEY, JSON.stringify(resource), 'transaction', 'abcdefghijkl'),
        associated_data: 'transaction',
        nonce: 'abcdefghijkl',
      },
    });
    const post = (headers: Record<string, string>, raw = body) =>
      t.http
        .post('/api/v1/payments/wechatpay/notify')
        .set({ 'Content-Type': 'application/json', ...headers })
        .send(raw);
    const otherKey = fakeCrypto.generateKeys();
    const now = Math.floor(Date.now() / 1000);
    const signedByOther = {
      'Wechatpay-Timestamp': String(now),
      'Wechatpay-Nonce': 'n1',
      'Wechatpay-Serial': pay.platformPublicKeyId,
      'Wechatpay-Signature': fakeCrypto.sign(otherKey.privateKey, `${now}\nn1\n${body}\n`),
    };
    const attempts: [string, Record<string, string>, string?][] = [
      ['signed by another key (forged)', signedByOther],
      ['a signed body with its amount changed', pay.signNotification(body), body.replace('"EV-forged-1"', '"EV-forged-2"')],
      ['replayed 10 minutes late', pay.signNotification(body, { timestamp: now - 600 })],
      ['from the future', pay.signNotification(body, { timestamp: now + 600 })],
      ['a SIGNTEST probe', { ...pay.signNotification(body), 'Wechatpay-Signature': 'WECHATPAY/SIGNTEST/' + 'A'.repeat(300) }],
      ['an unknown key id', { ...pay.signNotification(body), 'Wechatpay-Serial': 'PUB_KEY_ID_SOMEONE_ELSE' }],
      ['no signature headers', {}],
    ];
    for (const [what, headers, raw] of attempts) {
      const res = await post(headers, raw);
      expect({ what, status: res.status, code: res.body.code }).toEqual({ what, status: 401, code: 'NOTIFICATION_INVALID' });
    }
    expect((await w.ok(resident.token, 'get', `/tickets/${id}/settlement`)).dueFen).toBe(12100);
    const [row] = await t.sql<{ status: string }>('SELECT status FROM payments WHERE out_trade_no = ?', [outTradeNo]);
    expect(row!.status).toBe('pending');
    expect(await events(id, 'paid')).toHaveLength(0);
    // The genuine article (signed by the WeChat Pay key, in the window) is accepted — 204 — and recorded.
    expect((await post(pay.signNotification(body))).status).toBe(204);
    expect((await w.ok(resident.token, 'get', `/tickets/${id}/settlement`)).dueFen).toBe(0);
  });

  it('decline: the quote is not owed, work may go on, and the decision is on the timeline', async () => {
    const id = await dispatchedRepair();
    const quoted = await w.ok(tech.token, 'post', `/tickets/${id}/quotes`, { lines: [{ kind: 'labour', unitPriceFen: 20000, quantity: 1 }] });
    expect((await w.as(agent.token, 'post', `/tickets/${id}/quotes/${quoted.quotes[0].id}/approve`)).status).toBe(403);
    const declined = await w.ok(resident.token, 'post', `/tickets/${id}/quotes/${quoted.quotes[0].id}/decline`, { reason: '太贵了，我自己买材料' });
    expect(declined).toMatchObject({ quotePending: false, approvedFen: 0, dueFen: 0 });
    expect(declined.quotes[0]).toMatchObject({ status: 'declined', decisionNote: '太贵了，我自己买材料' });
    expect((await w.as(resident.token, 'post', `/tickets/${id}/quotes/${quoted.quotes[0].id}/approve`)).status).toBe(409);
    await w.ok(tech.token, 'post', `/tickets/${id}/start`, {});
    await w.ok(tech.token, 'post', `/tickets/${id}/resolve`, { note: '业主自备材料，已安装' });
    expect((await w.ok(resident.token, 'post', `/tickets/${id}/confirm`, {})).status).toBe('closed');
    expect((await events(id, 'quote_declined'))[0].note).toBe('业主不同意报价 ¥200.00：太贵了，我自己买材料');
  });

  it('offline payment with who and when; a supervisor refunds part of it; refunds never exceed the payment', async () => {
    const id = await dispatchedRepair();
    await approvedQuote(id);
    const wrong = await w.as(tech.token, 'post', `/tickets/${id}/payments/offline`, { method: 'cash', amountFen: 100 });
    expect(wrong.status).toBe(400);
    const paid = await w.ok(tech.token, 'post', `/tickets/${id}/payments/offline`, { method: 'cash', amountFen: 12100, note: '纸质收据 No.0042' });
    expect(paid).toMatchObject({ dueFen: 0, paidFen: 12100 });
    expect(paid.payments[0]).toMatchObject({ method: 'cash', status: 'paid', recordedByName: '李师傅', note: '纸质收据 No.0042' });
    // The staff's note is not the resident's to read.
    expect((await w.ok(resident.token, 'get', `/tickets/${id}/settlement`)).payments[0].note).toBeNull();
    const paymentId = paid.payments[0].id;
    expect((await w.as(tech.token, 'post', `/tickets/${id}/payments/${paymentId}/refunds`, { amountFen: 1000, reason: '多收' })).status).toBe(403);
    const refunded = await w.ok(supervisor.token, 'post', `/tickets/${id}/payments/${paymentId}/refunds`, { amountFen: 1000, reason: '少用一个垫片' });
    expect(refunded.refunds[0]).toMatchObject({ status: 'success', amountFen: 1000 });
    const tooMuch = await w.as(supervisor.token, 'post', `/tickets/${id}/payments/${paymentId}/refunds`, { amountFen: 11101, reason: '再退' });
    expect(tooMuch.status).toBe(409);
    expect(tooMuch.body.code).toBe('REFUND_TOO_LARGE');
    expect((await events(id, 'refunded'))[0].note).toContain('少用一个垫片');
    const audit = await t.sql<{ action: string }>("SELECT action FROM audit_logs WHERE action LIKE 'payment.%' AND target_id = ? ORDER BY id", [id]);
    expect(audit.map((a) => a.action)).toEqual(['payment.offline', 'payment.refund']);
  });

  it('a WeChat Pay refund is processing until its REFUND.SUCCESS notification, which the resident hears of', async () => {
    const id = await dispatchedRepair();
    await approvedQuote(id);
    await w.ok(resident.token, 'post', `/tickets/${id}/payments/wechat`);
    const { outTradeNo, id: paymentId } = (await w.ok(resident.token, 'get', `/tickets/${id}/settlement`)).payments[0];
    const paidNote = pay.waitForNotification();
    pay.pay(outTradeNo);
    await paidNote;
    const refundNote = pay.waitForNotification((r) => r.notification.event_type === 'REFUND.SUCCESS');
    const asked = await w.ok(supervisor.token, 'post', `/tickets/${id}/payments/${paymentId}/refunds`, { amountFen: 2100, reason: '人工费减免' });
    expect(asked.refunds[0].status).toBe('processing');
    await refundNote;
    const after = await w.ok(resident.token, 'get', `/tickets/${id}/settlement`);
    expect(after.refunds[0]).toMatchObject({ status: 'success', amountFen: 2100 });
    expect(after.refundedFen).toBe(2100);
    expect(await events(id, 'refunded')).toHaveLength(1);
    const notices = await w.ok(resident.token, 'get', '/notices');
    expect(notices.items.some((n: { kind: string; ticketId: string }) => n.kind === 'refunded' && n.ticketId === id)).toBe(true);
  });

  it('a supervisor waives what is due, with a reason; the owner can then close', async () => {
    const id = await dispatchedRepair();
    await approvedQuote(id);
    await w.ok(tech.token, 'post', `/tickets/${id}/start`, {});
    await w.ok(tech.token, 'post', `/tickets/${id}/resolve`, { note: '完成' });
    expect((await w.as(agent.token, 'post', `/tickets/${id}/verify`, {})).body.code).toBe('PAYMENT_DUE');
    expect((await w.as(agent.token, 'post', `/tickets/${id}/waive`, { reason: '物业原因返修' })).status).toBe(403);
    const waived = await w.ok(supervisor.token, 'post', `/tickets/${id}/waive`, { reason: '物业原因返修' });
    expect(waived).toMatchObject({ waived: true, dueFen: 0 });
    expect((await w.ok(agent.token, 'post', `/tickets/${id}/verify`, {})).status).toBe('closed');
    expect((await w.ok(resident.token, 'get', `/tickets/${id}`)).events.find((e: { type: string }) => e.type === 'payment_waived').note).toBe(
      '物业已为您免除本次费用 ¥121.00',
    );
  });

  it('an in-home booking: lines within the catalogue price need no approval; above it they do', async () => {
    const item = await w.ok(admin, 'post', '/admin/service-items', {
      communityId: community.id,
      name: '空调清洗',
      price: 120.5,
      durationMin: 60,
      slotCapacity: 5,
    });
    const day = new Date(Date.now() + 3 * 86400_000).toISOString().slice(0, 10);
    const slots = await w.ok(resident.token, 'get', `/service-items/${item.id}/slots?date=${day}`);
    const booking = await w.ok(resident.token, 'post', '/tickets', {
      type: 'home_service',
      roomId: community.roomA.id,
      category: '家电清洗',
      description: '挂机清洗',
      contactPhone: '13812341234',
      serviceItemId: item.id,
      slotStart: slots.items[0].start,
    });
    await w.ok(agent.token, 'post', `/tickets/${booking.id}/accept`, {});
    await w.ok(agent.token, 'post', `/tickets/${booking.id}/dispatch`, { assigneeId: tech.id });
    const within = await w.ok(tech.token, 'post', `/tickets/${booking.id}/quotes`, { lines: [{ kind: 'service', quantity: 1 }] });
    expect(within).toMatchObject({ quotePending: false, approvedFen: 12050, dueFen: 12050, bookingPriceFen: 12050 });
    const above = await w.ok(tech.token, 'post', `/tickets/${booking.id}/quotes`, {
      lines: [
        { kind: 'service', quantity: 1 },
        { kind: 'material', priceItemId: valve.id, quantity: 1 },
      ],
    });
    expect(above).toMatchObject({ quotePending: true, approvedFen: 12050 });
    expect(above.quotes.map((q: { status: string }) => q.status)).toEqual(['pending', 'approved']);
    expect(
      (await w.as(tech.token, 'post', `/tickets/${booking.id}/quotes`, { lines: [{ kind: 'material', priceItemId: '999999', quantity: 1 }] })).status,
    ).toBe(400);
  });

  it('a request registered by phone for someone without the app: the quote is confirmed by the staff member, by name', async () => {
    const ticket = await w.ok(agent.token, 'post', '/tickets', {
      ...w.repair(community.roomA.id),
      channel: 'phone',
      residentName: '张伟',
      residentPhone: '13812341234',
    });
    await w.ok(agent.token, 'post', `/tickets/${ticket.id}/accept`, {});
    const quoted = await w.ok(agent.token, 'post', `/tickets/${ticket.id}/quotes`, { lines: [{ kind: 'labour', unitPriceFen: 6000, quantity: 1 }] });
    expect(quoted).toMatchObject({ quotePending: false, approvedFen: 6000, dueFen: 6000 });
    expect(quoted.quotes[0]).toMatchObject({ status: 'approved', decisionNote: '由 王芳 当面或电话确认' });
    expect((await events(ticket.id, 'quoted'))[0].note).toContain('报价已由 王芳 当面或电话与业主确认');
  });

  it('money sums are exact over 1,000 random lines', async () => {
    const id = await dispatchedRepair();
    let seed = 17;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const lines = Array.from({ length: 1000 }, (_, i) =>
      i % 50 === 49
        ? { kind: 'discount', unitPriceFen: random(500), quantity: 1 }
        : { kind: 'labour', name: `人工${i}`, unitPriceFen: random(10000), quantity: 1 + random(9) },
    );
    const expected = lines.reduce((sum, l) => sum + (l.kind === 'discount' ? -l.unitPriceFen : l.unitPriceFen * l.quantity!), 0);
    const quoted = await w.ok(tech.token, 'post', `/tickets/${id}/quotes`, { lines });
    expect(quoted.quotes[0].totalFen).toBe(expected);
    expect(quoted.quotes[0].lines.reduce((s: number, l: { amountFen: number }) => s + l.amountFen, 0)).toBe(expected);
    const approved = await w.ok(resident.token, 'post', `/tickets/${id}/quotes/${quoted.quotes[0].id}/approve`);
    expect(approved.dueFen).toBe(expected);
    const [row] = await t.sql<{ total_fen: string | number }>('SELECT total_fen FROM quotes WHERE id = ?', [quoted.quotes[0].id]);
    expect(Number(row!.total_fen)).toBe(expected);
  });

  it('the sweep closes unpaid orders past their time limit, and records one paid just before it', async () => {
    const a = await dispatchedRepair();
    await approvedQuote(a);
    await w.ok(resident.token, 'post', `/tickets/${a}/payments/wechat`);
    const b = await dispatchedRepair();
    await approvedQuote(b);
    await w.ok(resident.token, 'post', `/tickets/${b}/payments/wechat`);
    const noA = (await w.ok(resident.token, 'get', `/tickets/${a}/settlement`)).payments[0].outTradeNo;
    const noB = (await w.ok(resident.token, 'get', `/tickets/${b}/settlement`)).payments[0].outTradeNo;
    pay.fail({ path: 'notify', drop: true });
    pay.pay(noB); // paid, but the notification is lost
    const sweeper = t.app.get(PaymentsService);
    const later = new Date(Date.now() + 601_000);
    // Two instances sweeping at once: each order is looked at once.
    const [x, y] = await Promise.all([sweeper.sweepOnce(later), sweeper.sweepOnce(later)]);
    expect(x + y).toBe(2);
    expect(pay.order(noA)!.trade_state).toBe('CLOSED');
    const rows = await t.sql<{ out_trade_no: string; status: string }>('SELECT out_trade_no, status FROM payments WHERE out_trade_no IN (?, ?) ORDER BY id', [
      noA,
      noB,
    ]);
    expect(Object.fromEntries(rows.map((r) => [r.out_trade_no, r.status]))).toEqual({ [noA]: 'closed', [noB]: 'paid' });
    expect((await w.ok(resident.token, 'get', `/tickets/${a}/settlement`)).dueFen).toBe(12100);
    // Paying again makes a fresh order.
    const again = await w.ok(resident.token, 'post', `/tickets/${a}/payments/wechat`);
    expect((await w.ok(resident.token, 'get', `/tickets/${a}/settlement`)).payments.map((p: { id: string }) => p.id)).toEqual([again.paymentId]);
  });

  it('the unpaid queue, the price list import and the daily statement', async () => {
    const queue = await w.ok(supervisor.token, 'get', `/admin/payments/unpaid?communityId=${community.id}`);
    expect(queue.items.length).toBeGreaterThan(0);
    expect(queue.items.every((i: { dueFen: number }) => i.dueFen > 0)).toBe(true);
    const csv = Buffer.from('名称,单位,单价（元）\n铜阀门,个,36.00\nPPR 管,米,12.5\n生料带,卷,abc\n', 'utf8');
    const bad = await t.http
      .post(`/api/v1/admin/price-items/import?communityId=${community.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .attach('file', csv, 'prices.csv');
    expect(bad.body).toEqual({ created: 0, updated: 0, errors: [{ row: 4, message: '单价「abc」不是金额（元，最多两位小数）' }] });
    const good = await t.http
      .post(`/api/v1/admin/price-items/import?communityId=${community.id}`)
      .set('Authorization', `Bearer ${admin}`)
      .attach('file', Buffer.from('名称,单位,单价（元）\n铜阀门,个,36.00\nPPR 管,米,12.5\n'), 'prices.csv');
    expect(good.body).toEqual({ created: 1, updated: 1, errors: [] });
    const list = await w.ok(tech.token, 'get', `/admin/price-items?communityId=${community.id}`);
    expect(list.items.map((i: { name: string; unitPriceFen: number }) => [i.name, i.unitPriceFen])).toEqual(
      expect.arrayContaining([
        ['铜阀门', 3600],
        ['PPR 管', 1250],
      ]),
    );
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const xlsx = await t.http
      .get(`/api/v1/admin/payments/statement.xlsx?communityId=${community.id}&date=${today}`)
      .set('Authorization', `Bearer ${supervisor.token}`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(xlsx.status).toBe(200);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ExcelJS = require('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body);
    const paidSheet = wb.getWorksheet('收款明细');
    const amounts: number[] = [];
    paidSheet.eachRow((row: { values: unknown[] }, n: number) => n > 1 && amounts.push(Number(row.values[5])));
    const [sums] = await t.sql<{ total: string | number; n: string | number }>(
      "SELECT COALESCE(SUM(amount_fen), 0) AS total, COUNT(*) AS n FROM payments WHERE community_id = ? AND status = 'paid'",
      [community.id],
    );
    expect(amounts).toHaveLength(Number(sums!.n));
    expect(Math.round(amounts.reduce((s, a) => s + a, 0) * 100)).toBe(Number(sums!.total));
    expect(wb.getWorksheet('退款明细').rowCount).toBe(3); // the header, the cash refund and the WeChat refund
  });

  it('the trade bill check matches the day’s WeChat payments', async () => {
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const check = await w.ok(admin, 'get', `/admin/payments/tradebill-check?date=${today}`);
    // The only payment WeChat Pay never saw is the one recorded from the hand-made notification.
    expect(check.mismatches).toEqual([{ outTradeNo: paidOnlyHere, kind: 'missing_in_bill', billFen: null, ourFen: 12100 }]);
    expect(check.billCount).toBe(check.ourCount - 1);
    expect(check.billTotalFen).toBe(check.ourTotalFen - 12100);
    expect(check.ourCount).toBeGreaterThan(0);
    expect((await w.as(supervisor.token, 'get', `/admin/payments/tradebill-check?date=${today}`)).status).toBe(403);
  });
});
