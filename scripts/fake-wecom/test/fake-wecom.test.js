'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { startFakeWecom } = require('..');

async function call(fake, path, { query, body } = {}) {
  const url = new URL(path, fake.url);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  const res = await fetch(url, { method: body === undefined ? 'GET' : 'POST', body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json };
}
const token = async (fake) => (await call(fake, '/cgi-bin/gettoken', { query: { corpid: 'wwfakecorp', corpsecret: 'fakesecret' } })).json.access_token;
const card = (touser, title = '新工单待受理') => ({
  touser,
  msgtype: 'textcard',
  agentid: 1000002,
  textcard: { title, description: '<div class="gray">12月7日 10:00</div>', url: 'https://example.com/admin/tickets/1', btntxt: '详情' },
});

test('gettoken: the same token while valid, errors for a wrong corp or secret', async (t) => {
  const fake = await startFakeWecom();
  t.after(() => fake.close());
  const a = await call(fake, '/cgi-bin/gettoken', { query: { corpid: 'wwfakecorp', corpsecret: 'fakesecret' } });
  assert.equal(a.json.errcode, 0);
  assert.equal(a.json.expires_in > 7000, true);
  assert.equal(await token(fake), a.json.access_token);
  assert.equal(fake.state.tokenMints, 1);
  assert.equal((await call(fake, '/cgi-bin/gettoken', { query: { corpid: 'nope', corpsecret: 'fakesecret' } })).json.errcode, 40013);
  const bad = await call(fake, '/cgi-bin/gettoken', { query: { corpid: 'wwfakecorp', corpsecret: 'wrong' } });
  assert.equal(bad.status, 200);
  assert.equal(bad.json.errcode, 40001);
  assert.match(bad.json.errmsg, /hint: \[.*more info at https:\/\/open\.work\.weixin\.qq\.com\/devtool\/query\?e=40001/);
});

test('message/send: records textcards, checks token, agentid and sizes', async (t) => {
  const fake = await startFakeWecom();
  t.after(() => fake.close());
  const tk = await token(fake);
  const ok = await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: card('zhangsan') });
  assert.equal(ok.json.errcode, 0);
  assert.equal(ok.json.invaliduser, '');
  assert.equal(fake.messages({ touser: 'zhangsan' }).length, 1);
  assert.equal(fake.messages()[0].textcard.title, '新工单待受理');
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: 'nope' }, body: card('a') })).json.errcode, 40014);
  assert.equal((await call(fake, '/cgi-bin/message/send', { body: card('a') })).json.errcode, 41001);
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: { ...card('a'), agentid: 1 } })).json.errcode, 40056);
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: card('a', '长'.repeat(50)) })).json.errcode, 45002);
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: card('') })).json.errcode, 82001);
  const notice = (title) => ({
    touser: 'a',
    msgtype: 'miniprogram_notice',
    agentid: 1000002,
    miniprogram_notice: {
      appid: 'wx0123456789abcdef',
      page: 'pages/index',
      title,
      description: '12月7日 10:30',
      content_item: [{ key: '工单', value: 'BX1' }],
    },
  });
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: notice('新工单待受理') })).json.errcode, 0);
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: notice('紧急工单，请立即处理请立即') })).json.errcode, 45002);
});

test('expired token answers 42001 and the next gettoken mints a new one', async (t) => {
  const fake = await startFakeWecom();
  t.after(() => fake.close());
  const first = await token(fake);
  fake.expireToken();
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: first }, body: card('a') })).json.errcode, 42001);
  const second = await token(fake);
  assert.notEqual(second, first);
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: second }, body: card('a') })).json.errcode, 0);
});

test('visible range: 81013 when nobody is reachable, invaliduser for some', async (t) => {
  const fake = await startFakeWecom({ visible: ['lisi'] });
  t.after(() => fake.close());
  const tk = await token(fake);
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: card('zhangsan') })).json.errcode, 81013);
  const some = await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: card('zhangsan|lisi') });
  assert.equal(some.json.errcode, 0);
  assert.equal(some.json.invaliduser, 'zhangsan');
  fake.hide('lisi');
  assert.equal((await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: card('lisi') })).json.errcode, 81013);
});

test('limits: the 31st message in a minute to one member is dropped without an error', async (t) => {
  const fake = await startFakeWecom();
  t.after(() => fake.close());
  const tk = await token(fake);
  for (let i = 0; i < 31; i++) {
    const r = await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: card('busy', `通知 ${i}`) });
    assert.equal(r.json.errcode, 0);
  }
  assert.equal(fake.messages({ touser: 'busy' }).length, 30);
  assert.equal(fake.state.dropped.length, 1);
});

test('duplicate check drops an identical message within the interval', async (t) => {
  const fake = await startFakeWecom();
  t.after(() => fake.close());
  const tk = await token(fake);
  const body = { ...card('dup'), enable_duplicate_check: 1, duplicate_check_interval: 1800 };
  await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body });
  await call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body });
  assert.equal(fake.messages({ touser: 'dup' }).length, 1);
  assert.equal(fake.state.duplicates.length, 1);
});

test('getuserinfo: fake:<userid> once, openid for outsiders, 40029 otherwise', async (t) => {
  const fake = await startFakeWecom();
  t.after(() => fake.close());
  const tk = await token(fake);
  const me = await call(fake, '/cgi-bin/auth/getuserinfo', { query: { access_token: tk, code: 'fake:wangwu' } });
  assert.deepEqual([me.json.errcode, me.json.userid], [0, 'wangwu']);
  assert.equal((await call(fake, '/cgi-bin/auth/getuserinfo', { query: { access_token: tk, code: 'fake:wangwu' } })).json.errcode, 40029);
  const outsider = await call(fake, '/cgi-bin/auth/getuserinfo', { query: { access_token: tk, code: 'fake-openid:x1' } });
  assert.equal(outsider.json.userid, undefined);
  assert.equal(typeof outsider.json.openid, 'string');
  assert.equal((await call(fake, '/cgi-bin/auth/getuserinfo', { query: { access_token: tk, code: 'garbage' } })).json.errcode, 40029);
});

test('failure injection: errcodes (60020, -1), HTTP 5xx, dropped connections, until cleared; control API', async (t) => {
  const fake = await startFakeWecom();
  t.after(() => fake.close());
  const tk = await token(fake);
  const send = () => call(fake, '/cgi-bin/message/send', { query: { access_token: tk }, body: card('x') }).catch((e) => ({ error: e }));
  fake.fail({ path: '/cgi-bin/message/send', errcode: 60020 });
  assert.equal((await send()).json.errcode, 60020);
  fake.fail({ path: '*', errcode: -1, times: 2 });
  assert.equal((await send()).json.errcode, -1);
  assert.equal((await send()).json.errcode, -1);
  assert.equal((await send()).json.errcode, 0);
  fake.fail({ path: '/cgi-bin/message/send', httpStatus: 503 });
  assert.equal((await send()).status, 503);
  fake.fail({ path: '/cgi-bin/message/send', drop: true });
  assert.ok((await send()).error);
  const ctl = await fetch(new URL('/__fake/fail', fake.url), {
    method: 'POST',
    body: JSON.stringify({ path: '/cgi-bin/message/send', errcode: 81013, times: -1 }),
  });
  assert.equal(ctl.status, 200);
  assert.equal((await send()).json.errcode, 81013);
  assert.equal((await send()).json.errcode, 81013);
  await fetch(new URL('/__fake/fail/clear', fake.url), { method: 'POST' });
  assert.equal((await send()).json.errcode, 0);
  const state = await (await fetch(new URL('/__fake/state', fake.url))).json();
  assert.equal(state.messageCount, 2);
  assert.ok(state.errors.some((e) => e.errcode === 60020));
});
