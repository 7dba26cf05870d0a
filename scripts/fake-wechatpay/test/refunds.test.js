'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { start, call, receiver, order, MERCHANT, APIV3_KEY, wxpay } = require('../testkit');

test('a partial refund: PROCESSING, then SUCCESS with a REFUND.SUCCESS notification; no more than was paid', async (t) => {
  const fake = await start({ refundDelayMs: 10 });
  const sink = await receiver();
  t.after(async () => {
    await fake.close();
    await sink.close();
  });
  const o = order(sink.url);
  await call(fake, 'POST', '/v3/pay/transactions/jsapi', o);
  const paid = fake.waitForNotification();
  fake.pay(o.out_trade_no);
  await paid;
  const refundDone = fake.waitForNotification((r) => r.notification.event_type === 'REFUND.SUCCESS');
  const r = await call(fake, 'POST', '/v3/refund/domestic/refunds', {
    out_trade_no: o.out_trade_no,
    out_refund_no: 'RF0000001',
    reason: '少用了材料',
    notify_url: sink.url,
    amount: { refund: 2_000, total: 12_050, currency: 'CNY' },
  });
  assert.equal(r.status, 200);
  assert.equal(r.body.status, 'PROCESSING');
  await refundDone;
  const n = JSON.parse(sink.got[sink.got.length - 1].raw);
  const refund = JSON.parse(wxpay.decryptResource(APIV3_KEY, n.resource.ciphertext, n.resource.associated_data, n.resource.nonce));
  assert.equal(refund.refund_status, 'SUCCESS');
  assert.equal(refund.amount.refund, 2_000);
  assert.equal((await call(fake, 'GET', '/v3/refund/domestic/refunds/RF0000001')).body.status, 'SUCCESS');
  const tooMuch = await call(fake, 'POST', '/v3/refund/domestic/refunds', {
    out_trade_no: o.out_trade_no,
    out_refund_no: 'RF0000002',
    amount: { refund: 10_051, total: 12_050, currency: 'CNY' },
  });
  assert.equal(tooMuch.body.code, 'NOT_ENOUGH');
});

test('the trade bill lists the day’s payments and refunds, backtick fields, with a SHA1 to check', async (t) => {
  const fake = await start({ refundDelayMs: 0 });
  t.after(() => fake.close());
  const o = order('https://example.com/notify');
  await call(fake, 'POST', '/v3/pay/transactions/jsapi', o);
  fake.pay(o.out_trade_no, { notify: false });
  const day = fake.order(o.out_trade_no).success_time.slice(0, 10);
  const bill = await call(fake, 'GET', `/v3/bill/tradebill?bill_date=${day}&bill_type=ALL`);
  assert.equal(bill.body.hash_type, 'SHA1');
  const path = new URL(bill.body.download_url).pathname + new URL(bill.body.download_url).search;
  const headers = { Authorization: wxpay.authorization(MERCHANT, 'GET', path, '') };
  const text = await (await fetch(bill.body.download_url, { headers })).text();
  assert.equal(require('node:crypto').createHash('sha1').update(text).digest('hex'), bill.body.hash_value);
  const rows = text.trim().split('\r\n');
  assert.equal(rows.length, 4, 'header, one payment, the summary header and line');
  assert.ok(rows[1].includes('`' + o.out_trade_no));
  assert.ok(rows[1].includes('`120.50'));
});
