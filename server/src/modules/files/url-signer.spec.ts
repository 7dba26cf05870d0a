import { UrlSigner } from './url-signer';

describe('UrlSigner', () => {
  let now = Date.UTC(2026, 0, 1, 8, 0, 1);
  const signer = new UrlSigner(Buffer.from('k'.repeat(32)), { ttlSec: 900, bucketSec: 300, now: () => now });
  const other = new UrlSigner(Buffer.from('x'.repeat(32)), { ttlSec: 900, bucketSec: 300, now: () => now });

  beforeEach(() => (now = Date.UTC(2026, 0, 1, 8, 0, 1)));

  it('mints URLs that verify, with at least the ttl left and the same URL within one bucket', () => {
    const a = signer.mint('42', 'full');
    expect(a.exp % 300).toBe(0);
    expect(signer.verify('42', 'full', String(a.exp), a.sig)).toBeGreaterThanOrEqual(900);
    now += 200_000;
    expect(signer.mint('42', 'full')).toEqual(a);
    expect(signer.url('api/v1', '42', 'thumb', a)).toBe(`/api/v1/files/42/thumb?exp=${a.exp}&sig=${a.sig}`);
  });

  it('stops working when the time is up', () => {
    const { exp, sig } = signer.mint('42', 'full');
    now = exp * 1000 - 1000;
    expect(signer.verify('42', 'full', String(exp), sig)).toBe(1);
    now = exp * 1000;
    expect(signer.verify('42', 'full', String(exp), sig)).toBeNull();
  });

  it('binds the id, the variant, the expiry and the key', () => {
    const { exp, sig } = signer.mint('42', 'full');
    expect(signer.verify('43', 'full', String(exp), sig)).toBeNull();
    expect(signer.verify('42', 'thumb', String(exp), sig)).toBeNull();
    expect(signer.verify('42', 'full', String(exp - 300), sig)).toBeNull();
    expect(other.verify('42', 'full', String(exp), sig)).toBeNull();
    expect(signer.verify('42', 'full', String(exp), sig.slice(0, -1) + (sig.endsWith('A') ? 'B' : 'A'))).toBeNull();
  });

  it('refuses malformed parameters and expiries further ahead than ever minted', () => {
    const { exp, sig } = signer.mint('42', 'full');
    for (const [e, s] of [
      [undefined, sig],
      [String(exp), undefined],
      ['12abc', sig],
      [String(exp), 'short'],
      [[String(exp)], sig],
    ] as const) {
      expect(signer.verify('42', 'full', e, s)).toBeNull();
    }
    const far = signer.nowSec() + 86400;
    expect(signer.verify('42', 'full', String(far), signer.sign('42', 'full', far))).toBeNull();
  });
});
