import { Inject, Injectable } from '@nestjs/common';
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { APP_CONFIG, AppConfig } from '../../common/config/app-config';

/**
 * Encryption at rest for personal data (phones, roster names): AES-256-GCM with a
 * fresh IV per value, the key id stored in front so old values stay readable after a
 * key rotation. Look-ups use a keyed hash (HMAC-SHA256) under a separate derived key,
 * so equal values can be found without decrypting and without a guessable plain hash.
 */
@Injectable()
export class FieldCrypto {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentKeyId: string;
  private readonly hashKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: Pick<AppConfig, 'dataEncryptionKey' | 'dataEncryptionKeyId'>) {
    this.currentKeyId = config.dataEncryptionKeyId;
    this.keys.set(config.dataEncryptionKeyId, config.dataEncryptionKey);
    this.hashKey = Buffer.from(hkdfSync('sha256', config.dataEncryptionKey, Buffer.alloc(0), 'yizhan lookup hash', 32));
  }

  encrypt(plain: string): string;
  encrypt(plain: string | null | undefined): string | null;
  encrypt(plain: string | null | undefined): string | null {
    if (plain === null || plain === undefined) return null;
    const key = this.keys.get(this.currentKeyId)!;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return `${this.currentKeyId}:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  decrypt(stored: string | null | undefined): string | null {
    if (!stored) return null;
    const sep = stored.indexOf(':');
    const key = this.keys.get(stored.slice(0, sep));
    if (sep < 0 || !key) throw new Error(`no data key for stored value (key id "${stored.slice(0, sep)}")`);
    const raw = Buffer.from(stored.slice(sep + 1), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Keyed hash for equality look-ups; callers normalise first (phone digits, trimmed name). */
  lookupHash(value: string | null | undefined): string | null {
    if (value === null || value === undefined || value === '') return null;
    return createHmac('sha256', this.hashKey).update(value, 'utf8').digest('hex');
  }
}
