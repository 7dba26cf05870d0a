'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const http = require('node:http');
const { start, call, stableToken, login } = require('../testkit');
const { sha1Signature, decrypt } = require('../crypto');

const AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C'; // 43 chars
const PUSH_TOKEN = 'yizhan-push-token';

/**
 * A minimal receiver like our server's push endpoint: verifies both signatures,
 * decrypts, and answers `success` — or fails the first `failFirst` deliveries.
 */
async function startReceiver({ failFirst = 0, answer = 'success' } = {}) {
  const received = [];
  let seen = 0;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://r');
    const q = Object.fromEntries(url.searchParams);
    if (req.method === 'GET') {
      const ok = q.signature === sha1Signature(PUSH_TOKEN, q.timestamp, q.nonce);
      res.end(ok ? q.echostr : 'bad signature');
      return;
    }
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      seen++;
      received.push({ query: q, body, contentType: req.headers['content-type'] });
      if (seen <= failFirst) {
        res.writeHead(500);
        res.end('oops');
        return;
      }
      res.end(answer);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const { port } = /** @type {import('net').AddressInfo} */ (server.address());
  return { url: `http://127.0.0.1:${port}/api/v1/wechat/push`, received, close: () => new Promise((r) => server.close(r)) };
}

test('msg_sec_check', async (t) => {
  const fake = await start();
  t.after(() => fake.close());
  const token = await stableToken(fake);
  const alice = await login(fake, 'alice');
  const check = (content, over = {}) =>
    call(fake, '/wxa/msg_sec_check', { query: { access_token: token }, body: { version: 2, openid: alice, scene: 2, content, ...over } });

  await t.test('pass / review / risky with label, detail and trace_id', async () => {
    const pass = await check('厨房水管漏水，请尽快上门');
    assert.equal(pass.json.errcode, 0);
    assert.equal(pass.json.errmsg, 'ok');
    assert.deepEqual(pass.json.result, { suggest: 'pass', label: 100 });
    assert.ok(Array.isArray(pass.json.detail));
    assert.match(pass.json.trace_id, /\S+/);

    const review = await check('楼道里全是小广告');
    assert.equal(review.json.errcode, 0);
    assert.equal(review.json.result.suggest, 'review');
    assert.equal(review.json.result.label, 10001);
    assert.equal(review.json.detail.find((d) => d.strategy === 'keyword').keyword, '广告');

    const risky = await check('楼上有人聚众赌博');
    assert.equal(risky.json.errcode, 0, 'errcode 0 only means the call worked');
    assert.equal(risky.json.result.suggest, 'risky');
    assert.equal(risky.json.result.label, 20006);
    assert.deepEqual(
      fake.state.textChecks.map((c) => c.suggest),
      ['pass', 'review', 'risky'],
    );
  });

  await t.test('custom words, method and HTTP', async () => {
    fake.setWords({ risky: ['违禁词'], review: { 投诉: 21000 } });
    assert.equal((await check('这是违禁词')).json.result.suggest, 'risky');
    await call(fake, '/__fake/words', { body: { review: ['噪音'] } });
    assert.equal((await check('晚上噪音很大')).json.result.suggest, 'review');
    assert.equal((await check('我要投诉')).json.result.label, 21000);
    fake.setWords({ replace: true });
    assert.equal((await check('聚众赌博')).json.result.suggest, 'pass', 'replace drops the defaults');
    fake.resetState();
  });

  await t.test('61010 for an openid that has not visited recently', async () => {
    await call(fake, '/__fake/not-visited', { body: { openid: alice } });
    const r = await check('你好');
    assert.equal(r.json.errcode, 61010);
    fake.setNotVisited(alice, false);
    assert.equal((await check('你好')).json.errcode, 0);
  });

  await t.test('content over 2500 characters → 47001; missing openid/scene → 47001; unknown openid → 40003', async () => {
    assert.equal((await check('好'.repeat(2500))).json.errcode, 0);
    const long = await check('好'.repeat(2501));
    assert.equal(long.json.errcode, 47001);
    assert.match(long.json.errmsg, /^data format error hint: content exceeds 2500 characters rid: /);
    assert.equal((await check('x', { openid: undefined })).json.errcode, 47001);
    assert.equal((await check('x', { scene: 9 })).json.errcode, 47001);
    assert.equal((await check('x', { openid: fake.openidFor('nobody') })).json.errcode, 40003);
    assert.equal((await check('')).json.errcode, 47001);
  });

  await t.test('version 1 answers 87014 for risky content', async () => {
    const r = await call(fake, '/wxa/msg_sec_check', { query: { access_token: token }, body: { content: '赌博' } });
    assert.equal(r.json.errcode, 87014);
    const ok = await call(fake, '/wxa/msg_sec_check', { query: { access_token: token }, body: { content: '你好' } });
    assert.equal(ok.json.errcode, 0);
  });
});

test('media_check_async pushes a signed, encrypted wxa_media_check event', async (t) => {
  const receiver = await startReceiver();
  const fake = await start({ pushUrl: receiver.url, pushToken: PUSH_TOKEN, encodingAESKey: AES_KEY, mediaCheckDelayMs: 20 });
  t.after(async () => {
    await fake.close();
    await receiver.close();
  });
  const token = await stableToken(fake);
  const alice = await login(fake, 'alice');
  const mediaCheck = (media_url) =>
    call(fake, '/wxa/media_check_async', { query: { access_token: token }, body: { media_url, media_type: 2, version: 2, openid: alice, scene: 2 } });

  const r = await mediaCheck('https://files.example.com/u/1.jpg');
  assert.equal(r.json.errcode, 0);
  assert.equal(r.json.errmsg, 'ok');
  const trace = r.json.trace_id;
  const record = await fake.waitForPush((p) => p.message.trace_id === trace);
  assert.equal(record.delivered, true);
  assert.equal(record.attempts, 1);

  const { query, body, contentType } = receiver.received[0];
  assert.match(contentType, /json/);
  assert.equal(query.encrypt_type, 'aes');
  assert.equal(query.signature, sha1Signature(PUSH_TOKEN, query.timestamp, query.nonce));
  const outer = JSON.parse(body);
  assert.equal(outer.ToUserName, 'gh_fake00000000');
  assert.equal(query.msg_signature, sha1Signature(PUSH_TOKEN, query.timestamp, query.nonce, outer.Encrypt));
  const { message, appid } = decrypt(AES_KEY, outer.Encrypt);
  assert.equal(appid, 'wxfake');
  const event = JSON.parse(message);
  assert.equal(event.MsgType, 'event');
  assert.equal(event.Event, 'wxa_media_check');
  assert.equal(event.trace_id, trace);
  assert.equal(event.appid, 'wxfake');
  assert.equal(event.FromUserName, alice);
  assert.equal(event.version, 2);
  assert.equal(event.errcode, 0);
  assert.deepEqual(event.result, { suggest: 'pass', label: 100 });
  assert.equal(typeof event.CreateTime, 'number');
  assert.equal(event.detail[0].strategy, 'content_model');

  // verdicts by URL substring, defaults and registered
  const risky = await mediaCheck('https://files.example.com/risky/2.jpg');
  fake.setMediaVerdict({ match: 'ugly', suggest: 'review', label: 21000 });
  const review = await mediaCheck('https://files.example.com/ugly.jpg');
  const p1 = await fake.waitForPush((p) => p.message.trace_id === risky.json.trace_id);
  const p2 = await fake.waitForPush((p) => p.message.trace_id === review.json.trace_id);
  assert.deepEqual(p1.message.result, { suggest: 'risky', label: 20002 });
  assert.deepEqual(p2.message.result, { suggest: 'review', label: 21000 });
  assert.equal(fake.state.mediaChecks.length, 3);

  // bad requests
  assert.equal((await mediaCheck('not a url')).json.errcode, 47001);
  fake.setNotVisited(alice);
  assert.equal((await mediaCheck('https://files.example.com/3.jpg')).json.errcode, 61010);
});

test('push retries until the receiver answers success, up to 3 retries', async (t) => {
  const flaky = await startReceiver({ failFirst: 2 });
  const fake = await start({ pushUrl: flaky.url, pushToken: PUSH_TOKEN, encodingAESKey: AES_KEY, mediaCheckDelayMs: 0, pushRetryDelayMs: 10 });
  t.after(async () => {
    await fake.close();
    await flaky.close();
  });
  const token = await stableToken(fake);
  const alice = await login(fake, 'alice');
  await call(fake, '/wxa/media_check_async', {
    query: { access_token: token },
    body: { media_url: 'https://x/1.jpg', media_type: 2, version: 2, openid: alice, scene: 2 },
  });
  const record = await fake.waitForPush();
  assert.equal(record.delivered, true);
  assert.equal(record.attempts, 3);
  assert.deepEqual(
    record.responses.map((r) => r.status),
    [500, 500, 200],
  );
  // every retry carries the same event
  const traces = flaky.received.map((r) => JSON.parse(decrypt(AES_KEY, JSON.parse(r.body).Encrypt).message).trace_id);
  assert.equal(new Set(traces).size, 1);
});

test('push gives up after 1 + 3 attempts when the receiver never says success', async (t) => {
  const wrong = await startReceiver({ answer: 'ok thanks' });
  const fake = await start({ pushUrl: wrong.url, pushToken: PUSH_TOKEN, encodingAESKey: AES_KEY, pushRetryDelayMs: 5 });
  t.after(async () => {
    await fake.close();
    await wrong.close();
  });
  const r = await call(fake, '/__fake/push', { body: { message: { ToUserName: 'gh_fake00000000', MsgType: 'event', Event: 'subscribe_msg_popup_event' } } });
  assert.equal(r.json.delivered, false);
  assert.equal(r.json.attempts, 4);
  assert.equal(wrong.received.length, 4);
});

test('plain-mode push without an EncodingAESKey, and URL verification', async (t) => {
  const receiver = await startReceiver();
  const fake = await start({ pushUrl: receiver.url, pushToken: PUSH_TOKEN });
  t.after(async () => {
    await fake.close();
    await receiver.close();
  });
  const record = await fake.push({ ToUserName: 'gh_fake00000000', MsgType: 'event', Event: 'subscribe_msg_change_event' });
  assert.equal(record.delivered, true);
  const { query, body } = receiver.received[0];
  assert.equal(query.encrypt_type, undefined);
  assert.equal(query.signature, sha1Signature(PUSH_TOKEN, query.timestamp, query.nonce));
  assert.equal(JSON.parse(body).Event, 'subscribe_msg_change_event');

  const verified = await call(fake, '/__fake/push/verify', { method: 'POST' });
  assert.equal(verified.json.ok, true);
  fake.configure({ pushToken: 'wrong' });
  assert.equal((await fake.verifyPushUrl()).ok, false);
});

test('without a pushUrl the verdict is kept in state', async (t) => {
  const fake = await start({ mediaCheckDelayMs: 0 });
  t.after(() => fake.close());
  const token = await stableToken(fake);
  const alice = await login(fake, 'alice');
  await call(fake, '/wxa/media_check_async', {
    query: { access_token: token },
    body: { media_url: 'https://x/1.jpg', media_type: 2, version: 2, openid: alice, scene: 2 },
  });
  const record = await fake.waitForPush();
  assert.equal(record.delivered, false);
  assert.equal(record.error, 'no pushUrl configured');
  assert.equal((await call(fake, '/__fake/pushes')).json[0].message.Event, 'wxa_media_check');
});
