'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { start, call, stableToken, login, goodData, send, TEMPLATE } = require('../testkit');

test('access tokens', async (t) => {
  const fake = await start({ tokenTtlSec: 7200 });
  t.after(() => fake.close());
  const alice = await login(fake, 'alice');
  const msg = () => ({ touser: alice, template_id: TEMPLATE, data: goodData() });

  await t.test('stable_token returns the same token while valid; expires_in counts down', async () => {
    const r1 = await call(fake, '/cgi-bin/stable_token', {
      body: { grant_type: 'client_credential', appid: 'wxfake', secret: 'fakesecret', force_refresh: false },
    });
    assert.equal(r1.json.expires_in, 7200);
    assert.match(r1.type, /json/);
    fake.advanceTime(100);
    const r2 = await call(fake, '/cgi-bin/stable_token', { body: { grant_type: 'client_credential', appid: 'wxfake', secret: 'fakesecret' } });
    assert.equal(r2.json.access_token, r1.json.access_token);
    assert.equal(r2.json.expires_in, 7100);
    assert.equal(fake.state.tokenMints.stable, 1);
    assert.equal((await send(fake, r1.json.access_token, msg())).json.errcode, 0);
  });

  await t.test('force_refresh mints a new token and the old one is invalid (40001)', async () => {
    const old = await stableToken(fake);
    const fresh = await stableToken(fake, true);
    assert.notEqual(fresh, old);
    assert.equal(fake.state.tokenMints.forceRefresh, 1);
    const r = await send(fake, old, msg());
    assert.equal(r.json.errcode, 40001);
    assert.match(r.json.errmsg, /^invalid credential, access_token is invalid or not latest rid: /);
    assert.equal((await send(fake, fresh, msg())).json.errcode, 0);
  });

  await t.test('a token past its lifetime → 42001; stable_token then mints a new one', async () => {
    const tok = await stableToken(fake);
    fake.advanceTime(7200);
    assert.equal((await send(fake, tok, msg())).json.errcode, 42001);
    const next = await stableToken(fake);
    assert.notEqual(next, tok);
    assert.equal((await send(fake, next, msg())).json.errcode, 0);
  });

  await t.test('expireToken / invalidateToken controls (method and HTTP)', async () => {
    let tok = await stableToken(fake);
    fake.expireToken();
    assert.equal((await send(fake, tok, msg())).json.errcode, 42001);
    tok = await stableToken(fake);
    await call(fake, '/__fake/token/invalidate', { method: 'POST' });
    assert.equal((await send(fake, tok, msg())).json.errcode, 40001);
    tok = await stableToken(fake);
    await call(fake, '/__fake/token/expire', { method: 'POST' });
    assert.equal((await send(fake, tok, msg())).json.errcode, 42001);
    const mintsBefore = fake.state.tokenMints.stable;
    tok = await stableToken(fake);
    assert.equal(fake.state.tokenMints.stable, mintsBefore + 1);
    assert.equal((await send(fake, tok, msg())).json.errcode, 0);
  });

  await t.test('missing token → 41001, malformed → 40014, unknown → 40001', async () => {
    const r = await call(fake, '/cgi-bin/message/subscribe/send', { body: msg() });
    assert.equal(r.json.errcode, 41001);
    assert.equal((await send(fake, 'bad token!', msg())).json.errcode, 40014);
    assert.equal((await send(fake, '99_' + 'A'.repeat(100), msg())).json.errcode, 40001);
  });

  await t.test('stable_token with a bad secret → 40125, bad appid → 40013, bad grant_type → 40002', async () => {
    const body = { grant_type: 'client_credential', appid: 'wxfake', secret: 'fakesecret' };
    assert.equal((await call(fake, '/cgi-bin/stable_token', { body: { ...body, secret: 'x' } })).json.errcode, 40125);
    assert.equal((await call(fake, '/cgi-bin/stable_token', { body: { ...body, appid: 'wx0' } })).json.errcode, 40013);
    assert.equal((await call(fake, '/cgi-bin/stable_token', { body: { ...body, grant_type: 'x' } })).json.errcode, 40002);
    assert.equal((await call(fake, '/cgi-bin/stable_token', { raw: '', method: 'POST' })).json.errcode, 44002);
    assert.equal((await call(fake, '/cgi-bin/stable_token', { raw: '{nope' })).json.errcode, 47001);
    assert.equal((await call(fake, '/cgi-bin/stable_token', { method: 'GET' })).json.errcode, 43002);
  });

  await t.test('classic /cgi-bin/token mints on every call and kills the previous token', async () => {
    const get = () => call(fake, '/cgi-bin/token', { query: { grant_type: 'client_credential', appid: 'wxfake', secret: 'fakesecret' } });
    const a = (await get()).json.access_token;
    const b = (await get()).json.access_token;
    assert.notEqual(a, b);
    assert.equal(fake.state.tokenMints.classic, 2);
    assert.equal((await send(fake, a, msg())).json.errcode, 40001, 'the instance holding a is now broken');
    assert.equal((await send(fake, b, msg())).json.errcode, 0);
    // stable tokens are a separate family: the classic mint did not touch them
    assert.equal((await send(fake, await stableToken(fake), msg())).json.errcode, 0);
    const bad = await call(fake, '/cgi-bin/token', { query: { grant_type: 'client_credential', appid: 'wxfake', secret: 'x' } });
    assert.equal(bad.json.errcode, 40125);
  });
});
