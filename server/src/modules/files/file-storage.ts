import type { Readable } from 'node:stream';

/**
 * Where photo bytes live. One small interface so the server can keep them in a local
 * folder (one instance, or a shared volume) or in any S3-compatible store (several
 * stateless instances); nothing else in the module knows which.
 *
 * Keys are relative, slash-separated, made only of [a-z0-9/_.-] (see `assertKey`).
 */
export interface FileStorage {
  /** 'local' or 's3', for logs and health output. */
  readonly kind: string;
  /** Stores an object, replacing any object with the same key. */
  put(key: string, body: Buffer | Readable, contentType: string): Promise<void>;
  /** The object's bytes; rejects with `StoredFileMissing` when there is no such object. */
  get(key: string): Promise<Readable>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');

export class StoredFileMissing extends Error {
  constructor(readonly key: string) {
    super(`stored file missing: ${key}`);
    this.name = 'StoredFileMissing';
  }
}

const KEY_PATTERN = /^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;

/** Keys come from this module, but a bad one must never reach a path or a bucket. */
export function assertKey(key: string): void {
  if (key.length > 200 || !KEY_PATTERN.test(key) || key.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`invalid storage key: ${JSON.stringify(key)}`);
  }
}
