#!/usr/bin/env node
'use strict';
/**
 * `npm run restore -- <backup folder> [--force]`: puts a backup made by `npm run backup`
 * back, into the database and photos folder the settings name (DATABASE_URL, FILES_DIR).
 * Stop the server first (on SQLite the file is replaced). It refuses to overwrite a
 * database that has tables, unless --force. Photos are copied into FILES_DIR beside
 * whatever is there. Start the server afterwards: migrations newer than the backup run then.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, settings, clientArgs, run, copyTree, parseArgs } = require('./lib');

async function main() {
  const args = parseArgs(process.argv.slice(2), ['force']);
  const from = args._[0] ? path.resolve(args._[0]) : null;
  if (!from || !fs.existsSync(path.join(from, 'manifest.json'))) throw new Error('usage: npm run restore -- <backup folder with manifest.json> [--force]');
  const manifest = JSON.parse(fs.readFileSync(path.join(from, 'manifest.json'), 'utf8'));
  const s = settings();
  if (manifest.kind !== s.kind) throw new Error(`the backup is of a ${manifest.kind} database but DATABASE_URL names a ${s.kind} one`);

  if (s.kind === 'sqlite') {
    if (fs.existsSync(s.file) && !args.force) throw new Error(`${s.file} exists; stop the server and add --force to replace it`);
    fs.mkdirSync(path.dirname(s.file), { recursive: true });
    for (const suffix of ['-wal', '-shm']) fs.rmSync(s.file + suffix, { force: true });
    fs.copyFileSync(path.join(from, manifest.database), `${s.file}.restoring`);
    fs.renameSync(`${s.file}.restoring`, s.file);
  } else {
    const { args: conn, env } = clientArgs(s);
    const mysql = require(require.resolve('mysql2/promise', { paths: [path.join(ROOT, 'server'), ROOT] }));
    const admin = await mysql.createConnection({ host: s.host, port: Number(s.port), user: s.user, password: s.password });
    try {
      await admin.query(`CREATE DATABASE IF NOT EXISTS \`${s.database}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      const [[{ n }]] = await admin.query('SELECT COUNT(*) AS n FROM information_schema.tables WHERE table_schema = ?', [s.database]);
      if (Number(n) > 0 && !args.force) throw new Error(`database ${s.database} has ${n} tables; add --force to load the backup over them`);
    } finally {
      await admin.end();
    }
    const client = fs.existsSync('/usr/bin/mariadb') || !fs.existsSync('/usr/bin/mysql') ? 'mariadb' : 'mysql';
    await run(client, [...conn, '--default-character-set=utf8mb4', s.database], { env, inFile: path.join(from, manifest.database) });
  }
  const copied = manifest.files?.s3Bucket ? { files: 0, bytes: 0 } : copyTree(path.join(from, 'files'), s.filesDir);
  console.log(`restored ${from} into ${s.kind === 'sqlite' ? s.file : `MariaDB database ${s.database}`} and ${copied.files} photo files into ${s.filesDir}`);
}

main().catch((e) => {
  console.error(`restore failed: ${e.message}`);
  process.exit(1);
});
