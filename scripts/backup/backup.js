#!/usr/bin/env node
'use strict';
/**
 * `npm run backup [-- --out <folder>]`: a consistent copy of the database and the
 * photos, taken while the server runs (docs/operations.md).
 *
 *   - the embedded SQLite: SQLite's online backup API (better-sqlite3's db.backup()),
 *     a consistent snapshot page by page while the server keeps writing;
 *   - MariaDB/MySQL: `mariadb-dump --single-transaction` (one consistent InnoDB
 *     snapshot, no table locks);
 *   - then the photos folder (FILES_DIR). The database goes first: every photo a
 *     backed-up request refers to was written before its row, so it is in the folder
 *     copied afterwards. With S3_BUCKET the photos are the bucket's (use its versioning
 *     or replication); only the database is backed up here.
 *
 * Writes <out>/database.sqlite or <out>/database.sql, <out>/files/ and <out>/manifest.json.
 * Default <out>: backups/yizhan-<UTC time> under the repository.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, settings, clientArgs, run, copyTree, parseArgs } = require('./lib');

async function main() {
  const args = parseArgs(process.argv.slice(2), ['out']);
  const s = settings();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const out = path.resolve(typeof args.out === 'string' ? args.out : path.join(ROOT, 'backups', `yizhan-${stamp}`));
  if (fs.existsSync(out) && fs.readdirSync(out).length) throw new Error(`${out} exists and is not empty`);
  fs.mkdirSync(out, { recursive: true });
  const started = Date.now();
  const manifest = { version: 1, kind: s.kind, startedAt: new Date(started).toISOString() };

  if (s.kind === 'sqlite') {
    if (!fs.existsSync(s.file)) throw new Error(`no database at ${s.file}`);
    const Database = require(require.resolve('better-sqlite3', { paths: [path.join(ROOT, 'server'), ROOT] }));
    const db = new Database(s.file, { readonly: true, fileMustExist: true });
    try {
      await db.backup(path.join(out, 'database.sqlite'));
    } finally {
      db.close();
    }
    manifest.database = 'database.sqlite';
  } else {
    const { args: conn, env } = clientArgs(s);
    const dump = fs.existsSync('/usr/bin/mariadb-dump') || !fs.existsSync('/usr/bin/mysqldump') ? 'mariadb-dump' : 'mysqldump';
    await run(
      dump,
      [
        ...conn,
        '--single-transaction',
        '--quick',
        '--skip-lock-tables',
        '--no-tablespaces',
        '--routines',
        '--triggers',
        '--hex-blob',
        '--default-character-set=utf8mb4',
        s.database,
      ],
      { env, outFile: path.join(out, 'database.sql') },
    );
    manifest.database = 'database.sql';
  }
  manifest.databaseBytes = fs.statSync(path.join(out, manifest.database)).size;
  manifest.databaseDoneAt = new Date().toISOString();

  if (s.s3Bucket) {
    manifest.files = { s3Bucket: s.s3Bucket, copied: false };
  } else {
    const copied = copyTree(s.filesDir, path.join(out, 'files'));
    manifest.files = { from: s.filesDir, ...copied };
  }
  manifest.finishedAt = new Date().toISOString();
  manifest.seconds = (Date.now() - started) / 1000;
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  console.log(
    `backup of the ${s.kind === 'sqlite' ? `embedded database ${s.file}` : `MariaDB database ${s.database}`} in ${out} (${manifest.seconds.toFixed(1)} s, database ${manifest.databaseBytes} bytes, ${manifest.files.files ?? 0} photo files)`,
  );
}

main().catch((e) => {
  console.error(`backup failed: ${e.message}`);
  process.exit(1);
});
