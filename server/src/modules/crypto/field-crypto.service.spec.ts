import { randomBytes } from 'node:crypto';
import { FieldCrypto } from './field-crypto.service';

describe('FieldCrypto', () => {
  const crypto = new FieldCrypto({ dataEncryptionKey: randomBytes(32), dataEncryptionKeyId: 'k1' });

  it('round-trips and never stores the plain value', () => {
    const stored = crypto.encrypt('13812341234');
    expect(stored).toMatch(/^k1:/);
    expect(stored).not.toContain('13812341234');
    expect(crypto.decrypt(stored)).toBe('13812341234');
  });

  it('uses a fresh IV: the same value encrypts differently each time', () => {
    expect(crypto.encrypt('张三')).not.toBe(crypto.encrypt('张三'));
  });

  it('refuses a tampered value', () => {
    const stored = crypto.encrypt('13812341234');
    const raw = Buffer.from(stored.slice(3), 'base64');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => crypto.decrypt(`k1:${raw.toString('base64')}`)).toThrow();
  });

  it('hashes equal values equally, and differently under another key', () => {
    const other = new FieldCrypto({ dataEncryptionKey: randomBytes(32), dataEncryptionKeyId: 'k2' });
    expect(crypto.lookupHash('13812341234')).toBe(crypto.lookupHash('13812341234'));
    expect(crypto.lookupHash('13812341234')).not.toBe(other.lookupHash('13812341234'));
    expect(crypto.lookupHash(null)).toBeNull();
  });
});
