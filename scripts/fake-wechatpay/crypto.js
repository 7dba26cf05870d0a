'use strict';
/**
 * WeChat Pay API v3 signing and encryption (WECHATPAY.md), Node built-ins only.
 * Shared by the fake and its tests; the server has its own implementation
 * (server/src/modules/payments/wechatpay-crypto.ts) so neither can hide a bug of the other.
 */
const crypto = require('node:crypto');

/** `METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n` signed SHA256withRSA, base64. */
function signRequest(privateKey, method, pathWithQuery, timestamp, nonce, body) {
  return sign(privateKey, `${method}\n${pathWithQuery}\n${timestamp}\n${nonce}\n${body}\n`);
}

function sign(privateKey, message) {
  return crypto.createSign('RSA-SHA256').update(message).sign(privateKey, 'base64');
}

function verify(publicKey, message, signature) {
  try {
    return crypto.createVerify('RSA-SHA256').update(message).verify(publicKey, String(signature), 'base64');
  } catch {
    return false;
  }
}

/** The merchant's Authorization header. */
function authorization(
  { mchid, serial, privateKey },
  method,
  pathWithQuery,
  body,
  timestamp = Math.floor(Date.now() / 1000),
  nonce = crypto.randomBytes(16).toString('hex'),
) {
  const signature = signRequest(privateKey, method, pathWithQuery, timestamp, nonce, body);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${mchid}",nonce_str="${nonce}",signature="${signature}",timestamp="${timestamp}",serial_no="${serial}"`;
}

/** `WECHATPAY2-SHA256-RSA2048 k="v",…` → {k: v} (null when not that scheme). */
function parseAuthorization(header) {
  const m = /^WECHATPAY2-SHA256-RSA2048\s+(.*)$/.exec(String(header ?? ''));
  if (!m) return null;
  const fields = {};
  for (const part of m[1].matchAll(/(\w+)="([^"]*)"/g)) fields[part[1]] = part[2];
  return fields;
}

/** AES-256-GCM with the APIv3 key: base64(ciphertext ‖ 16-byte tag). */
function encryptResource(apiV3Key, plaintext, associatedData, nonce) {
  const cipher = crypto.createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]).toString('base64');
}

function decryptResource(apiV3Key, ciphertext, associatedData, nonce) {
  const raw = Buffer.from(ciphertext, 'base64');
  const decipher = crypto.createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString('utf8');
}

/** A fresh RSA-2048 key pair as PEM (PKCS#8 private, SPKI public), as the merchant platform issues them. */
function generateKeys() {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

module.exports = { signRequest, sign, verify, authorization, parseAuthorization, encryptResource, decryptResource, generateKeys };
