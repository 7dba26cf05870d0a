import busboy from 'busboy';
import type { Request } from 'express';
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../common/errors/app-error';
import { AcceptedFormat, SNIFF_BYTES, sniffFormat } from './image-processor';

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_OVERHEAD = 64 * 1024;

export interface ReceivedFile {
  /** A temporary file holding exactly the uploaded bytes. */
  path: string;
  size: number;
  format: AcceptedFormat;
  /** Removes the temporary file; call it whatever happens next. */
  cleanup(): Promise<void>;
}

export interface ReceiveOptions {
  maxBytes: number;
  tmpDir?: string;
}

/**
 * Streams the multipart field `file` of a request to a temporary file, never holding
 * the body in memory. It stops reading as soon as the answer is known: a declared
 * Content-Length over the limit is refused before a byte is read; a body that turns
 * out too long is refused at the limit; a body whose first bytes are not an accepted
 * image is refused after those bytes. A refused request's connection is closed
 * (Connection: close) so the rest of the body is never pulled off the wire.
 */
export async function receiveUpload(req: Request, options: ReceiveOptions): Promise<ReceivedFile> {
  const { maxBytes } = options;
  const contentType = req.headers['content-type'] ?? '';
  if (!/^multipart\/form-data\b/i.test(contentType)) {
    throw refuse(req, new AppError('UNSUPPORTED_MEDIA', '请以 multipart/form-data 方式上传图片（字段名 file）'));
  }
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_OVERHEAD) throw refuse(req, tooLarge(maxBytes));

  const tmpDir = options.tmpDir ?? path.join(os.tmpdir(), 'yizhan-uploads');
  await mkdir(tmpDir, { recursive: true });
  const tempPath = path.join(tmpDir, `${Date.now()}-${randomBytes(8).toString('hex')}.upload`);
  const cleanup = () => rm(tempPath, { force: true });

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { fileSize: maxBytes, files: 1, fields: 10, fieldSize: 1024, parts: 12, headerPairs: 20 },
    });
  } catch {
    throw refuse(req, new AppError('VALIDATION_FAILED', '上传的内容格式有误，请重试', { file: ['malformed multipart body'] }));
  }

  return new Promise<ReceivedFile>((resolve, reject) => {
    let settled = false;
    let parserClosed = false;
    let written: Promise<void> | null = null;
    let format: AcceptedFormat | null = null;
    let size = 0;
    const abort = new AbortController();

    const fail = (error: AppError | Error, stopReading: boolean) => {
      if (settled) return;
      settled = true;
      abort.abort();
      if (stopReading) {
        req.unpipe(parser);
        req.pause();
        refuse(req, error);
      }
      // Remove the temporary file only once the aborted write has let go of it.
      void Promise.resolve(written)
        .catch(() => undefined)
        .then(cleanup)
        .finally(() => reject(error));
    };
    const maybeDone = () => {
      if (settled || !parserClosed) return;
      if (!written) return fail(new AppError('VALIDATION_FAILED', '请选择要上传的图片（字段名 file）', { file: ['required'] }), false);
      written.then(
        () => {
          if (settled) return;
          if (size === 0 || !format) return fail(new AppError('VALIDATION_FAILED', '上传的图片是空的', { file: ['empty'] }), false);
          settled = true;
          resolve({ path: tempPath, size, format, cleanup });
        },
        (e) => fail(e, false),
      );
    };

    parser.on('file', (field, stream) => {
      if (field !== 'file' || written) {
        stream.resume();
        return;
      }
      stream.on('limit', () => fail(tooLarge(maxBytes), true));
      let head = Buffer.alloc(0);
      const sniffer = new Transform({
        transform(chunk: Buffer, _enc, done: TransformCallback) {
          const before = size;
          size += chunk.length;
          if (before < SNIFF_BYTES && size >= SNIFF_BYTES) {
            format = sniffFormat(Buffer.concat([head, chunk]).subarray(0, SNIFF_BYTES));
            if (!format) {
              fail(notAnImage(), true);
              return done();
            }
          } else if (before < SNIFF_BYTES) {
            head = Buffer.concat([head, chunk]);
          }
          done(null, chunk);
        },
        flush(done: TransformCallback) {
          // Fewer bytes than a signature: decide on what there is.
          if (size > 0 && size < SNIFF_BYTES) {
            format = sniffFormat(head);
            if (!format) fail(notAnImage(), false);
          }
          done();
        },
      });
      written = pipeline(stream, sniffer, createWriteStream(tempPath), { signal: abort.signal });
      // A settled failure aborts the pipeline; that rejection is expected.
      written.catch(() => undefined);
      maybeDone();
    });
    parser.on('close', () => {
      parserClosed = true;
      maybeDone();
    });
    parser.on('error', () => fail(new AppError('VALIDATION_FAILED', '上传的内容不完整，请重试', { file: ['malformed multipart body'] }), true));
    // The client went away mid-body: nobody will read the answer, but it must not log as a server fault.
    req.on('aborted', () => fail(new AppError('VALIDATION_FAILED', '上传中断，请重试', { file: ['upload aborted'] }), false));
    req.pipe(parser);
  });
}

/** Marks the response to close the connection, so Node does not drain the unread body. */
function refuse(req: Request, error: AppError | Error): AppError | Error {
  if (req.res && !req.res.headersSent) req.res.setHeader('Connection', 'close');
  return error;
}

const tooLarge = (maxBytes: number) => new AppError('FILE_TOO_LARGE', `图片不能超过 ${Math.round(maxBytes / 1024 / 1024)} MB，请压缩后再上传`);
const notAnImage = () => new AppError('UNSUPPORTED_MEDIA', '只能上传 JPG、PNG 或 WebP 格式的图片');
