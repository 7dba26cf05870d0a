'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { start, call, stableToken, login, goodData, send, TEMPLATE } = require('../testkit');

const SEND = '/cgi-bin/message/subscribe/send';

test('failure injection and recovery', async (t) => {
  const fake = await start();
  t.after(() => fake.close());
  const token = await stableToken(fake);
  const alice = await login(fake, 'alice');
  const msg = { touser: alice, template_id: TEMPLATE, data: goodData() };

  await t.test('errcode -1 for N calls, then normal again', async () => {
    fake.fail({ path: SEND, errcode: -1, times: 2 });
    for (let i = 0; i < 2; i++) {
      const r = await send(fake, token, msg);
      assert.equal(r.status, 200);
      assert.equal(r.json.errcode, -1);
      assert.match(r.json.errmsg, /^system error rid: /);
      assert.match(r.type, /^text\/plain/);
    }
    assert.equal((await send(fake, token, msg)).json.errcode, 0);
    assert.equal(fake.messages().length, 1, 'failed calls were not sent');
  });

  await t.test('HTTP 503 with an HTML body', async () => {
    fake.fail({ path: SEND, httpStatus: 503 });
    const r = await send(fake, token, msg);
    assert.equal(r.status, 503);
    assert.equal(r.json, undefined);
    assert.equal((await send(fake, token, msg)).json.errcode, 0);
  });

  await t.test('drop: the connection is cut without an answer', async () => {
    fake.fail({ path: SEND, drop: true });
    await assert.rejects(() => send(fake, token, msg));
    assert.equal((await send(fake, token, msg)).json.errcode, 0);
  });

  await t.test('delayMs slows a call down (for client timeouts)', async () => {
    fake.fail({ path: SEND, delayMs: 150 });
    const t0 = Date.now();
    assert.equal((await send(fake, token, msg)).json.errcode, 0);
    assert.ok(Date.now() - t0 >= 140);
  });

  await t.test('over HTTP, any path, until cleared; only the named path is hit', async () => {
    const r = await call(fake, '/__fake/fail', { body: { path: '/cgi-bin/stable_token', errcode: 45009, times: -1 } });
    assert.equal(r.json.ok, true);
    for (let i = 0; i < 3; i++) {
      const t2 = await call(fake, '/cgi-bin/stable_token', { body: { grant_type: 'client_credential', appid: 'wxfake', secret: 'fakesecret' } });
      assert.equal(t2.json.errcode, 45009);
    }
    assert.equal((await send(fake, token, msg)).json.errcode, 0, 'other paths unaffected');
    assert.equal((await call(fake, '/__fake/state')).json.failures[0].times, -1);
    await call(fake, '/__fake/fail/clear', { method: 'POST' });
    assert.ok(await stableToken(fake));
  });

  await t.test("'*' matches every business path, custom errmsg", async () => {
    fake.fail({ path: '*', errcode: 40001, errmsg: 'custom text' });
    const r = await call(fake, '/sns/jscode2session', {
      query: { appid: 'wxfake', secret: 'fakesecret', js_code: 'fake:z', grant_type: 'authorization_code' },
    });
    assert.equal(r.json.errcode, 40001);
    assert.match(r.json.errmsg, /^custom text rid: /);
    assert.equal((await send(fake, token, msg)).json.errcode, 0);
  });

  await t.test('calls are counted per path, control calls excluded', async () => {
    assert.ok(fake.state.calls[SEND] >= 8);
    assert.equal(
      Object.keys(fake.state.calls).some((p) => p.startsWith('/__fake')),
      false,
    );
  });

  await t.test('errors as JSON when errorContentType says so', async () => {
    await call(fake, '/__fake/config', { body: { errorContentType: 'application/json' } });
    const r = await send(fake, token, { ...msg, template_id: 'x' });
    assert.match(r.type, /^application\/json/);
    fake.configure({ errorContentType: 'text/plain' });
  });

  await t.test('unknown API path → 404, unknown control → 404', async () => {
    assert.equal((await call(fake, '/cgi-bin/nope')).status, 404);
    assert.equal((await call(fake, '/__fake/nope')).status, 404);
  });

  await t.test('reset clears messages, failures, quotas; keeps tokens and known users', async () => {
    fake.fail({ path: SEND, errcode: -1, times: 5 });
    fake.setQuota({ subscribeDaily: 0 });
    await call(fake, '/__fake/reset', { method: 'POST' });
    assert.equal(fake.messages().length, 0);
    assert.equal((await send(fake, token, msg)).json.errcode, 0);
    await call(fake, '/__fake/reset', { body: { all: true } });
    assert.equal((await send(fake, token, msg)).json.errcode, 40001, 'all: tokens gone');
    assert.equal((await send(fake, await stableToken(fake), msg)).json.errcode, 40003, 'all: users gone');
  });
});
