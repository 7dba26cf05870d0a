'use strict';
/**
 * A fake of https://api.mch.weixin.qq.com (WeChat Pay API v3) on loopback, for the parts
 * Yizhan uses: JSAPI orders, query, close, refunds, the trade bill, and the payment and
 * refund notifications (see /work/shared/WECHATPAY.md and README.md in this folder).
 * The server under test only changes WECHATPAY_API_BASE and the keys; everything else
 * is the real protocol: signed requests are checked, answers and notifications are
 * signed with the fake's platform key, resources are encrypted with the APIv3 key.
 */
const http = require('node:http');
const crypto = require('node:crypto');
const { EventEmitter } = require('node:events');
const wxpay = require('./crypto');

const OUT_NO = /^[A-Za-z0-9_\-|*]{6,32}$/;
const FIVE_MINUTES = 300;
const BEIJING_OFFSET_MS = 8 * 3600_000;

/**
 * @typedef {object} FakeWechatpayOptions
 * @property {number} [port] 0 picks a free port
 * @property {string} [host]
 * @property {string} [mchid]
 * @property {string} [appid]
 * @property {string} merchantPublicKey PEM of the merchant's API key (apiclient_key.pem's public half)
 * @property {string} [merchantSerial] the merchant certificate serial the requests must name
 * @property {string} apiV3Key 32 characters
 * @property {{privateKey: string, publicKey: string}} [platformKeys] generated when left out
 * @property {string} [platformPublicKeyId] `PUB_KEY_ID_…`
 * @property {number} [notifyDelayMs] before the first delivery of a notification (0)
 * @property {number} [notifyRepeat] how many times each notification is delivered even when answered 2xx (1)
 * @property {number[]} [notifyRetryDelaysMs] waits between attempts after a non-2xx answer ([200, 400, 800])
 * @property {number} [refundDelayMs] how long a refund stays PROCESSING (50)
 * @property {boolean} [log]
 */

/** @param {FakeWechatpayOptions} options */
async function startFakeWechatpay(options) {
  const config = {
    port: 0,
    host: '127.0.0.1',
    mchid: '1900000109',
    appid: 'wxtest',
    merchantSerial: null,
    platformPublicKeyId: 'PUB_KEY_ID_0119000001092026120700000000000001',
    notifyDelayMs: 0,
    notifyRepeat: 1,
    notifyRetryDelaysMs: [200, 400, 800],
    refundDelayMs: 50,
    log: false,
    ...options,
  };
  if (!config.merchantPublicKey) throw new Error('fake-wechatpay: merchantPublicKey is required');
  if (!config.apiV3Key || Buffer.byteLength(config.apiV3Key) !== 32) throw new Error('fake-wechatpay: apiV3Key must be 32 bytes');
  const platform = config.platformKeys ?? wxpay.generateKeys();
  const events = new EventEmitter();
  const state = freshState();
  /** Failures registered through fail(): {path, httpStatus, code, message, times, delayMs, drop} */
  let failures = [];
  let clockOffsetSec = 0;
  const timers = new Set();
  const now = () => new Date(Date.now() + clockOffsetSec * 1000);

  function freshState() {
    return { orders: new Map(), refunds: new Map(), notifications: [], deliveries: [], calls: {}, errors: [] };
  }

  function later(ms, fn) {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  }

  // ------------------------------------------------------------------ wire helpers

  /** Every answer is signed with the platform key, as WeChat Pay signs its own. */
  function send(res, status, body) {
    const text = body === undefined ? '' : JSON.stringify(body);
    // 204 answers are signed too (over an empty body).
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const nonce = crypto.randomBytes(16).toString('hex');
    res.writeHead(status, {
      'Content-Type': 'application/json; charset=utf-8',
      'Request-ID': crypto.randomUUID(),
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Serial': config.platformPublicKeyId,
      'Wechatpay-Signature': wxpay.sign(platform.privateKey, `${timestamp}\n${nonce}\n${text}\n`),
    });
    res.end(text);
  }

  function refuse(res, status, code, message, path) {
    state.errors.push({ path, code, message });
    send(res, status, { code, message });
  }

  /** The merchant's signature, serial, mchid and clock (SIGN_ERROR otherwise). */
  function checkSignature(req, pathWithQuery, body) {
    const auth = wxpay.parseAuthorization(req.headers.authorization);
    if (!auth) return 'Authorization 头缺失或格式错误';
    if (auth.mchid !== config.mchid) return `mchid ${auth.mchid} 与商户号不符`;
    if (config.merchantSerial && auth.serial_no !== config.merchantSerial) return `证书序列号 ${auth.serial_no} 不是商户证书`;
    const ts = Number(auth.timestamp);
    if (!Number.isFinite(ts) || Math.abs(now().getTime() / 1000 - ts) > FIVE_MINUTES) return '签名时间戳与当前时间相差超过 5 分钟';
    const message = `${req.method}\n${pathWithQuery}\n${auth.timestamp}\n${auth.nonce_str}\n${body}\n`;
    if (!wxpay.verify(config.merchantPublicKey, message, auth.signature)) return '签名错误';
    return null;
  }

  function rfc3339(date) {
    const local = new Date(date.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 19);
    return `${local}+08:00`;
  }

  // ------------------------------------------------------------------ notifications

  /** Builds one notification (id, event, encrypted resource) and delivers it as configured. */
  function notify(url, eventType, summary, originalType, resource) {
    const nonce = crypto.randomBytes(6).toString('hex'); // 12 characters, as WeChat Pay's
    const associatedData = originalType;
    const notification = {
      id: crypto.randomUUID(),
      create_time: rfc3339(now()),
      resource_type: 'encrypt-resource',
      event_type: eventType,
      summary,
      resource: {
        original_type: originalType,
        algorithm: 'AEAD_AES_256_GCM',
        ciphertext: wxpay.encryptResource(config.apiV3Key, JSON.stringify(resource), associatedData, nonce),
        associated_data: associatedData,
        nonce,
      },
    };
    const record = { url, notification, attempts: [], delivered: false, copies: config.notifyRepeat, dropped: false };
    state.notifications.push(record);
    const failure = takeFailure('notify');
    if (failure?.drop) {
      record.dropped = true;
      return record;
    }
    later(config.notifyDelayMs + (failure?.delayMs ?? 0), () => deliver(record, 0, config.notifyRepeat));
    return record;
  }

  /** One delivery; a non-2xx answer is retried after the next wait, as WeChat Pay retries. */
  async function deliver(record, retry, copiesLeft) {
    const body = JSON.stringify(record.notification);
    const timestamp = String(Math.floor(now().getTime() / 1000));
    const nonce = crypto.randomBytes(16).toString('hex');
    const headers = {
      'Content-Type': 'application/json',
      'Wechatpay-Timestamp': timestamp,
      'Wechatpay-Nonce': nonce,
      'Wechatpay-Serial': config.platformPublicKeyId,
      'Wechatpay-Signature': wxpay.sign(platform.privateKey, `${timestamp}\n${nonce}\n${body}\n`),
    };
    const attempt = { at: now().toISOString(), status: null, error: null };
    record.attempts.push(attempt);
    try {
      const res = await fetch(record.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(5000) });
      attempt.status = res.status;
      await res.text();
    } catch (e) {
      attempt.error = String(e.message ?? e);
    }
    const ok = attempt.status !== null && attempt.status >= 200 && attempt.status < 300;
    state.deliveries.push({ id: record.notification.id, event_type: record.notification.event_type, status: attempt.status });
    if (ok) {
      record.delivered = true;
      events.emit('delivered', record);
      if (copiesLeft > 1) later(20, () => deliver(record, 0, copiesLeft - 1));
      else events.emit('notification', record);
      return;
    }
    const wait = config.notifyRetryDelaysMs[retry];
    if (wait === undefined) {
      events.emit('notification', record);
      return;
    }
    later(wait, () => deliver(record, retry + 1, copiesLeft));
  }

  // ------------------------------------------------------------------ failures

  function takeFailure(path) {
    const i = failures.findIndex((f) => f.path === path || f.path === '*');
    if (i < 0) return null;
    const f = failures[i];
    if (f.times > 0) f.times -= 1;
    if (f.times === 0) failures.splice(i, 1);
    return f;
  }

  // ------------------------------------------------------------------ API

  function transactionOf(order) {
    const t = {
      appid: order.appid,
      mchid: order.mchid,
      out_trade_no: order.out_trade_no,
      trade_state: order.trade_state,
      trade_state_desc: { SUCCESS: '支付成功', NOTPAY: '未支付', CLOSED: '已关闭', REFUND: '转入退款' }[order.trade_state] ?? order.trade_state,
      amount: { total: order.amount.total, currency: 'CNY' },
      payer: { openid: order.payer.openid },
      attach: order.attach ?? '',
    };
    if (order.transaction_id) {
      Object.assign(t, { transaction_id: order.transaction_id, trade_type: 'JSAPI', bank_type: 'OTHERS', success_time: order.success_time });
      t.amount = { total: order.amount.total, payer_total: order.amount.total, currency: 'CNY', payer_currency: 'CNY' };
    }
    return t;
  }

  function createOrder(req, res, body, path) {
    const b = body ?? {};
    const problems = [];
    if (b.appid !== config.appid) problems.push('appid');
    if (b.mchid !== config.mchid) problems.push('mchid');
    if (typeof b.description !== 'string' || b.description.length < 1 || b.description.length > 127) problems.push('description');
    if (typeof b.out_trade_no !== 'string' || !OUT_NO.test(b.out_trade_no)) problems.push('out_trade_no');
    if (typeof b.notify_url !== 'string' || !isNotifyUrl(b.notify_url)) problems.push('notify_url');
    if (!Number.isInteger(b.amount?.total) || b.amount.total < 1 || (b.amount.currency ?? 'CNY') !== 'CNY') problems.push('amount');
    if (typeof b.payer?.openid !== 'string' || !b.payer.openid) problems.push('payer.openid');
    if (b.time_expire !== undefined && Number.isNaN(Date.parse(b.time_expire))) problems.push('time_expire');
    if (problems.length) return refuse(res, 400, 'PARAM_ERROR', `参数错误：${problems.join(', ')}`, path);
    const existing = state.orders.get(b.out_trade_no);
    if (existing) {
      if (existing.trade_state === 'SUCCESS' || existing.trade_state === 'REFUND') return refuse(res, 400, 'ORDERPAID', '该订单已支付', path);
      if (existing.trade_state === 'CLOSED') return refuse(res, 400, 'ORDER_CLOSED', '该订单已关闭', path);
      // The same out_trade_no again with the same amount (a retry after SYSTEM_ERROR): the same prepay_id.
      if (existing.amount.total !== b.amount.total || existing.payer.openid !== b.payer.openid)
        return refuse(res, 400, 'INVALID_REQUEST', '201 商户订单号重复', path);
      return send(res, 200, { prepay_id: existing.prepay_id });
    }
    const order = {
      ...b,
      amount: { total: b.amount.total, currency: 'CNY' },
      prepay_id: `wx${Date.now().toString(36)}${crypto.randomBytes(10).toString('hex')}`,
      trade_state: 'NOTPAY',
      created_at: now().toISOString(),
      refunded: 0,
    };
    state.orders.set(b.out_trade_no, order);
    events.emit('order', order);
    send(res, 200, { prepay_id: order.prepay_id });
  }

  /** WeChat Pay wants https; the fake also takes plain http on loopback (local development and tests). */
  function isNotifyUrl(value) {
    if (!URL.canParse(value)) return false;
    const u = new URL(value);
    if (u.search) return false;
    return u.protocol === 'https:' || (u.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname));
  }

  /** The payer paid (what the WeChat app does): SUCCESS, then the TRANSACTION.SUCCESS notification. */
  function pay(outTradeNo, { notify: withNotification = true } = {}) {
    const order = state.orders.get(outTradeNo);
    if (!order) throw Object.assign(new Error(`no order ${outTradeNo}`), { status: 404 });
    if (order.trade_state !== 'NOTPAY') throw Object.assign(new Error(`order ${outTradeNo} is ${order.trade_state}`), { status: 409 });
    if (order.time_expire && Date.parse(order.time_expire) < now().getTime())
      throw Object.assign(new Error(`order ${outTradeNo} has expired`), { status: 409 });
    order.trade_state = 'SUCCESS';
    order.transaction_id = `42000${Date.now()}${crypto.randomInt(1e6)}`.slice(0, 28);
    order.success_time = rfc3339(now());
    const record = withNotification ? notify(order.notify_url, 'TRANSACTION.SUCCESS', '支付成功', 'transaction', transactionOf(order)) : null;
    return { transaction: transactionOf(order), notification: record?.notification.id ?? null };
  }

  function createRefund(req, res, body, path) {
    const b = body ?? {};
    const order = state.orders.get(b.out_trade_no ?? '');
    if (!order) return refuse(res, 404, 'RESOURCE_NOT_EXISTS', '订单不存在', path);
    if (typeof b.out_refund_no !== 'string' || !OUT_NO.test(b.out_refund_no)) return refuse(res, 400, 'PARAM_ERROR', '参数错误：out_refund_no', path);
    if (b.notify_url !== undefined && !isNotifyUrl(b.notify_url)) return refuse(res, 400, 'PARAM_ERROR', '参数错误：notify_url', path);
    const refund = Number(b.amount?.refund);
    if (!Number.isInteger(refund) || refund < 1 || b.amount?.total !== order.amount.total) return refuse(res, 400, 'PARAM_ERROR', '参数错误：amount', path);
    const existing = state.refunds.get(b.out_refund_no);
    if (existing) return send(res, 200, refundOf(existing));
    if (order.trade_state !== 'SUCCESS' && order.trade_state !== 'REFUND') return refuse(res, 400, 'INVALID_REQUEST', '订单未支付，不能退款', path);
    if (order.refunded + refund > order.amount.total) return refuse(res, 403, 'NOT_ENOUGH', '可退金额不足', path);
    order.refunded += refund;
    order.trade_state = 'REFUND';
    const record = {
      refund_id: `50300${Date.now()}${crypto.randomInt(1e6)}`.slice(0, 28),
      out_refund_no: b.out_refund_no,
      transaction_id: order.transaction_id,
      out_trade_no: order.out_trade_no,
      status: 'PROCESSING',
      reason: b.reason ?? '',
      amount: { refund, total: order.amount.total, currency: 'CNY' },
      create_time: rfc3339(now()),
      notify_url: b.notify_url ?? null,
    };
    state.refunds.set(record.out_refund_no, record);
    later(config.refundDelayMs, () => {
      record.status = 'SUCCESS';
      record.success_time = rfc3339(now());
      if (record.notify_url) {
        notify(record.notify_url, 'REFUND.SUCCESS', '退款成功', 'refund', {
          mchid: config.mchid,
          out_trade_no: record.out_trade_no,
          transaction_id: record.transaction_id,
          out_refund_no: record.out_refund_no,
          refund_id: record.refund_id,
          refund_status: 'SUCCESS',
          success_time: record.success_time,
          amount: { total: record.amount.total, refund: record.amount.refund, payer_total: record.amount.total, payer_refund: record.amount.refund },
          user_received_account: '支付用户零钱',
        });
      }
    });
    send(res, 200, refundOf(record));
  }

  function refundOf(r) {
    const { notify_url: _ignored, reason: _reason, ...rest } = r;
    return { ...rest, channel: 'ORIGINAL', user_received_account: '支付用户零钱' };
  }

  /** The trade bill of a Beijing day: one line per successful payment and per refund, fields starting with a backtick. */
  function tradeBill(billDate) {
    const dayOf = (rfc) => rfc.slice(0, 10);
    const head =
      '交易时间,公众账号ID,商户号,特约商户号,设备号,微信订单号,商户订单号,用户标识,交易类型,交易状态,付款银行,货币种类,应结订单金额,代金券金额,微信退款单号,商户退款单号,退款金额,充值券退款金额,退款类型,退款状态,商品名称,商户数据包,手续费,费率,订单金额,申请退款金额,费率备注';
    const lines = [head];
    const yuan = (fen) => (fen / 100).toFixed(2);
    let count = 0;
    let total = 0;
    let refunds = 0;
    for (const o of state.orders.values()) {
      if (!o.success_time || dayOf(o.success_time) !== billDate) continue;
      count += 1;
      total += o.amount.total;
      lines.push(
        [
          '`' + o.success_time.replace('T', ' ').slice(0, 19),
          o.appid,
          o.mchid,
          '0',
          '',
          o.transaction_id,
          o.out_trade_no,
          o.payer.openid,
          'JSAPI',
          'SUCCESS',
          'OTHERS',
          'CNY',
          yuan(o.amount.total),
          '0.00',
          '0',
          '0',
          '0.00',
          '0.00',
          '',
          '',
          o.description,
          o.attach ?? '',
          '0.00',
          '0.60%',
          yuan(o.amount.total),
          '0.00',
          '',
        ]
          .map((v, i) => (i === 0 ? v : '`' + v))
          .join(','),
      );
    }
    for (const r of state.refunds.values()) {
      if (!r.success_time || dayOf(r.success_time) !== billDate) continue;
      const o = state.orders.get(r.out_trade_no);
      refunds += r.amount.refund;
      lines.push(
        [
          '`' + r.success_time.replace('T', ' ').slice(0, 19),
          o.appid,
          o.mchid,
          '0',
          '',
          o.transaction_id,
          o.out_trade_no,
          o.payer.openid,
          'JSAPI',
          'REFUND',
          'OTHERS',
          'CNY',
          '0.00',
          '0.00',
          r.refund_id,
          r.out_refund_no,
          yuan(r.amount.refund),
          '0.00',
          'ORIGINAL',
          'SUCCESS',
          o.description,
          o.attach ?? '',
          '0.00',
          '0.60%',
          '0.00',
          yuan(r.amount.refund),
          '',
        ]
          .map((v, i) => (i === 0 ? v : '`' + v))
          .join(','),
      );
    }
    lines.push('总交易单数,应结订单总金额,退款总金额,充值券退款总金额,手续费总金额,订单总金额,申请退款总金额');
    lines.push(['`' + count, yuan(total), yuan(refunds), '0.00', '0.00', yuan(total), yuan(refunds)].map((v, i) => (i === 0 ? v : '`' + v)).join(','));
    return lines.join('\r\n') + '\r\n';
  }

  // ------------------------------------------------------------------ control API (tests only)

  const control = {
    'POST /__fake/pay': (b) => pay(String(b.out_trade_no), { notify: b.notify !== false }),
    'POST /__fake/notify-config': (b) => {
      for (const k of ['notifyDelayMs', 'notifyRepeat', 'notifyRetryDelaysMs', 'refundDelayMs']) if (b[k] !== undefined) config[k] = b[k];
      return { ok: true };
    },
    'POST /__fake/fail': (b) => {
      failures.push({
        path: String(b.path ?? '*'),
        httpStatus: b.httpStatus ?? 500,
        code: b.code ?? 'SYSTEM_ERROR',
        message: b.message ?? '系统错误',
        times: b.times ?? 1,
        delayMs: b.delayMs ?? 0,
        drop: b.drop === true,
      });
      return { ok: true };
    },
    'POST /__fake/fail/clear': () => {
      failures = [];
      return { ok: true };
    },
    'POST /__fake/resend': (b) => {
      const record = state.notifications.find((n) => n.notification.id === b.id) ?? state.notifications[state.notifications.length - 1];
      if (!record) throw Object.assign(new Error('no notification to resend'), { status: 404 });
      later(0, () => deliver(record, config.notifyRetryDelaysMs.length, 1));
      return { id: record.notification.id };
    },
    'POST /__fake/clock/advance': (b) => {
      clockOffsetSec += Number(b.seconds ?? 0);
      return { now: now().toISOString() };
    },
    'POST /__fake/reset': () => {
      Object.assign(state, freshState());
      failures = [];
      return { ok: true };
    },
    'GET /__fake/state': () => snapshot(),
  };

  function snapshot() {
    return {
      orders: [...state.orders.values()],
      refunds: [...state.refunds.values()],
      notifications: state.notifications.map((n) => ({
        id: n.notification.id,
        event_type: n.notification.event_type,
        url: n.url,
        attempts: n.attempts,
        delivered: n.delivered,
        dropped: n.dropped,
      })),
      calls: state.calls,
      errors: state.errors,
    };
  }

  // ------------------------------------------------------------------ server

  async function handle(req, res) {
    const raw = await new Promise((resolve, reject) => {
      const chunks = [];
      req.on('data', (c) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
    const url = new URL(req.url, 'http://fake');
    const path = url.pathname;
    const pathWithQuery = url.pathname + url.search;
    if (config.log) process.stderr.write(`fake-wechatpay ${req.method} ${pathWithQuery}\n`);

    if (path.startsWith('/__fake/')) {
      const fn = control[`${req.method} ${path}`];
      if (!fn) return send(res, 404, { code: 'NOT_FOUND', message: 'unknown control path' });
      try {
        return send(res, 200, fn(raw ? JSON.parse(raw) : {}));
      } catch (e) {
        return send(res, e.status ?? 400, { code: 'FAKE_ERROR', message: e.message });
      }
    }

    const route = routeOf(req.method, path);
    if (!route) return refuse(res, 404, 'NOT_FOUND', `no such API: ${req.method} ${path}`, path);
    state.calls[route.name] = (state.calls[route.name] ?? 0) + 1;
    const failure = takeFailure(route.name);
    if (failure) {
      if (failure.delayMs) await new Promise((r) => setTimeout(r, failure.delayMs));
      if (failure.drop) return req.socket.destroy();
      return refuse(res, failure.httpStatus, failure.code, failure.message, path);
    }
    // Every call, the bill download included, is a signed request.
    const problem = checkSignature(req, pathWithQuery, raw);
    if (problem) return refuse(res, 401, 'SIGN_ERROR', problem, path);
    let body;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return refuse(res, 400, 'PARAM_ERROR', '请求体不是 JSON', path);
    }
    route.run(req, res, body, url, route.params);
  }

  function routeOf(method, path) {
    let m;
    if (method === 'POST' && path === '/v3/pay/transactions/jsapi') return { name: 'jsapi', run: (req, res, body) => createOrder(req, res, body, path) };
    if (method === 'GET' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(path))) {
      return {
        name: 'query',
        run: (req, res, body, url) => {
          if (url.searchParams.get('mchid') !== config.mchid) return refuse(res, 400, 'PARAM_ERROR', '参数错误：mchid', path);
          const order = state.orders.get(decodeURIComponent(m[1]));
          if (!order) return refuse(res, 404, 'ORDER_NOT_EXIST', '订单不存在', path);
          send(res, 200, transactionOf(order));
        },
      };
    }
    if (method === 'POST' && (m = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)\/close$/.exec(path))) {
      return {
        name: 'close',
        run: (req, res, body) => {
          if (body?.mchid !== config.mchid) return refuse(res, 400, 'PARAM_ERROR', '参数错误：mchid', path);
          const order = state.orders.get(decodeURIComponent(m[1]));
          if (!order) return refuse(res, 404, 'ORDER_NOT_EXIST', '订单不存在', path);
          if (order.trade_state === 'SUCCESS' || order.trade_state === 'REFUND') return refuse(res, 400, 'ORDERPAID', '该订单已支付', path);
          order.trade_state = 'CLOSED';
          send(res, 204);
        },
      };
    }
    if (method === 'POST' && path === '/v3/refund/domestic/refunds') return { name: 'refund', run: (req, res, body) => createRefund(req, res, body, path) };
    if (method === 'GET' && (m = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(path))) {
      return {
        name: 'refund-query',
        run: (req, res) => {
          const r = state.refunds.get(decodeURIComponent(m[1]));
          if (!r) return refuse(res, 404, 'RESOURCE_NOT_EXISTS', '退款单不存在', path);
          send(res, 200, refundOf(r));
        },
      };
    }
    if (method === 'GET' && path === '/v3/bill/tradebill') {
      return {
        name: 'tradebill',
        run: (req, res, body, url) => {
          const date = url.searchParams.get('bill_date') ?? '';
          if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return refuse(res, 400, 'PARAM_ERROR', '参数错误：bill_date', path);
          const text = tradeBill(date);
          const token = Buffer.from(date).toString('base64url');
          send(res, 200, {
            download_url: `${server.url}/v3/billdownload/file?token=${token}`,
            hash_type: 'SHA1',
            hash_value: crypto.createHash('sha1').update(text).digest('hex'),
          });
        },
      };
    }
    if (method === 'GET' && path === '/v3/billdownload/file') {
      return {
        name: 'billdownload',
        run: (req, res, body, url) => {
          const date = Buffer.from(url.searchParams.get('token') ?? '', 'base64url').toString();
          res.writeHead(200, { 'Content-Type': 'text/plain; charset=utf-8' });
          res.end(tradeBill(date));
        },
      };
    }
    return null;
  }

  const httpServer = http.createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) send(res, 500, { code: 'SYSTEM_ERROR', message: String(e.message ?? e) });
    });
  });
  await new Promise((resolve) => httpServer.listen(config.port, config.host, resolve));
  const address = httpServer.address();

  const server = Object.assign(events, {
    url: `http://${config.host}:${address.port}`,
    config,
    state,
    platformPublicKey: platform.publicKey,
    platformPublicKeyId: config.platformPublicKeyId,
    pay,
    /** Sign a notification body as WeChat Pay does (tests forge and replay with it). */
    signNotification(body, { timestamp = Math.floor(now().getTime() / 1000), nonce = crypto.randomBytes(16).toString('hex') } = {}) {
      return {
        'Wechatpay-Timestamp': String(timestamp),
        'Wechatpay-Nonce': nonce,
        'Wechatpay-Serial': config.platformPublicKeyId,
        'Wechatpay-Signature': wxpay.sign(platform.privateKey, `${timestamp}\n${nonce}\n${body}\n`),
      };
    },
    notifications: () => state.notifications,
    order: (outTradeNo) => state.orders.get(outTradeNo) ?? null,
    configure(patch) {
      return control['POST /__fake/notify-config'](patch);
    },
    fail(spec) {
      return control['POST /__fake/fail'](spec);
    },
    clearFailures() {
      failures = [];
    },
    resend(id) {
      return control['POST /__fake/resend']({ id });
    },
    advanceTime(seconds) {
      clockOffsetSec += seconds;
    },
    snapshot,
    /** Resolves once a notification matching `predicate` has finished delivering (all its copies) or given up. */
    waitForNotification(predicate = () => true, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          events.off('notification', onDone);
          reject(new Error('no notification finished in time'));
        }, timeoutMs);
        const onDone = (record) => {
          if (!predicate(record)) return;
          clearTimeout(timer);
          events.off('notification', onDone);
          resolve(record);
        };
        events.on('notification', onDone);
      });
    },
    async close() {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      httpServer.closeAllConnections?.();
      await new Promise((resolve) => httpServer.close(resolve));
    },
  });
  return server;
}

module.exports = { startFakeWechatpay, crypto: wxpay };
