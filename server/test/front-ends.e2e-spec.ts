import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { startTestApp, TestApp } from './support/test-app';
import { World } from './support/world';

/**
 * Issue #21 (2): what a phone downloads. The built front ends are sent precompressed
 * (brotli or gzip, written at build time by scripts/precompress.js), hashed assets are
 * cached for a year, HTML is revalidated, client-side routes get index.html, and API
 * answers above 1 KB are compressed.
 */
describe('front ends and compression', () => {
  let t: TestApp;
  let dist: string;
  const script = `console.log(${JSON.stringify('一站'.repeat(2000))});`;

  beforeAll(async () => {
    dist = mkdtempSync(path.join(tmpdir(), 'yz-admin-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(
      path.join(dist, 'index.html'),
      `<!doctype html><html><head><script src="/admin/assets/index-Bx3k2LqA.js"></script></head><body>${'<div></div>'.repeat(200)}</body></html>`,
    );
    writeFileSync(path.join(dist, 'assets', 'index-Bx3k2LqA.js'), script);
    writeFileSync(path.join(dist, 'robots.txt'), 'User-agent: *\n');
    writeFileSync(path.join(dist, 'favicon.ico'), readFileSync(path.resolve(__dirname, '../admin/public/favicon.ico')));
    execFileSync(process.execPath, [path.resolve(__dirname, '../../scripts/precompress.js'), dist]);
    t = await startTestApp('front_ends', { ADMIN_DIST: dist, H5_DIST: path.join(dist, 'no-h5-here') });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('sends the brotli file to a browser that accepts it, cached for a year', async () => {
    const res = await t.http.get('/admin/assets/index-Bx3k2LqA.js').set('Accept-Encoding', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toMatch(/Accept-Encoding/);
    // What went over the wire is the brotli file (the client inflates it for us).
    const onDisk = readFileSync(path.join(dist, 'assets', 'index-Bx3k2LqA.js.br'));
    expect(Number(res.headers['content-length'])).toBe(onDisk.length);
    expect(onDisk.length).toBeLessThan(Buffer.byteLength(script) / 10);
    expect(brotliDecompressSync(onDisk).toString()).toBe(script);
    expect(res.text).toBe(script);
  });

  it('answers /favicon.ico at the root (and under /admin) with the icon, not a 404', async () => {
    for (const url of ['/favicon.ico', '/admin/favicon.ico']) {
      const res = await t.http.get(url);
      expect([url, res.status]).toEqual([url, 200]);
      expect(res.headers['content-type']).toMatch(/icon/);
      expect(Buffer.from(res.body as Buffer).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
    }
  });

  it('falls back to gzip, then to the file itself', async () => {
    const gz = await t.http.get('/admin/assets/index-Bx3k2LqA.js').set('Accept-Encoding', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.text).toBe(script); // supertest inflates gzip
    const plain = await t.http.get('/admin/assets/index-Bx3k2LqA.js').set('Accept-Encoding', 'identity');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.text).toBe(script);
  });

  it('revalidates HTML, serves client-side routes their index.html, and 404s a missing asset', async () => {
    const index = await t.http.get('/admin/').set('Accept-Encoding', 'br');
    expect(index.status).toBe(200);
    expect(index.headers['cache-control']).toBe('no-cache');
    expect(index.headers['content-encoding']).toBe('br');
    const route = await t.http.get('/admin/tickets/42');
    expect(route.status).toBe(200);
    expect(route.headers['cache-control']).toBe('no-cache');
    expect(route.text).toContain('/admin/assets/index-Bx3k2LqA.js');
    const robots = await t.http.get('/admin/robots.txt');
    expect(robots.headers['cache-control']).toBe('no-cache');
    expect((await t.http.get('/admin/assets/missing-AAAAAAAA.js')).status).toBe(404);
  });

  it('compresses API answers above 1 KB, and leaves small ones and the staff event stream alone', async () => {
    const w = new World(t);
    const admin = await w.admin();
    const spec = await t.http.get('/api/docs-json').set('Accept-Encoding', 'br');
    expect(spec.headers['content-encoding']).toBe('br');
    const small = await t.http.get('/api/v1/health').set('Accept-Encoding', 'br, gzip');
    expect(small.headers['content-encoding']).toBeUndefined();
    const stream = await new Promise<{ type: string; encoding: string | undefined }>((resolve, reject) => {
      const req = t.http
        .get('/api/v1/staff/events')
        .set('Authorization', `Bearer ${admin}`)
        .set('Accept-Encoding', 'br, gzip')
        .buffer(false)
        .parse((res, done) => {
          resolve({ type: String(res.headers['content-type']), encoding: res.headers['content-encoding'] as string | undefined });
          res.destroy();
          done(null, null);
        });
      req.end((err) => (err && !/aborted|socket hang up/i.test(String(err)) ? reject(err) : undefined));
    });
    expect(stream.type).toMatch(/text\/event-stream/);
    expect(stream.encoding).toBeUndefined();
  });
});
