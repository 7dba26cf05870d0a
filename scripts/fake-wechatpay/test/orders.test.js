'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { start, call, receiver, order, MERCHANT, APIV3_KEY, wxpay } = require('../testkit');

test('a JSAPI order, its query and its close; answers are signed with the platform key', async (t) => {
  const fake = await start();
  t.after(() => fake.close());
  const o = order('https://example.com/api/v1/payments/wechatpay/notify');
  const created = await call(fake, 'POST', '/v3/pay/transactions/jsapi', o);
  assert.equal(created.status, 200);
  assert.match(created.body.prepay_id, /^wx/);
  const h = created.headers;
  const message = `${h.get('wechatpay-timestamp')}\n${h.get('wechatpay-nonce')}\n${created.raw}\n`;
  assert.ok(wxpay.verify(fake.platformPublicKey, message, h.get('wechatpay-signature')));
  assert.equal(h.get('wechatpay-serial'), fake.platformPublicKeyId);

  // The same order again (a retry after SYSTEM_ERROR): the same prepay_id.
  assert.equal((await call(fake, 'POST', '/v3/pay/transactions/jsapi', o)).body.prepay_id, created.body.prepay_id);
  const query = await call(fake, 'GET', `/v3/pay/transactions/out-trade-no/${o.out_trade_no}?mchid=${MERCHANT.mchid}`);
  assert.equal(query.body.trade_state, 'NOTPAY');
  assert.equal((await call(fake, 'POST', `/v3/pay/transactions/out-trade-no/${o.out_trade_no}/close`, { mchid: MERCHANT.mchid })).status, 204);
  assert.equal((await call(fake, 'GET', `/v3/pay/transactions/out-trade-no/${o.out_trade_no}?mchid=${MERCHANT.mchid}`)).body.trade_state, 'CLOSED');
  assert.equal((await call(fake, 'POST', '/v3/pay/transactions/jsapi', o)).body.code, 'ORDER_CLOSED');
  assert.equal((await call(fake, 'GET', `/v3/pay/transactions/out-trade-no/nope123?mchid=${MERCHANT.mchid}`)).body.code, 'ORDER_NOT_EXIST');
});

test('unsigned, wrongly signed, stale and bad orders are refused', async (t) => {
  const fake = await start();
  t.after(() => fake.close());
  const o = order('https://example.com/notify');
  assert.equal((await call(fake, 'POST', '/v3/pay/transactions/jsapi', o, { sign: false })).body.code, 'SIGN_ERROR');
  const other = wxpay.generateKeys();
  assert.equal((await call(fake, 'POST', '/v3/pay/transactions/jsapi', o, { privateKey: other.privateKey })).status, 401);
  assert.equal((await call(fake, 'POST', '/v3/pay/transactions/jsapi', o, { timestamp: Math.floor(Date.now() / 1000) - 600 })).body.code, 'SIGN_ERROR');
  const bad = await call(fake, 'POST', '/v3/pay/transactions/jsapi', order('ftp://x/notify', { out_trade_no: 'a', amount: { total: 0 } }));
  assert.equal(bad.status, 400);
  assert.equal(bad.body.code, 'PARAM_ERROR');
  assert.match(bad.body.message, /out_trade_no.*notify_url.*amount/);
});

test('paying sends TRANSACTION.SUCCESS, signed and encrypted; a 500 answer is retried, repeats are the same id', async (t) => {
  const fake = await start({ notifyRepeat: 2, notifyRetryDelaysMs: [20, 20] });
  const sink = await receiver([500]);
  t.after(async () => {
    await fake.close();
    await sink.close();
  });
  const o = order(sink.url);
  await call(fake, 'POST', '/v3/pay/transactions/jsapi', o);
  const done = fake.waitForNotification();
  fake.pay(o.out_trade_no);
  await done;
  assert.equal(sink.got.length, 3, 'refused once, then delivered twice');
  const ids = new Set();
  for (const { headers, raw } of sink.got) {
    const message = `${headers['wechatpay-timestamp']}\n${headers['wechatpay-nonce']}\n${raw}\n`;
    assert.ok(wxpay.verify(fake.platformPublicKey, message, headers['wechatpay-signature']));
    const n = JSON.parse(raw);
    ids.add(n.id);
    assert.equal(n.event_type, 'TRANSACTION.SUCCESS');
    const tx = JSON.parse(wxpay.decryptResource(APIV3_KEY, n.resource.ciphertext, n.resource.associated_data, n.resource.nonce));
    assert.equal(tx.out_trade_no, o.out_trade_no);
    assert.equal(tx.trade_state, 'SUCCESS');
    assert.equal(tx.amount.total, 12_050);
  }
  assert.equal(ids.size, 1);
  const q = await call(fake, 'GET', `/v3/pay/transactions/out-trade-no/${o.out_trade_no}?mchid=${MERCHANT.mchid}`);
  assert.equal(q.body.trade_state, 'SUCCESS');
  assert.ok(q.body.transaction_id);
  assert.equal((await call(fake, 'POST', `/v3/pay/transactions/out-trade-no/${o.out_trade_no}/close`, { mchid: MERCHANT.mchid })).body.code, 'ORDERPAID');
});

test('a dropped notification leaves the order paid for a query to find; a delayed one comes later', async (t) => {
  const fake = await start();
  const sink = await receiver();
  t.after(async () => {
    await fake.close();
    await sink.close();
  });
  const o = order(sink.url);
  await call(fake, 'POST', '/v3/pay/transactions/jsapi', o);
  fake.fail({ path: 'notify', drop: true });
  fake.pay(o.out_trade_no);
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(sink.got.length, 0);
  assert.equal((await call(fake, 'GET', `/v3/pay/transactions/out-trade-no/${o.out_trade_no}?mchid=${MERCHANT.mchid}`)).body.trade_state, 'SUCCESS');
  // Re-deliver it (WeChat Pay's later retry).
  const done = fake.waitForNotification();
  fake.resend();
  await done;
  assert.equal(sink.got.length, 1);
});

test('transient failures: SYSTEM_ERROR then success with the same out_trade_no', async (t) => {
  const fake = await start();
  t.after(() => fake.close());
  fake.fail({ path: 'jsapi', httpStatus: 500, code: 'SYSTEM_ERROR', times: 1 });
  const o = order('https://example.com/notify');
  assert.equal((await call(fake, 'POST', '/v3/pay/transactions/jsapi', o)).body.code, 'SYSTEM_ERROR');
  assert.equal((await call(fake, 'POST', '/v3/pay/transactions/jsapi', o)).status, 200);
  fake.fail({ path: 'query', httpStatus: 429, code: 'FREQUENCY_LIMITED' });
  assert.equal((await call(fake, 'GET', `/v3/pay/transactions/out-trade-no/${o.out_trade_no}?mchid=${MERCHANT.mchid}`)).status, 429);
});
