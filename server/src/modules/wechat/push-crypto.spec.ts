import { decryptPush, encryptPush, pushSignature } from './push-crypto';

describe('WeChat message-push crypto', () => {
  it('matches the documented signature test vector', () => {
    expect(pushSignature('AAAAA', '1714036504', '1514711492')).toBe('f464b24fc39322e44b38aa78f5edd27bd1441696');
  });

  it('decrypts what the fake WeChat server encrypts, and round-trips', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fake = require('@yizhan/fake-wechat/crypto');
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const message = JSON.stringify({ Event: 'wxa_media_check', trace_id: 't-1', result: { suggest: 'risky' } });
    expect(decryptPush(key, fake.encrypt(key, 'wxtest', message))).toEqual({ message, appid: 'wxtest' });
    expect(decryptPush(key, encryptPush(key, 'wxtest', '你好'))).toEqual({ message: '你好', appid: 'wxtest' });
  });
});
