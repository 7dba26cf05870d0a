import { createHmac, timingSafeEqual } from 'node:crypto';

export type FileVariant = 'full' | 'thumb';

/** The API's global prefix (app.factory.ts); photo URLs are relative to the API origin. */
export const FILES_URL_PREFIX = 'api/v1';

export interface SignedParams {
  exp: number;
  sig: string;
}

export interface UrlSignerOptions {
  /** How long a minted URL works at least, in seconds. */
  ttlSec: number;
  /**
   * Expiry is rounded up to a multiple of this, so the same photo gets the same URL
   * for a while and the client's cache actually hits across repeated detail loads.
   */
  bucketSec: number;
  now?: () => number;
}

/**
 * Short-lived signed URLs for photos: HMAC-SHA256 over (id, variant, exp). The
 * signature is the authorization, so the GET routes need no token (an <image> tag
 * cannot send one); URLs are minted only for callers who may see the photo.
 */
export class UrlSigner {
  private readonly now: () => number;

  constructor(
    private readonly key: Buffer,
    private readonly options: UrlSignerOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** Unix seconds. */
  nowSec(): number {
    return Math.floor(this.now() / 1000);
  }

  /** Signature parameters valid until at least now + ttl. */
  mint(id: string, variant: FileVariant, ttlSec = this.options.ttlSec): SignedParams {
    const bucket = this.options.bucketSec;
    const exp = Math.ceil((this.nowSec() + ttlSec) / bucket) * bucket;
    return { exp, sig: this.sign(id, variant, exp) };
  }

  /** Signs an explicit expiry (tests, and mint). */
  sign(id: string, variant: FileVariant, exp: number): string {
    return createHmac('sha256', this.key).update(`yizhan-file\n${id}\n${variant}\n${exp}`).digest('base64url');
  }

  /**
   * Seconds the URL has left, or null when it is forged, altered, expired or expires
   * implausibly far ahead (a signature is never minted for more than ttl + bucket).
   */
  verify(id: string, variant: FileVariant, exp: unknown, sig: unknown): number | null {
    if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp) || typeof sig !== 'string' || !/^[A-Za-z0-9_-]{43}$/.test(sig)) return null;
    const expSec = Number(exp);
    const remaining = expSec - this.nowSec();
    if (remaining <= 0 || remaining > this.options.ttlSec + this.options.bucketSec) return null;
    const expected = Buffer.from(this.sign(id, variant, expSec), 'base64url');
    const given = Buffer.from(sig, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return remaining;
  }

  /** The relative URL of a photo variant under the API prefix. */
  url(apiPrefix: string, id: string, variant: FileVariant, params = this.mint(id, variant)): string {
    const path = variant === 'thumb' ? `/${apiPrefix}/files/${id}/thumb` : `/${apiPrefix}/files/${id}`;
    return `${path}?exp=${params.exp}&sig=${params.sig}`;
  }
}
