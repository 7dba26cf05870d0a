import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import exifr from 'exifr';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Readable } from 'node:stream';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import type { AuthContext } from '../src/common/auth/auth-context';
import { FilesService } from '../src/modules/files/files.service';
import { UrlSigner } from '../src/modules/files/url-signer';
import { bigPhoto, PDF_BYTES, pixelAt, pixelBomb, sidewaysPhotoWithGps, solid } from './support/images';
import { LoopbackS3, startLoopbackS3 } from './support/s3-server';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

const MB = 1024 * 1024;

function upload(t: TestApp, token: string, file: Buffer, filename = 'photo.jpg', contentType = 'image/jpeg') {
  return t.http.post('/api/v1/uploads').set('Authorization', `Bearer ${token}`).attach('file', file, { filename, contentType });
}

async function fetchBytes(t: TestApp, url: string, headers: Record<string, string> = {}) {
  let req = t.http
    .get(url)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
  for (const [k, v] of Object.entries(headers)) req = req.set(k, v);
  const res = await req;
  return { status: res.status, headers: res.headers, body: res.body as Buffer };
}

interface RawOutcome {
  status: number;
  body: { code?: string };
  /** Bytes of the body the client had produced when the answer came (what the server could have read at most). */
  pulledBytes: number;
  peakRssDelta: number;
}

/**
 * A multipart upload of `fileBytes` (a JPEG signature, then zeros) streamed by a
 * counting generator, over a plain socket so the test sees when the server answers
 * and how much of the body had been produced by then.
 */
function rawUpload(port: number, token: string, fileBytes: number, declareLength: boolean): Promise<RawOutcome> {
  const boundary = '----yizhan-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024);
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]).copy(chunk);
  const zeros = Buffer.alloc(64 * 1024);
  let pulled = 0;
  let sentFile = 0;
  const body = new Readable({
    read() {
      if (pulled === 0) {
        pulled += head.length;
        return void this.push(head);
      }
      if (sentFile >= fileBytes) {
        if (sentFile !== Infinity) {
          sentFile = Infinity;
          pulled += tail.length;
          this.push(tail);
        }
        return void this.push(null);
      }
      const piece = (sentFile === 0 ? chunk : zeros).subarray(0, Math.min(64 * 1024, fileBytes - sentFile));
      sentFile += piece.length;
      pulled += piece.length;
      this.push(piece);
    },
  });
  const total = head.length + fileBytes + tail.length;
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/uploads',
      headers: {
        Authorization: `Bearer ${token}`,
        'Content-Type': `multipart/form-data; boundary=${boundary}`,
        ...(declareLength ? { 'Content-Length': String(total) } : {}),
      },
    });
    let answered = false;
    req.on('response', (res) => {
      answered = true;
      const pulledAtAnswer = pulled;
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => {
        clearInterval(sampler);
        body.destroy();
        req.destroy();
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text || '{}'), pulledBytes: pulledAtAnswer, peakRssDelta: peak - baseline });
      });
    });
    // Once answered, the server closing the connection under our unsent body is expected.
    req.on('error', (e) => {
      if (!answered) {
        clearInterval(sampler);
        reject(e);
      }
    });
    body.pipe(req);
  });
}

async function sqlNow(t: TestApp, id: string, hoursAgo: number) {
  await t.sql('UPDATE uploads SET created_at = ? WHERE id = ?', [new Date(Date.now() - hoursAgo * 3600_000), id]);
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true })
    .map((p) => path.join(dir, String(p)))
    .filter((p) => statSync(p).isFile());
}

describe('photos: uploads and signed files (local folder)', () => {
  let t: TestApp;
  let w: World;
  let port: number;
  let files: FilesService;
  let c: Awaited<ReturnType<World['community']>>;
  let residentA: { id: string; token: string };
  let residentB: { id: string; token: string };
  let agent: { id: string; token: string };

  beforeAll(async () => {
    t = await startTestApp('files');
    w = new World(t);
    await t.app.listen(0, '127.0.0.1');
    port = (t.app.getHttpServer().address() as AddressInfo).port;
    files = t.app.get(FilesService);
    c = await w.community();
    residentA = await w.resident('a', { roomId: c.roomA.id, name: '张伟', phone: '13812341234' });
    residentB = await w.resident('b', { roomId: c.roomA2.id, name: '王芳', phone: '13912345678' });
    agent = await w.staff('kefu', ['agent'], [c.id]);
  });
  afterAll(async () => {
    await t.close();
    rmSync(t.config.filesDir, { recursive: true, force: true });
  });

  const asResident = (r: { id: string }): AuthContext => ({ kind: 'resident', residentId: r.id, openid: 'x' });

  it('strips GPS and every other EXIF tag, and turns the photo upright', async () => {
    const original = await sidewaysPhotoWithGps(400, 200, 6);
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.any(Number) });

    const res = await upload(t, residentA.token, original);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^\d+$/),
      url: expect.any(String),
      thumbUrl: expect.any(String),
      width: 200,
      height: 400,
      size: expect.any(Number),
    });

    const full = await fetchBytes(t, res.body.url);
    expect(full.status).toBe(200);
    expect(full.headers['content-type']).toBe('image/jpeg');
    expect(full.body.length).toBe(res.body.size);
    expect(await exifr.parse(full.body, true)).toBeUndefined();
    expect(await exifr.gps(full.body)).toBeUndefined();
    const meta = await sharp(full.body).metadata();
    expect([meta.format, meta.width, meta.height, meta.orientation, meta.exif, meta.xmp, meta.iptc]).toEqual([
      'jpeg',
      200,
      400,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    // Upright: what was the left (red) half is now on top, the right (blue) half below.
    const [top, bottom] = [await pixelAt(full.body, 100, 50), await pixelAt(full.body, 100, 350)];
    expect(top[0]).toBeGreaterThan(200);
    expect(top[2]).toBeLessThan(60);
    expect(bottom[2]).toBeGreaterThan(200);
    expect(bottom[0]).toBeLessThan(60);

    const thumb = await fetchBytes(t, res.body.thumbUrl);
    expect(thumb.status).toBe(200);
    const thumbMeta = await sharp(thumb.body).metadata();
    expect([thumbMeta.width, thumbMeta.height, thumbMeta.exif]).toEqual([160, 320, undefined]);

    // What is at rest is the cleaned file, not the original.
    const stored = filesUnder(t.config.filesDir);
    expect(stored.length).toBeGreaterThanOrEqual(2);
    for (const file of stored) expect(await exifr.gps(file)).toBeUndefined();
  });

  it('accepts PNG (transparency flattened on white) and WebP, stores JPEG, shrinks big photos to 2560 px', async () => {
    for (const [format, buffer] of [
      ['png', await solid('png', 64, 48, true)],
      ['webp', await solid('webp')],
    ] as const) {
      const res = await upload(t, residentA.token, buffer, `x.${format}`, `image/${format}`);
      expect(res.status).toBe(201);
      const full = await fetchBytes(t, res.body.url);
      expect((await sharp(full.body).metadata()).format).toBe('jpeg');
    }
    const big = await bigPhoto(4000, 3000);
    const started = Date.now();
    const res = await upload(t, residentA.token, big);
    const ms = Date.now() - started;
    expect(res.status).toBe(201);
    expect([res.body.width, res.body.height]).toEqual([2560, 1920]);
    console.log(`12 MP JPEG (${(big.length / MB).toFixed(1)} MB) uploaded and processed in ${ms} ms; stored ${(res.body.size / 1024).toFixed(0)} KB`);
  });

  it('decides the type by content: a PDF named .jpg is 415, and so is a body that is not multipart', async () => {
    const pdf = await upload(t, residentA.token, PDF_BYTES, 'photo.jpg', 'image/jpeg');
    expect(pdf.status).toBe(415);
    expect(pdf.body.code).toBe('UNSUPPORTED_MEDIA');
    const gif = await upload(t, residentA.token, Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1'), 'x.jpg');
    expect(gif.body.code).toBe('UNSUPPORTED_MEDIA');
    const truncated = await upload(t, residentA.token, (await solid('jpeg')).subarray(0, 40));
    expect([truncated.status, truncated.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA']);
    const json = await w.as(residentA.token, 'post', '/uploads', { file: 'x' });
    expect([json.status, json.body.code]).toEqual([415, 'UNSUPPORTED_MEDIA']);
    const empty = await t.http.post('/api/v1/uploads').set('Authorization', `Bearer ${residentA.token}`).field('note', 'no file');
    expect([empty.status, empty.body.code, empty.body.fields]).toEqual([400, 'VALIDATION_FAILED', { file: ['required'] }]);
    const anonymous = await t.http.post('/api/v1/uploads').attach('file', await solid('jpeg'), 'a.jpg');
    expect(anonymous.status).toBe(401);
    expect(await t.sql('SELECT id FROM uploads WHERE source_format NOT IN (?, ?, ?)', ['jpeg', 'png', 'webp'])).toEqual([]);
  });

  it('refuses a decompression bomb (a small PNG of 49 megapixels) with IMAGE_TOO_LARGE', async () => {
    const bomb = await pixelBomb(7000);
    expect(bomb.length).toBeLessThan(MB);
    const res = await upload(t, residentA.token, bomb, 'bomb.png', 'image/png');
    expect([res.status, res.body.code]).toEqual([413, 'IMAGE_TOO_LARGE']);
  });

  it('refuses 11 MB with 413 FILE_TOO_LARGE before reading the body, declared or streamed, without buffering it', async () => {
    const [before] = await t.sql<{ n: string }>('SELECT COUNT(*) AS n FROM uploads');
    // A plain client with a declared length: refused on the header alone.
    const plain = await upload(t, residentA.token, Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(11 * MB)])).catch((e) => e.response ?? e);
    expect([plain.status, plain.body?.code]).toEqual([413, 'FILE_TOO_LARGE']);

    const declared = await rawUpload(port, residentA.token, 11 * MB, true);
    expect([declared.status, declared.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(declared.pulledBytes).toBeLessThan(11 * MB);

    // No length given (chunked): refused at the 10 MB limit, the rest never read.
    const streamed = await rawUpload(port, residentA.token, 64 * MB, false);
    expect([streamed.status, streamed.body.code]).toEqual([413, 'FILE_TOO_LARGE']);
    expect(streamed.pulledBytes).toBeLessThan(24 * MB);
    expect(streamed.peakRssDelta).toBeLessThan(48 * MB);
    console.log(
      `oversize uploads: declared 11 MB → answered after ${(declared.pulledBytes / MB).toFixed(1)} MB produced, RSS +${(declared.peakRssDelta / MB).toFixed(1)} MB; ` +
        `chunked 64 MB → answered after ${(streamed.pulledBytes / MB).toFixed(1)} MB, RSS +${(streamed.peakRssDelta / MB).toFixed(1)} MB`,
    );
    const [after] = await t.sql<{ n: string }>('SELECT COUNT(*) AS n FROM uploads');
    expect(after!.n).toBe(before!.n);
    // The server still answers normally afterwards.
    expect((await upload(t, residentA.token, await solid('jpeg'))).status).toBe(201);
  });

  describe('signed URLs', () => {
    let photo: { id: string; url: string; thumbUrl: string };
    beforeAll(async () => {
      photo = (await upload(t, residentA.token, await solid('jpeg'))).body;
    });

    it('serve with private, immutable caching for the time left, an ETag and 304 on revalidation', async () => {
      const res = await fetchBytes(t, photo.url);
      expect(res.status).toBe(200);
      const maxAge = Number(res.headers['cache-control']!.match(/^private, max-age=(\d+), immutable$/)![1]);
      expect(maxAge).toBeGreaterThan(14 * 60);
      expect(maxAge).toBeLessThanOrEqual(20 * 60);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers.etag).toBe(`"u${photo.id}-full"`);
      const again = await fetchBytes(t, photo.url, { 'If-None-Match': res.headers.etag! });
      expect(again.status).toBe(304);
    });

    it('are refused (403) when the signature is missing, altered, for another photo or variant, or expired', async () => {
      const signer = t.app.get(UrlSigner);
      const u = new URL(photo.url, 'http://x');
      const exp = u.searchParams.get('exp')!;
      const sig = u.searchParams.get('sig')!;
      const flipped = (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
      const past = signer.nowSec() - 1;
      const cases = [
        `/api/v1/files/${photo.id}`,
        `/api/v1/files/${photo.id}?exp=${exp}`,
        `/api/v1/files/${photo.id}?exp=${exp}&sig=${flipped}`,
        `/api/v1/files/${photo.id}?exp=${Number(exp) + 300}&sig=${sig}`,
        `/api/v1/files/${Number(photo.id) + 1}?exp=${exp}&sig=${sig}`,
        `/api/v1/files/${photo.id}/thumb?exp=${exp}&sig=${sig}`,
        // Correctly signed, but expired a second ago.
        `/api/v1/files/${photo.id}?exp=${past}&sig=${signer.sign(photo.id, 'full', past)}`,
        // Correctly signed, but for longer than any URL is ever minted.
        `/api/v1/files/${photo.id}?exp=${past + 86400}&sig=${signer.sign(photo.id, 'full', past + 86400)}`,
      ];
      for (const url of cases) {
        const res = await t.http.get(url);
        expect([url, res.status, res.body.code]).toEqual([url, 403, 'FORBIDDEN']);
      }
      const soon = signer.nowSec() + 5;
      expect((await fetchBytes(t, `/api/v1/files/${photo.id}?exp=${soon}&sig=${signer.sign(photo.id, 'full', soon)}`)).status).toBe(200);
    });
  });

  describe('attach and views (the integration points for tickets)', () => {
    let ticketA: { id: string };
    let ticketB: { id: string };
    beforeAll(async () => {
      await w.onDuty(c.id, c.zoneA1, agent.id);
      ticketA = await w.ok(residentA.token, 'post', '/tickets', w.repair(c.roomA.id));
      ticketB = await w.ok(residentB.token, 'post', '/tickets', w.repair(c.roomA2.id));
    });
    const tx = <T>(fn: (m: import('typeorm').EntityManager) => Promise<T>) => t.app.get(DataSource).transaction(fn);
    const newPhoto = async (token: string) => (await upload(t, token, await solid('jpeg'))).body.id as string;

    it('mints URLs only for the uploader before attaching, and for whoever may see the ticket after', async () => {
      const id = await newPhoto(residentA.token);
      expect([...(await files.views(t.app.get(DataSource).manager, asResident(residentA), [id])).keys()]).toEqual([id]);
      expect((await files.views(t.app.get(DataSource).manager, asResident(residentB), [id])).size).toBe(0);

      expect(await tx((m) => files.attach(m, asResident(residentA), [id, id], ticketA.id))).toEqual([id]);
      const [row] = await t.sql<{ ticket_id: string; attached_at: Date | null }>('SELECT ticket_id, attached_at FROM uploads WHERE id = ?', [id]);
      expect(row!.ticket_id).toBe(ticketA.id);
      expect(row!.attached_at).not.toBeNull();

      const forA = await files.views(t.app.get(DataSource).manager, asResident(residentA), [id]);
      expect(forA.get(id)).toEqual({
        id,
        url: expect.stringContaining(`/api/v1/files/${id}?exp=`),
        thumbUrl: expect.stringContaining(`/api/v1/files/${id}/thumb?exp=`),
      });
      expect((await fetchBytes(t, forA.get(id)!.thumbUrl)).status).toBe(200);
      expect((await files.views(t.app.get(DataSource).manager, asResident(residentB), [id])).size).toBe(0);
      const agentAuth: AuthContext = { kind: 'staff', staffId: agent.id, name: 'kefu', roles: ['agent'], communityIds: [c.id], accessVersion: 0 };
      expect((await files.views(t.app.get(DataSource).manager, agentAuth, [id])).size).toBe(1);
      const elsewhere: AuthContext = { kind: 'staff', staffId: agent.id, name: 'kefu', roles: ['agent'], communityIds: ['999999'], accessVersion: 0 };
      expect((await files.views(t.app.get(DataSource).manager, elsewhere, [id])).size).toBe(0);
      expect(FilesService.inOrder(forA, ['1', id])).toEqual([forA.get(id)]);
    });

    it('refuses ids that are not the caller’s, attached elsewhere, hidden, unknown or more than nine — and attaches nothing then', async () => {
      const mine = await newPhoto(residentB.token);
      const theirs = await newPhoto(residentA.token);
      const expectInvalid = async (ids: string[], ticketId = ticketB.id) => {
        await expect(tx((m) => files.attach(m, asResident(residentB), ids, ticketId))).rejects.toMatchObject({ code: 'PHOTO_INVALID' });
      };
      await expectInvalid([mine, theirs]);
      await expectInvalid([mine, '99999999']);
      await expectInvalid([mine, 'abc']);
      await expectInvalid(Array.from({ length: 10 }, (_, i) => String(i + 1)));
      expect((await t.sql<{ ticket_id: string | null }>('SELECT ticket_id FROM uploads WHERE id = ?', [mine]))[0]!.ticket_id).toBeNull();

      await tx((m) => files.attach(m, asResident(residentB), [mine], ticketB.id));
      // A retry on the same ticket is fine; another ticket is not.
      expect(await tx((m) => files.attach(m, asResident(residentB), [mine], ticketB.id))).toEqual([mine]);
      await expectInvalid([mine], ticketA.id);

      const hidden = await newPhoto(residentB.token);
      await files.setHidden(t.app.get(DataSource).manager, [hidden], true);
      await expectInvalid([hidden]);
      expect((await files.views(t.app.get(DataSource).manager, asResident(residentB), [hidden])).size).toBe(0);
      expect(await tx((m) => files.attach(m, asResident(residentB), [], ticketB.id))).toEqual([]);
    });
  });

  it('sweeps uploads never attached within a day, with their files, and only those; concurrent sweeps delete each once', async () => {
    const body = await solid('jpeg');
    const old1 = (await upload(t, residentA.token, body)).body.id as string;
    const old2 = (await upload(t, residentA.token, body)).body.id as string;
    const fresh = (await upload(t, residentA.token, body)).body.id as string;
    const attachedOld = (await upload(t, residentA.token, body)).body.id as string;
    const ticket = await w.ok(residentA.token, 'post', '/tickets', w.repair(c.roomA.id));
    await t.app.get(DataSource).transaction((m) => files.attach(m, asResident(residentA), [attachedOld], ticket.id));
    for (const id of [old1, old2, attachedOld]) await sqlNow(t, id, 25);
    await sqlNow(t, fresh, 23);
    const keysOf = async (id: string) => {
      const [row] = await t.sql<{ storage_key: string; thumb_key: string }>('SELECT storage_key, thumb_key FROM uploads WHERE id = ?', [id]);
      return [row!.storage_key, row!.thumb_key].map((k) => path.join(t.config.filesDir, k));
    };
    const oldFiles = [...(await keysOf(old1)), ...(await keysOf(old2))];
    expect(oldFiles.every((f) => existsSync(f))).toBe(true);

    // Earlier tests leave other unattached uploads younger than a day; only these two are due.
    const counts = await Promise.all([files.sweep(), files.sweep(), files.sweep()]);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(2);
    const left = await t.sql<{ id: string }>('SELECT id FROM uploads WHERE id IN (?, ?, ?, ?) ORDER BY id', [old1, old2, fresh, attachedOld]);
    expect(left.map((r) => r.id)).toEqual([fresh, attachedOld]);
    expect(oldFiles.some((f) => existsSync(f))).toBe(false);
    expect((await keysOf(attachedOld)).every((f) => existsSync(f))).toBe(true);
  });
});

describe('photos on an S3-compatible store (s3rver on loopback)', () => {
  let s3: LoopbackS3;
  let t: TestApp;
  let w: World;
  let client: S3Client;

  beforeAll(async () => {
    s3 = await startLoopbackS3();
    t = await startTestApp('files_s3', { ...s3.env, FILES_DIR: `/tmp/yizhan-test-files-s3-unused-${process.pid}` });
    w = new World(t);
    client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
  });
  afterAll(async () => {
    client?.destroy();
    await t?.close();
    await s3?.close();
  });

  it('stores the cleaned photo and thumbnail as private objects, serves them by signed URL, and sweeps them', async () => {
    const resident = await w.resident('s3user');
    const res = await upload(t, resident.token, await sidewaysPhotoWithGps());
    expect(res.status).toBe(201);
    const [row] = await t.sql<{ storage_key: string; thumb_key: string }>('SELECT storage_key, thumb_key FROM uploads WHERE id = ?', [res.body.id]);
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: row!.storage_key }));
    expect([head.ContentType, head.ContentLength]).toEqual(['image/jpeg', res.body.size]);
    const object = Buffer.from(await (await client.send(new GetObjectCommand({ Bucket: s3.bucket, Key: row!.storage_key }))).Body!.transformToByteArray());
    expect(await exifr.gps(object)).toBeUndefined();

    const served = await fetchBytes(t, res.body.url);
    expect(served.status).toBe(200);
    expect(served.body.equals(object)).toBe(true);
    expect((await fetchBytes(t, res.body.thumbUrl)).status).toBe(200);
    expect(existsSync(t.config.filesDir)).toBe(false);

    await sqlNow(t, res.body.id, 25);
    expect(await t.app.get(FilesService).sweep()).toBe(1);
    for (const key of [row!.storage_key, row!.thumb_key]) {
      await expect(client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
    }
    expect((await t.http.get(res.body.url)).status).toBe(404);
  });
});
