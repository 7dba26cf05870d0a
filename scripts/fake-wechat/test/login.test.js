'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { start, call } = require('../testkit');
const { fakeOpenid } = require('..');

test('jscode2session', async (t) => {
  const fake = await start();
  t.after(() => fake.close());
  const q = (js_code, extra = {}) => ({ appid: 'wxfake', secret: 'fakesecret', js_code, grant_type: 'authorization_code', ...extra });
  const login = (js_code, extra) => call(fake, '/sns/jscode2session', { query: q(js_code, extra) });

  await t.test('fake:<user> gives a stable openid, a session_key, and the code works once', async () => {
    const a = await login('fake:alice');
    assert.equal(a.status, 200);
    assert.equal(a.json.openid, fakeOpenid('wxfake', 'alice'));
    assert.equal(a.json.openid, fake.openidFor('alice'));
    assert.equal(a.json.openid.length, 28);
    assert.match(a.json.openid, /^o[A-Za-z0-9_-]{27}$/);
    assert.equal(Buffer.from(a.json.session_key, 'base64').length, 16);
    assert.equal(a.json.errcode, undefined, 'success has no errcode');
    assert.equal(a.json.unionid, undefined);

    const again = await login('fake:alice');
    assert.equal(again.json.errcode, 40163);
    assert.match(again.json.errmsg, /^code been used rid: [0-9a-f]{8}-[0-9a-f]{8}-[0-9a-f]{8}$/);

    const withNonce = await login('fake:alice:2');
    assert.equal(withNonce.json.openid, a.json.openid, 'same user, new nonce → same openid');
    const bob = await login('fake:bob:1');
    assert.notEqual(bob.json.openid, a.json.openid);
    assert.deepEqual(
      fake.state.logins.map((l) => l.user),
      ['alice', 'alice', 'bob'],
    );
  });

  await t.test('errors are HTTP 200, text/plain by default', async () => {
    const r = await login('garbage');
    assert.equal(r.status, 200);
    assert.match(r.type, /^text\/plain/);
    assert.equal(r.json.errcode, 40029);
    assert.match(r.json.errmsg, /^invalid code rid: /);
  });

  await t.test('wrong appid → 40013, wrong secret → 40125, missing params', async () => {
    assert.equal((await login('fake:x:1', { appid: 'wxother' })).json.errcode, 40013);
    assert.equal((await login('fake:x:2', { secret: 'nope' })).json.errcode, 40125);
    assert.equal((await login('fake:x:3', { grant_type: 'client_credential' })).json.errcode, 40002);
    assert.equal(
      (await call(fake, '/sns/jscode2session', { query: { appid: 'wxfake', secret: 'fakesecret', grant_type: 'authorization_code' } })).json.errcode,
      41008,
    );
    // a failed call for another reason does not burn the code
    assert.ok((await login('fake:x:1')).json.openid);
  });

  await t.test('registered codes: a fixed openid, or an error such as 40226; they expire after 5 minutes', async () => {
    fake.registerCode('c-openid', { openid: 'oFIXEDopenid000000000000000' });
    fake.registerCode('c-risky', { error: 40226 });
    fake.registerCode('c-late', { user: 'late' });
    assert.equal((await login('c-openid')).json.openid, 'oFIXEDopenid000000000000000');
    assert.equal((await login('c-risky')).json.errcode, 40226);
    fake.advanceTime(301);
    assert.equal((await login('c-late')).json.errcode, 40029);
  });

  await t.test('registered codes over the control API', async () => {
    const r = await call(fake, '/__fake/codes', { body: { code: 'http-code', user: 'carol' } });
    assert.equal(r.json.openid, fake.openidFor('carol'));
    assert.equal((await login('http-code')).json.openid, fake.openidFor('carol'));
  });

  await t.test('per-minute quota → 45011, recovers the next minute', async () => {
    fake.setQuota({ jscode2sessionPerMinute: 2 });
    fake.advanceTime(60);
    assert.ok((await login('fake:q:1')).json.openid);
    assert.ok((await login('fake:q:2')).json.openid);
    const third = await login('fake:q:3');
    assert.equal(third.json.errcode, 45011);
    fake.advanceTime(60);
    assert.ok((await login('fake:q:3')).json.openid, 'the throttled code was not spent');
    fake.setQuota({ jscode2sessionPerMinute: null });
  });

  await t.test('success bodies are text/plain too, like the real endpoint', async () => {
    const r = await login('fake:type:1');
    assert.match(r.type, /^text\/plain/);
  });
});

test('unionid is given when enabled', async (t) => {
  const fake = await start({ unionid: true, appid: 'wxother', secret: 's2' });
  t.after(() => fake.close());
  const r = await call(fake, '/sns/jscode2session', { query: { appid: 'wxother', secret: 's2', js_code: 'fake:dave', grant_type: 'authorization_code' } });
  assert.match(r.json.unionid, /^oU/);
  assert.equal(r.json.openid, fakeOpenid('wxother', 'dave'));
  assert.notEqual(r.json.openid, fakeOpenid('wxfake', 'dave'), 'openids differ per app');
});
