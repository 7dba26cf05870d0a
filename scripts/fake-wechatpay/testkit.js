'use strict';
// Helpers for the fake's own tests (outside test/, where node --test would run it as a test file).
const http = require('node:http');
const { startFakeWechatpay } = require('.');
const wxpay = require('./crypto');

const MERCHANT = { mchid: '1900000109', serial: '5157F09EFDC096DE15EBE81A47057A72', ...wxpay.generateKeys() };
const APIV3_KEY = 'a'.repeat(16) + 'B'.repeat(16);

function start(options = {}) {
  return startFakeWechatpay({
    mchid: MERCHANT.mchid,
    appid: 'wxtest',
    merchantPublicKey: MERCHANT.publicKey,
    merchantSerial: MERCHANT.serial,
    apiV3Key: APIV3_KEY,
    ...options,
  });
}

/** A signed call as the merchant makes it; `sign: false` sends none, `signer` another key. */
async function call(fake, method, path, body, { sign = true, privateKey = MERCHANT.privateKey, timestamp } = {}) {
  const text = body === undefined ? '' : JSON.stringify(body);
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
  if (sign) headers.Authorization = wxpay.authorization({ ...MERCHANT, privateKey }, method, path, text, timestamp);
  const res = await fetch(fake.url + path, { method, headers, body: text || undefined });
  const raw = await res.text();
  return { status: res.status, headers: res.headers, raw, body: raw ? JSON.parse(raw) : null };
}

/** A notify receiver on loopback: answers with `statuses` in turn (then 204), records what it got. */
async function receiver(statuses = []) {
  const got = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      got.push({ headers: req.headers, raw });
      res.writeHead(statuses.shift() ?? 204);
      res.end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/notify`, got, close: () => new Promise((r) => server.close(r)) };
}

function order(notifyUrl, overrides = {}) {
  return {
    appid: 'wxtest',
    mchid: MERCHANT.mchid,
    description: '一站-上门服务 FW20261207-0001',
    out_trade_no: `YZ${Date.now()}${Math.floor(Math.random() * 1e6)}`,
    time_expire: new Date(Date.now() + 15 * 60_000).toISOString(),
    notify_url: notifyUrl,
    amount: { total: 12_050, currency: 'CNY' },
    payer: { openid: 'oUpF8uMuAJO_M2pxb1Q9zNjWeS6o' },
    ...overrides,
  };
}

module.exports = { start, call, receiver, order, MERCHANT, APIV3_KEY, wxpay };
