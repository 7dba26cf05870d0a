'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const { sha1Signature, encrypt, decrypt } = require('../crypto');

const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG'; // 43 chars

test('signature matches the WECHAT.md test vector', () => {
  assert.equal(sha1Signature('AAAAA', '1714036504', '1514711492'), 'f464b24fc39322e44b38aa78f5edd27bd1441696');
  // order of the arguments does not matter: they are sorted first
  assert.equal(sha1Signature('1514711492', 'AAAAA', 1714036504), 'f464b24fc39322e44b38aa78f5edd27bd1441696');
});

test('encrypt/decrypt round-trip, Chinese text and appid kept', () => {
  const msg = JSON.stringify({ Event: 'wxa_media_check', note: '图片检测结果' });
  const enc = encrypt(KEY, 'wxfake', msg);
  assert.match(enc, /^[A-Za-z0-9+/]+=*$/);
  assert.deepEqual(decrypt(KEY, enc), { message: msg, appid: 'wxfake' });
  assert.notEqual(encrypt(KEY, 'wxfake', msg), enc, 'random prefix makes each ciphertext different');
});

test('padding is PKCS#7 to 32 bytes, including a full block when aligned', () => {
  for (let n = 0; n < 70; n++) {
    const msg = 'x'.repeat(n);
    const enc = encrypt(KEY, 'wx1234567890abcd', msg);
    const bytes = Buffer.from(enc, 'base64').length;
    assert.equal(bytes % 32, 0);
    // 16 random + 4 length + msg + 16 appid, then 1..32 padding bytes
    const raw = 16 + 4 + n + 16;
    assert.equal(bytes, raw + (32 - (raw % 32)));
    assert.equal(decrypt(KEY, enc).message, msg);
  }
});

test('the key is base64(EncodingAESKey + "=") and the IV its first 16 bytes', () => {
  const crypto = require('node:crypto');
  const key = Buffer.from(KEY + '=', 'base64');
  const enc = encrypt(KEY, 'wxfake', 'hello');
  const d = crypto.createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  d.setAutoPadding(false);
  const plain = Buffer.concat([d.update(Buffer.from(enc, 'base64')), d.final()]);
  assert.equal(plain.readUInt32BE(16), 5);
  assert.equal(plain.subarray(20, 25).toString(), 'hello');
  assert.equal(plain.subarray(25, 31).toString(), 'wxfake');
  assert.equal(plain[plain.length - 1], 32 - (31 % 32));
});

test('a wrong key does not decrypt silently', () => {
  const enc = encrypt(KEY, 'wxfake', '{"a":1}');
  const other = 'ZYXWVUTSRQPONMLKJIHGFEDCBA9876543210abcdefg';
  assert.throws(() => {
    const out = decrypt(other, enc);
    if (out.appid !== 'wxfake') throw new Error('appid mismatch');
  });
  assert.throws(() => encrypt('short', 'wxfake', 'x'), /43/);
});
