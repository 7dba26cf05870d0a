#!/usr/bin/env node
'use strict';
/**
 * `npm run backup` under load, `npm run restore` into a fresh database: residents keep
 * submitting requests with a photo each (upload, then the request) while the backup
 * runs; the backup is restored into a new database and photos folder, a server is
 * started on it, and every request acknowledged before the backup began must be there,
 * whole, with its photo served (the restored server signs the URL and sends the JPEG).
 * On MariaDB (mariadb-dump --single-transaction) and the embedded SQLite (online backup API).
 *
 *   node scripts/reliability/backup-restore.js [--db both|mariadb|sqlite] [--residents 4] [--concurrency 3]
 */
const fs = require('node:fs');
const http = require('node:http');
const os = require('node:os');
const path = require('node:path');
const { spawn } = require('node:child_process');
const h = require('./lib/harness');

const ARGS = h.parseArgs(process.argv.slice(2), { db: 'both', residents: 4, concurrency: 3, loadBeforeMs: 3000, loadAfterMs: 1000 });
const sharp = require(require.resolve('sharp', { paths: [path.join(h.ROOT, 'server'), h.ROOT] }));
const BetterSqlite = require(require.resolve('better-sqlite3', { paths: [path.join(h.ROOT, 'server'), h.ROOT] }));

/** multipart/form-data POST /uploads with one JPEG. */
function upload(base, token, jpeg) {
  return new Promise((resolve) => {
    const boundary = `----yizhan${Math.random().toString(16).slice(2)}`;
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
    const body = Buffer.concat([head, jpeg, tail]);
    const url = new URL(base);
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path: '/api/v1/uploads',
        headers: { authorization: `Bearer ${token}`, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': body.length },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          let json = null;
          try {
            json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            /* not JSON */
          }
          resolve({ status: res.statusCode, json });
        });
      },
    );
    req.setTimeout(30_000, () => req.destroy(new Error('TIMEOUT')));
    req.on('error', (e) => resolve({ status: 0, error: e.message }));
    req.end(body);
  });
}

function fetchBytes(base, p) {
  return new Promise((resolve) => {
    const url = new URL(p, base);
    http
      .get(url, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'], bytes: Buffer.concat(chunks) }));
      })
      .on('error', (e) => resolve({ status: 0, error: e.message }));
  });
}

function runScript(file, args, env) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(h.ROOT, 'scripts', 'backup', file), ...args], {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${file} exited ${code}: ${out.trim()}`))));
  });
}

async function oneKind(kind, report, fake) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), `yz-backup-${kind}-`));
  h.onCleanup(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const db = h.dbName(`bk_${kind}`);
  const restoredDb = h.dbName(`rs_${kind}`);
  const databaseUrl = kind === 'sqlite' ? `sqlite:${path.join(tmp, 'live.sqlite')}` : `mysql://root@${h.DB_HOST}:3306/${db}`;
  const restoredUrl = kind === 'sqlite' ? `sqlite:${path.join(tmp, 'restored.sqlite')}` : `mysql://root@${h.DB_HOST}:3306/${restoredDb}`;
  if (kind === 'mariadb') {
    h.onCleanup(() => h.dropDatabase(db));
    h.onCleanup(() => h.dropDatabase(restoredDb));
  }
  const liveFiles = path.join(tmp, 'files-live');
  const restoredFiles = path.join(tmp, 'files-restored');
  const server = h.serverProcess({ name: `backup-${kind}-live`, db, fake, env: { DATABASE_URL: databaseUrl, FILES_DIR: liveFiles } });
  await server.start();
  const world = new h.World(server.base);
  const community = await world.community(`备份花园${kind}`, ARGS.residents);
  const agent = await world.staff(`kefu_bk_${kind}`, ['agent'], [community.id]);
  await world.onDuty(community.id, community.zoneId, agent.id);
  const residents = [];
  for (let i = 0; i < ARGS.residents; i++) residents.push(await world.resident(`bk${kind}${i}`, community.rooms[i]));
  world.close();
  const api = h.client(server.base);
  const photos = await Promise.all(
    [0, 1, 2, 3].map((i) =>
      sharp({ create: { width: 320, height: 240, channels: 3, background: { r: 40 * i, g: 120, b: 200 - 30 * i } } })
        .jpeg()
        .toBuffer(),
    ),
  );

  // ---- load, with the backup in the middle of it
  const acknowledged = [];
  let failures = 0;
  let running = true;
  let seq = 0;
  const worker = async () => {
    while (running) {
      const i = seq++;
      const r = residents[i % residents.length];
      const up = await upload(server.base, r.token, photos[i % photos.length]);
      if (up.status !== 201) {
        failures++;
        continue;
      }
      const res = await api.post(
        '/tickets',
        { ...h.repairBody(r.roomId, `bk#${i}`), photoIds: [String(up.json.id)] },
        { token: r.token, headers: { 'Idempotency-Key': `bk-${kind}-${i}` } },
      );
      if (res.status === 201) acknowledged.push({ id: String(res.json.id), photoId: String(up.json.id), resident: r, at: Date.now() });
      else failures++;
    }
  };
  const workers = Array.from({ length: ARGS.concurrency }, worker);
  await h.sleep(ARGS.loadBeforeMs);
  const backupDir = path.join(tmp, 'backup');
  const backupStarted = Date.now();
  const ackBefore = acknowledged.filter((a) => a.at < backupStarted);
  const backupOut = await runScript('backup.js', ['--out', backupDir], { DATABASE_URL: databaseUrl, FILES_DIR: liveFiles });
  const backupMs = Date.now() - backupStarted;
  h.log(`${kind}: ${backupOut}`);
  await h.sleep(ARGS.loadAfterMs);
  running = false;
  await Promise.all(workers);
  await server.stop();

  // ---- restore into a fresh database and folder; a server on it
  const restoreOut = await runScript('restore.js', [backupDir], { DATABASE_URL: restoredUrl, FILES_DIR: restoredFiles });
  h.log(`${kind}: ${restoreOut}`);
  const restored = h.serverProcess({ name: `backup-${kind}-restored`, db: restoredDb, fake, env: { DATABASE_URL: restoredUrl, FILES_DIR: restoredFiles } });
  await restored.start();
  const check = h.client(restored.base);
  let found = 0;
  let photosServed = 0;
  const missing = [];
  for (const a of ackBefore) {
    const res = await check.get(`/tickets/${a.id}`, { token: a.resident.token });
    if (res.status !== 200) {
      missing.push(`${a.id}: ${res.status}`);
      continue;
    }
    found++;
    const photo = res.json.photos?.find((p) => String(p.id) === a.photoId);
    if (!photo) {
      missing.push(`${a.id}: photo ${a.photoId} not on the request`);
      continue;
    }
    const bytes = await fetchBytes(restored.base, photo.url);
    if (bytes.status === 200 && bytes.type === 'image/jpeg' && bytes.bytes[0] === 0xff && bytes.bytes[1] === 0xd8) photosServed++;
    else missing.push(`${a.id}: photo answered ${bytes.status} ${bytes.type}`);
  }
  // Whatever the backup holds is whole: every request in it has its photo file.
  let rows;
  if (kind === 'sqlite') {
    const file = restoredUrl.slice('sqlite:'.length);
    const conn = new BetterSqlite(file, { readonly: true });
    rows = conn.prepare('SELECT u.storage_key AS k, u.thumb_key AS t FROM uploads u WHERE u.ticket_id IS NOT NULL').all();
    conn.close();
  } else {
    const pool = h.dbPool(restoredDb);
    [rows] = await pool.query('SELECT u.storage_key AS k, u.thumb_key AS t FROM uploads u WHERE u.ticket_id IS NOT NULL');
    await pool.end();
  }
  const withoutFile = rows.filter(
    (r) => !fs.existsSync(path.join(restoredFiles, ...r.k.split('/'))) || !fs.existsSync(path.join(restoredFiles, ...r.t.split('/'))),
  ).length;
  await restored.stop();
  check.close();
  api.close();

  const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
  report.set(`${kind}`, {
    acknowledgedInAll: acknowledged.length,
    acknowledgedBeforeBackup: ackBefore.length,
    foundAfterRestore: found,
    photosServed,
    attachedPhotosInBackup: rows.length,
    photosWithoutFile: withoutFile,
    backupMs,
    backupDatabaseBytes: manifest.databaseBytes,
    backupPhotoFiles: manifest.files.files,
    loadFailures: failures,
  });
  report.check(ackBefore.length > 0, `${kind}: nothing was acknowledged before the backup (the check proves nothing)`);
  report.check(acknowledged.length > ackBefore.length, `${kind}: no load ran during the backup`);
  report.check(missing.length === 0, `${kind}: ${missing.length} acknowledged requests or photos missing after restore: ${missing.slice(0, 5).join('; ')}`);
  report.check(withoutFile === 0, `${kind}: ${withoutFile} restored requests' photos have no file`);
  report.check(failures === 0, `${kind}: ${failures} uploads or submissions failed during the backup`);
}

async function run(report) {
  const fake = await h.startFake('backup');
  for (const kind of ARGS.db === 'both' ? ['mariadb', 'sqlite'] : [ARGS.db]) await oneKind(kind, report, fake);
}

if (require.main === module) h.main('backup-restore', run);
module.exports = { run };
