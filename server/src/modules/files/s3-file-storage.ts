import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import type { S3Settings } from '../../common/config/app-config';
import { assertKey, FileStorage, StoredFileMissing } from './file-storage';

/** Stored objects are re-encoded photos, a few MB at most; a stream is collected up to this. */
const MAX_STREAMED_PUT_BYTES = 32 * 1024 * 1024;

/**
 * Any S3-compatible store (AWS S3, MinIO, Aliyun OSS, Tencent COS, …) through the AWS
 * SDK. Objects are private: they are only ever read by this server, which serves them
 * behind its own signed URLs, so bucket policy can deny all public access.
 */
export class S3FileStorage implements FileStorage {
  readonly kind = 's3';
  private readonly client: S3Client;

  constructor(private readonly settings: S3Settings) {
    this.client = new S3Client({
      region: settings.region,
      endpoint: settings.endpoint ?? undefined,
      forcePathStyle: settings.forcePathStyle,
      credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey },
      // Only checksum when the operation demands it: some S3-compatible stores reject
      // the SDK's newer default trailing checksums.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, body: Buffer | Readable, contentType: string): Promise<void> {
    assertKey(key);
    // PutObject needs a length up front; our objects are small, so collect a stream.
    const bytes = Buffer.isBuffer(body) ? body : await collect(body, MAX_STREAMED_PUT_BYTES);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: bytes, ContentLength: bytes.length, ContentType: contentType }),
    );
  }

  async get(key: string): Promise<Readable> {
    assertKey(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.settings.bucket, Key: key }));
      if (!(out.Body instanceof Readable)) throw new Error(`S3 returned no stream body for ${key}`);
      return out.Body;
    } catch (e) {
      if (e instanceof NoSuchKey || (e instanceof S3ServiceException && e.$metadata.httpStatusCode === 404)) throw new StoredFileMissing(key);
      throw e;
    }
  }

  async delete(key: string): Promise<void> {
    assertKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key }));
  }

  /** Nest calls this on shutdown: close the SDK's keep-alive sockets. */
  onModuleDestroy(): void {
    this.client.destroy();
  }
}

async function collect(stream: Readable, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    total += buf.length;
    if (total > limit) throw new Error(`object larger than ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}
