'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { start, stableToken, login, goodData, send, TEMPLATE } = require('../testkit');

test('2,000 subscribe sends from 20 concurrent clients all succeed', async (t) => {
  const fake = await start();
  t.after(() => fake.close());
  const token = await stableToken(fake);
  const users = await Promise.all(Array.from({ length: 50 }, (_, i) => login(fake, `bench${i}`)));
  let next = 0;
  const codes = [];
  const worker = async () => {
    while (next < 2000) {
      const i = next++;
      const r = await send(fake, token, { touser: users[i % users.length], template_id: TEMPLATE, page: `pages/ticket/detail?id=${i}`, data: goodData() });
      codes.push(r.json.errcode);
    }
  };
  await Promise.all(Array.from({ length: 20 }, worker));
  assert.equal(codes.length, 2000);
  assert.ok(codes.every((c) => c === 0));
  assert.equal(fake.state.messages.length, 2000);
  assert.equal(new Set(fake.state.messages.map((m) => m.msgid)).size, 2000);
  assert.equal(fake.state.calls['/cgi-bin/message/subscribe/send'], 2000);
});
