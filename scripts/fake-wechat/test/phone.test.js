'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { start, call, stableToken } = require('../testkit');

test('getuserphonenumber', async (t) => {
  const fake = await start();
  t.after(() => fake.close());
  const token = await stableToken(fake);
  const phone = (code) => call(fake, '/wxa/business/getuserphonenumber', { query: { access_token: token }, body: { code } });

  const r = await phone('phone:13800138000');
  assert.equal(r.json.errcode, 0);
  assert.equal(r.json.errmsg, 'ok');
  assert.equal(r.json.phone_info.phoneNumber, '13800138000');
  assert.equal(r.json.phone_info.purePhoneNumber, '13800138000');
  assert.equal(r.json.phone_info.countryCode, '86');
  assert.equal(r.json.phone_info.watermark.appid, 'wxfake');
  assert.equal(typeof r.json.phone_info.watermark.timestamp, 'number');

  assert.equal((await phone('phone:13800138000')).json.errcode, 40029, 'a code works once');
  assert.equal((await phone('phone:13800138000:2')).json.phone_info.purePhoneNumber, '13800138000');
  assert.equal((await phone('fake:alice')).json.errcode, 40029, 'a login code is not a phone code');
  assert.equal((await phone('phone:abc')).json.errcode, 40029);
  assert.equal((await phone('')).json.errcode, 41008);

  fake.registerPhoneCode('hk', { phoneNumber: '51234567', countryCode: '852' });
  const hk = await phone('hk');
  assert.equal(hk.json.phone_info.phoneNumber, '+85251234567');
  assert.equal(hk.json.phone_info.purePhoneNumber, '51234567');
  await call(fake, '/__fake/phone-codes', { body: { code: 'broken', error: -1 } });
  assert.equal((await phone('broken')).json.errcode, -1);

  const noToken = await call(fake, '/wxa/business/getuserphonenumber', { body: { code: 'phone:13800000000' } });
  assert.equal(noToken.json.errcode, 41001);
  assert.deepEqual(
    fake.state.phoneCodes.map((p) => p.phoneNumber),
    ['13800138000', '13800138000', '51234567'],
  );
});
