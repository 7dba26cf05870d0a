import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes } from 'node:crypto';

/**
 * WeChat Pay API v3 signatures and resource encryption (WECHATPAY.md), on Node's crypto.
 *
 * Why not a library: the two well-kept npm SDKs (wechatpay-axios-plugin, wechatpay-node-v3)
 * each bring their own HTTP client (axios, superagent) and certificate download machinery;
 * Yizhan talks to every outside API with fetch, the WeChat Pay public key replaces platform
 * certificates for new merchants, and what is left is four primitives — checked against
 * NIST's AES-256-GCM vectors and WeChat Pay's message formats in wechatpay-crypto.spec.ts.
 */

/** 32 hex characters: nonces of requests and of the mini-program's payment parameters. */
export function nonce(): string {
  return randomBytes(16).toString('hex');
}

export function rsaSign(privateKey: string, message: string): string {
  return createSign('RSA-SHA256').update(message, 'utf8').sign(privateKey, 'base64');
}

export function rsaVerify(publicKey: string, message: string, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message, 'utf8').verify(publicKey, signature, 'base64');
  } catch {
    return false;
  }
}

/** The Authorization header of a request to WeChat Pay: `METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n` signed with the merchant key. */
export function authorizationHeader(
  merchant: { mchid: string; serial: string; privateKey: string },
  method: string,
  pathWithQuery: string,
  body: string,
  timestamp: number,
  nonceStr: string,
): string {
  const signature = rsaSign(merchant.privateKey, `${method}\n${pathWithQuery}\n${timestamp}\n${nonceStr}\n${body}\n`);
  return `WECHATPAY2-SHA256-RSA2048 mchid="${merchant.mchid}",nonce_str="${nonceStr}",signature="${signature}",timestamp="${timestamp}",serial_no="${merchant.serial}"`;
}

/** WeChat Pay's signature over an answer or a notification: `TIMESTAMP\nNONCE\nBODY\n`. */
export function responseMessage(timestamp: string, nonceStr: string, body: string): string {
  return `${timestamp}\n${nonceStr}\n${body}\n`;
}

/** The mini-program's wx.requestPayment paySign: `APPID\nTIMESTAMP\nNONCE\nPACKAGE\n`. */
export function paySign(privateKey: string, appid: string, timeStamp: string, nonceStr: string, pkg: string): string {
  return rsaSign(privateKey, `${appid}\n${timeStamp}\n${nonceStr}\n${pkg}\n`);
}

/** AEAD_AES_256_GCM: key = the APIv3 key's 32 bytes, IV = nonce, AAD = associated_data; base64 ciphertext ends with the 16-byte tag. Throws when it does not authenticate. */
export function decryptResource(apiV3Key: string | Buffer, ciphertext: string, associatedData: string, nonceStr: string | Buffer): string {
  const raw = Buffer.from(ciphertext, 'base64');
  if (raw.length < 16) throw new Error('ciphertext too short');
  const decipher = createDecipheriv(
    'aes-256-gcm',
    typeof apiV3Key === 'string' ? Buffer.from(apiV3Key, 'utf8') : apiV3Key,
    typeof nonceStr === 'string' ? Buffer.from(nonceStr, 'utf8') : nonceStr,
  );
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(0, raw.length - 16)), decipher.final()]).toString('utf8');
}

/** The inverse of decryptResource (tests, and nothing else, encrypt). */
export function encryptResource(apiV3Key: string | Buffer, plaintext: string | Buffer, associatedData: string, nonceStr: string | Buffer): string {
  const cipher = createCipheriv(
    'aes-256-gcm',
    typeof apiV3Key === 'string' ? Buffer.from(apiV3Key, 'utf8') : apiV3Key,
    typeof nonceStr === 'string' ? Buffer.from(nonceStr, 'utf8') : nonceStr,
  );
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([body, cipher.getAuthTag()]).toString('base64');
}
