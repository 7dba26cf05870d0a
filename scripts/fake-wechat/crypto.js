'use strict';
/**
 * WeChat message-push crypto (safe mode), as described in /work/shared/WECHAT.md.
 * Used by the fake to sign and encrypt the events it pushes. The product keeps its
 * own copy; this one stays small so both can be compared line by line.
 */
const crypto = require('node:crypto');

const BLOCK = 32; // WeChat pads PKCS#7 to 32 bytes, not AES's 16

/**
 * sha1 of the parts sorted as strings and joined: the URL-check `signature`
 * (token, timestamp, nonce) and the safe-mode `msg_signature` (… plus Encrypt).
 * @param {...(string|number)} parts
 * @returns {string} lowercase hex
 */
function sha1Signature(...parts) {
  const joined = parts.map(String).sort().join('');
  return crypto.createHash('sha1').update(joined).digest('hex');
}

/** @param {string} encodingAESKey 43 characters from the WeChat console */
function keyOf(encodingAESKey) {
  const key = Buffer.from(encodingAESKey + '=', 'base64');
  if (key.length !== 32) throw new Error('EncodingAESKey must be 43 base64 characters (32 bytes)');
  return key;
}

/**
 * @param {string} encodingAESKey
 * @param {string} appid appended to the plaintext; the receiver checks it
 * @param {string} plaintext the message (JSON or XML text)
 * @returns {string} base64 ciphertext, the `Encrypt` field
 */
function encrypt(encodingAESKey, appid, plaintext) {
  const key = keyOf(encodingAESKey);
  const msg = Buffer.from(plaintext, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32BE(msg.length, 0);
  const raw = Buffer.concat([crypto.randomBytes(16), len, msg, Buffer.from(appid, 'utf8')]);
  const pad = BLOCK - (raw.length % BLOCK); // 1..32, a full block when already aligned
  const padded = Buffer.concat([raw, Buffer.alloc(pad, pad)]);
  const cipher = crypto.createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  return Buffer.concat([cipher.update(padded), cipher.final()]).toString('base64');
}

/**
 * @param {string} encodingAESKey
 * @param {string} encrypted base64 `Encrypt` field
 * @returns {{ message: string, appid: string }} the caller must compare `appid` with its own
 */
function decrypt(encodingAESKey, encrypted) {
  const key = keyOf(encodingAESKey);
  const decipher = crypto.createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
  decipher.setAutoPadding(false);
  const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
  const pad = padded[padded.length - 1];
  if (!pad || pad > BLOCK || pad > padded.length) throw new Error('bad padding');
  const raw = padded.subarray(0, padded.length - pad);
  if (raw.length < 20) throw new Error('ciphertext too short');
  const len = raw.readUInt32BE(16);
  if (20 + len > raw.length) throw new Error('bad message length');
  return {
    message: raw.subarray(20, 20 + len).toString('utf8'),
    appid: raw.subarray(20 + len).toString('utf8'),
  };
}

module.exports = { sha1Signature, encrypt, decrypt };
