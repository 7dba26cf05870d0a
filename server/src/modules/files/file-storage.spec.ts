import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { LoopbackS3, startLoopbackS3 } from '../../../test/support/s3-server';
import { assertKey, FileStorage, StoredFileMissing } from './file-storage';
import { LocalFileStorage } from './local-file-storage';
import { S3FileStorage } from './s3-file-storage';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** The same contract for every backend. */
function contract(name: string, make: () => FileStorage) {
  describe(name, () => {
    let storage: FileStorage;
    beforeAll(() => (storage = make()));

    it('puts buffers and streams, gets them back, replaces on put', async () => {
      await storage.put('photos/2026/01/a.jpg', Buffer.from('first'), 'image/jpeg');
      expect((await read(await storage.get('photos/2026/01/a.jpg'))).toString()).toBe('first');
      await storage.put('photos/2026/01/a.jpg', Readable.from([Buffer.from('sec'), Buffer.from('ond')]), 'image/jpeg');
      expect((await read(await storage.get('photos/2026/01/a.jpg'))).toString()).toBe('second');
    });

    it('reports a missing object as StoredFileMissing and deletes idempotently', async () => {
      await storage.put('photos/2026/01/b.jpg', Buffer.from('b'), 'image/jpeg');
      await storage.delete('photos/2026/01/b.jpg');
      await expect(storage.get('photos/2026/01/b.jpg')).rejects.toBeInstanceOf(StoredFileMissing);
      await expect(storage.delete('photos/2026/01/b.jpg')).resolves.toBeUndefined();
    });

    it('refuses keys that could escape', async () => {
      await expect(storage.put('../etc/passwd', Buffer.from('x'), 'text/plain')).rejects.toThrow(/invalid storage key/);
      await expect(storage.get('/abs')).rejects.toThrow(/invalid storage key/);
    });
  });
}

describe('FileStorage', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'yizhan-store-'));
  let s3: LoopbackS3;
  let s3Storage: S3FileStorage;
  beforeAll(async () => {
    s3 = await startLoopbackS3('contract-bucket');
    s3Storage = new S3FileStorage({
      endpoint: s3.endpoint,
      bucket: s3.bucket,
      region: 'us-east-1',
      accessKeyId: s3.accessKeyId,
      secretAccessKey: s3.secretAccessKey,
      forcePathStyle: true,
    });
  });
  afterAll(async () => {
    s3Storage.onModuleDestroy();
    await s3.close();
    rmSync(dir, { recursive: true, force: true });
  });

  contract('local folder', () => new LocalFileStorage(dir));
  contract('S3 (s3rver on loopback)', () => s3Storage);

  it('assertKey accepts what the service makes and nothing odd', () => {
    expect(() => assertKey('photos/2026/01/0123abcd-thumb.jpg')).not.toThrow();
    for (const bad of ['', '/a', 'a//b', 'a/../b', 'A.jpg', 'a b', 'a/./b', 'x'.repeat(201)]) expect(() => assertKey(bad)).toThrow();
  });
});
