'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { start, call, stableToken, login, goodData, send, TEMPLATE } = require('../testkit');

const ALL_TYPES = 'tpl_all_types';

/** keyword type → [values WeChat accepts, values it answers 47003 to] */
const CASES = {
  thing: [
    ['厨房水管漏水', 'a'.repeat(20), '一'.repeat(20)],
    ['一'.repeat(21), 'a'.repeat(21)],
  ],
  number: [
    ['42', '3.14', '9'.repeat(32)],
    ['9'.repeat(33), '12a', '-1'],
  ],
  letter: [
    ['abc', 'A'.repeat(32)],
    ['A'.repeat(33), 'ab1', '中文'],
  ],
  character_string: [
    ['YZ-20261123-0042', 'x'.repeat(32)],
    ['x'.repeat(33), '工单42'],
  ],
  symbol: [['%', '+-*/='], ['+-*/=!']],
  phrase: [
    ['已受理', '五个汉字啊'],
    ['六个汉字太长', 'done', '已受理!'],
  ],
  name: [
    ['张三', '一'.repeat(10), 'a'.repeat(20), 'John Smith'],
    ['一'.repeat(11), 'a'.repeat(21), 'R2D2'],
  ],
  phone_number: [
    ['13800138000', '+86-10-12345678', '(021) 1234 5678'],
    ['1'.repeat(18), '138-0013-800a'],
  ],
  car_number: [
    ['粤B12345', '粤BD12345', '京A1234学'],
    ['粤B123456789', '粤B12-345'],
  ],
  time: [
    ['14:30', '2026-11-23 14:30', '2026年11月23日 14:30', '14:30~16:00', '2026-11-23 14:30 ~ 2026-11-23 16:00'],
    ['2026-11-23', '25:00', '14:30~16:00~18:00', 'tomorrow'],
  ],
  date: [
    ['2026-11-23', '2026年11月23日', '2026/11/23 14:30', '2026-11-23~2026-11-30', '2026-11-23 14:30~16:00'],
    ['14:30', '2026-13-01', '23/11/2026'],
  ],
  amount: [
    ['¥100', '100元', '￥99.50', '1234567890'],
    ['12345678901', '100.123', '一百元'],
  ],
};

test('subscribe/send', async (t) => {
  const templates = {
    [TEMPLATE]: { thing1: 'thing', time2: 'time', character_string3: 'character_string', phrase4: 'phrase' },
    [ALL_TYPES]: Object.keys(CASES).map((type, i) => `${type}${i + 1}`), // typed by name
  };
  const fake = await start({ templates });
  t.after(() => fake.close());
  const token = await stableToken(fake);
  const alice = await login(fake, 'alice');
  const base = () => ({
    touser: alice,
    template_id: TEMPLATE,
    page: 'pages/ticket/detail?id=42',
    miniprogram_state: 'formal',
    lang: 'zh_CN',
    data: goodData(),
  });

  await t.test('a good message is accepted and recorded', async () => {
    const r = await send(fake, token, base());
    assert.equal(r.status, 200);
    assert.equal(r.json.errcode, 0);
    assert.equal(r.json.errmsg, 'ok');
    assert.equal(typeof r.json.msgid, 'number');
    const [m] = fake.messages({ touser: alice });
    assert.equal(m.template_id, TEMPLATE);
    assert.equal(m.page, 'pages/ticket/detail?id=42');
    assert.equal(m.data.thing1.value, '厨房水管漏水');
    assert.equal(m.miniprogram_state, 'formal');
    assert.equal(m.lang, 'zh_CN');
    assert.equal(typeof m.at, 'number');
    const listed = await call(fake, '/__fake/messages', { query: { touser: alice } });
    assert.equal(listed.json.length, 1);
    assert.equal(listed.json[0].msgid, r.json.msgid);
  });

  await t.test('touser that never logged in → 40003', async () => {
    const r = await send(fake, token, { ...base(), touser: fake.openidFor('stranger') });
    assert.equal(r.json.errcode, 40003);
    assert.match(r.json.errmsg, /^invalid openid rid: /);
    assert.equal((await send(fake, token, { ...base(), touser: undefined })).json.errcode, 40003);
    fake.addUser(fake.openidFor('stranger'));
    assert.equal((await send(fake, token, { ...base(), touser: fake.openidFor('stranger') })).json.errcode, 0);
  });

  await t.test('unknown template → 40037', async () => {
    const r = await send(fake, token, { ...base(), template_id: 'nope' });
    assert.equal(r.json.errcode, 40037);
    assert.match(r.json.errmsg, /^invalid template_id rid: /);
  });

  await t.test('page that is a URL or not a string → 41030; no page is fine', async () => {
    assert.equal((await send(fake, token, { ...base(), page: 'https://example.com/x' })).json.errcode, 41030);
    assert.equal((await send(fake, token, { ...base(), page: 42 })).json.errcode, 41030);
    assert.equal((await send(fake, token, { ...base(), page: undefined })).json.errcode, 0);
    assert.equal((await send(fake, token, { ...base(), page: '/pages/index/index' })).json.errcode, 0);
  });

  await t.test('missing or empty keyword → 47003 naming it', async () => {
    const data = goodData();
    delete data.time2;
    let r = await send(fake, token, { ...base(), data });
    assert.equal(r.json.errcode, 47003);
    assert.match(r.json.errmsg, /^argument invalid! data\.time2\.value is emtpy rid: /);
    r = await send(fake, token, { ...base(), data: goodData({ thing1: { value: '  ' } }) });
    assert.match(r.json.errmsg, /data\.thing1\.value is emtpy/);
    r = await send(fake, token, { ...base(), data: undefined });
    assert.equal(r.json.errcode, 47003);
    r = await send(fake, token, { ...base(), miniprogram_state: 'prod' });
    assert.equal(r.json.errcode, 47003);
    assert.match(r.json.errmsg, /miniprogram_state/);
  });

  for (const [type, [good, bad]] of Object.entries(CASES)) {
    await t.test(`47003 rules for ${type}`, async () => {
      const i = Object.keys(CASES).indexOf(type);
      const keyword = `${type}${i + 1}`;
      const allGood = Object.fromEntries(Object.entries(CASES).map(([ty, [ok]], j) => [`${ty}${j + 1}`, { value: ok[0] }]));
      for (const value of good) {
        const r = await send(fake, token, { touser: alice, template_id: ALL_TYPES, data: { ...allGood, [keyword]: { value } } });
        assert.equal(r.json.errcode, 0, `${type} should accept ${JSON.stringify(value)}: ${r.json.errmsg}`);
      }
      for (const value of bad) {
        const r = await send(fake, token, { touser: alice, template_id: ALL_TYPES, data: { ...allGood, [keyword]: { value } } });
        assert.equal(r.json.errcode, 47003, `${type} should refuse ${JSON.stringify(value)}`);
        assert.match(r.json.errmsg, new RegExp(`^argument invalid! data\\.${keyword}\\.value invalid rid: `));
      }
    });
  }

  await t.test('the fake records why it refused (for debugging), the wire keeps WeChat’s text', async () => {
    const last = fake.state.errors.at(-1);
    assert.equal(last.errcode, 47003);
    assert.match(last.reason, /amount/);
  });

  await t.test('credits enforced: 43101 without one, each accept allows one send', async () => {
    fake.setEnforceCredits(true);
    let r = await send(fake, token, base());
    assert.equal(r.json.errcode, 43101);
    assert.match(r.json.errmsg, /^user refuse to accept the msg rid: /);
    fake.grantCredits(alice, TEMPLATE, 2);
    assert.equal((await send(fake, token, base())).json.errcode, 0);
    assert.equal(fake.creditsOf(alice, TEMPLATE), 1);
    await call(fake, '/__fake/credits', { body: { openid: alice, templateId: TEMPLATE, count: 1 } });
    assert.equal((await call(fake, '/__fake/credits', { query: { openid: alice, template_id: TEMPLATE } })).json.count, 2);
    assert.equal((await send(fake, token, base())).json.errcode, 0);
    await call(fake, '/__fake/credits/deny', { body: { openid: alice, templateId: TEMPLATE } });
    assert.equal((await send(fake, token, base())).json.errcode, 43101);
    await call(fake, '/__fake/credits/enforce', { body: { enforce: false } });
    assert.equal((await send(fake, token, base())).json.errcode, 0, 'default: accept without credits');
  });

  await t.test('daily quota → 45009 until the next day (Beijing time)', async () => {
    await call(fake, '/__fake/clock/advance', { body: { seconds: 86400 } });
    const tok = await stableToken(fake); // the old one expired meanwhile
    fake.setQuota({ subscribeDaily: 3 });
    for (let i = 0; i < 3; i++) assert.equal((await send(fake, tok, base())).json.errcode, 0);
    const r = await send(fake, tok, base());
    assert.equal(r.json.errcode, 45009);
    assert.match(r.json.errmsg, /^reach max api daily quota limit rid: /);
    fake.advanceTime(86400);
    const tok2 = await stableToken(fake);
    assert.equal((await send(fake, tok2, base())).json.errcode, 0);
    fake.setQuota({ subscribeDaily: null });
  });
});

test('configured pages and inferred templates', async (t) => {
  const fake = await start({ templates: {}, inferTemplates: true, pages: ['pages/ticket/detail'] });
  t.after(() => fake.close());
  const token = await stableToken(fake);
  const bob = await login(fake, 'bob');
  const msg = (over) => ({
    touser: bob,
    template_id: 'any-id',
    page: 'pages/ticket/detail?id=1',
    data: { thing7: { value: '维修' }, amount2: { value: '¥20' } },
    ...over,
  });
  assert.equal((await send(fake, token, msg())).json.errcode, 0);
  assert.equal((await send(fake, token, msg({ page: 'pages/other/index' }))).json.errcode, 41030);
  assert.equal((await send(fake, token, msg({ data: { foo1: { value: 'x' } } }))).json.errcode, 47003);
  assert.equal((await send(fake, token, msg({ data: { thing1: { value: 'x'.repeat(21) } } }))).json.errcode, 47003);
});

test('unknown keyword types in the template config are refused at start', async () => {
  await assert.rejects(() => start({ templates: { t: { thing1: 'stuff' } } }), /unknown type stuff/);
});
