import { generateKeyPairSync } from 'node:crypto';
import { authorizationHeader, decryptResource, encryptResource, paySign, responseMessage, rsaSign, rsaVerify } from './wechatpay-crypto';

describe('AES-256-GCM as WeChat Pay uses it (ciphertext ‖ tag, base64)', () => {
  // NIST GCM specification (McGrew & Viega), test cases 13 and 14: K = 0^256, IV = 0^96, no AAD.
  const zeroKey = Buffer.alloc(32);
  const zeroIv = Buffer.alloc(12);

  it('NIST test case 13: empty plaintext, tag 530f8afbc74536b9a963b4f1c4cb738b', () => {
    const ct = Buffer.from('530f8afbc74536b9a963b4f1c4cb738b', 'hex').toString('base64');
    expect(decryptResource(zeroKey, ct, '', zeroIv)).toBe('');
    expect(encryptResource(zeroKey, '', '', zeroIv)).toBe(ct);
  });

  it('NIST test case 14: one zero block → cea7403d4d606b6e074ec5d3baf39d18, tag d0d1c8a799996bf0265b98b5d48ab919', () => {
    const ct = Buffer.from('cea7403d4d606b6e074ec5d3baf39d18d0d1c8a799996bf0265b98b5d48ab919', 'hex').toString('base64');
    expect(encryptResource(zeroKey, Buffer.alloc(16), '', zeroIv)).toBe(ct);
    expect(Buffer.from(decryptResource(zeroKey, ct, '', zeroIv), 'utf8')).toEqual(Buffer.alloc(16));
  });

  it('a notification resource: the APIv3 key as text, a 12-character nonce, AAD "transaction"', () => {
    const key = 'Y8ss2l9uP7Qa0xkLm3Nv5Bc4Zd6Fh1Jw';
    const plain = JSON.stringify({ out_trade_no: 'YZ1', trade_state: 'SUCCESS', amount: { total: 100 } });
    const ct = encryptResource(key, plain, 'transaction', 'fdasflkja484');
    expect(decryptResource(key, ct, 'transaction', 'fdasflkja484')).toBe(plain);
    // Another AAD, nonce or key, or one flipped bit: refused, never garbage.
    expect(() => decryptResource(key, ct, 'refund', 'fdasflkja484')).toThrow();
    expect(() => decryptResource(key, ct, 'transaction', 'fdasflkja485')).toThrow();
    expect(() => decryptResource('x'.repeat(32), ct, 'transaction', 'fdasflkja484')).toThrow();
    const flipped = Buffer.from(ct, 'base64');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => decryptResource(key, flipped.toString('base64'), 'transaction', 'fdasflkja484')).toThrow();
  });
});

describe('SHA256withRSA signatures', () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const other = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });

  it('the Authorization header signs METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nBODY\\n', () => {
    const header = authorizationHeader(
      { mchid: '1900009191', serial: '408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB', privateKey },
      'POST',
      '/v3/pay/transactions/jsapi',
      '{"a":1}',
      1554208460,
      '593BEC0C930BF1AFEB40B4A08C8FB242',
    );
    expect(header).toMatch(
      /^WECHATPAY2-SHA256-RSA2048 mchid="1900009191",nonce_str="593BEC0C930BF1AFEB40B4A08C8FB242",signature="[A-Za-z0-9+/=]{344}",timestamp="1554208460",serial_no="408B07E79B8269FEC3D5D3E6AB8ED163A6A380DB"$/,
    );
    const signature = /signature="([^"]+)"/.exec(header)![1]!;
    expect(rsaVerify(publicKey, 'POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"a":1}\n', signature)).toBe(true);
    expect(rsaVerify(publicKey, 'POST\n/v3/pay/transactions/jsapi\n1554208460\n593BEC0C930BF1AFEB40B4A08C8FB242\n{"a":2}\n', signature)).toBe(false);
  });

  it('answers and notifications: TIMESTAMP\\nNONCE\\nBODY\\n; another key, a probe signature or garbage fail', () => {
    const message = responseMessage('1554209980', 'c5ac7061fccab6bf3e254dcf98995b8c', '{"prepay_id":"wx1"}');
    const good = rsaSign(privateKey, message);
    expect(rsaVerify(publicKey, message, good)).toBe(true);
    expect(rsaVerify(other.publicKey, message, good)).toBe(false);
    expect(rsaVerify(publicKey, message, 'WECHATPAY/SIGNTEST/' + good)).toBe(false);
    expect(rsaVerify(publicKey, message, '')).toBe(false);
  });

  it('paySign for wx.requestPayment signs APPID\\nTIMESTAMP\\nNONCE\\nPACKAGE\\n', () => {
    const sig = paySign(privateKey, 'wx8888888888888888', '1414561699', '5K8264ILTKCH16CQ2502SI8ZNMTM67VS', 'prepay_id=wx201410272009395522657a690389285100');
    expect(
      rsaVerify(publicKey, 'wx8888888888888888\n1414561699\n5K8264ILTKCH16CQ2502SI8ZNMTM67VS\nprepay_id=wx201410272009395522657a690389285100\n', sig),
    ).toBe(true);
  });
});
