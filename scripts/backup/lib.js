'use strict';
/**
 * What `npm run backup` and `npm run restore` share: where the database and the photos
 * are, read from the same settings as the server (DATABASE_URL, FILES_DIR, S3_BUCKET;
 * defaults: data/yizhan.sqlite and data/files under the repository).
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawn } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..', '..');

function settings(env = process.env) {
  const databaseUrl = env.DATABASE_URL || `sqlite:${path.join(ROOT, 'data', 'yizhan.sqlite')}`;
  const filesDir = path.resolve(env.FILES_DIR || path.join(ROOT, 'data', 'files'));
  if (databaseUrl.startsWith('sqlite:')) {
    return { kind: 'sqlite', file: path.resolve(ROOT, databaseUrl.slice('sqlite:'.length)), filesDir, s3Bucket: env.S3_BUCKET || null };
  }
  const url = new URL(databaseUrl);
  if (url.protocol !== 'mysql:' && url.protocol !== 'mariadb:') throw new Error(`DATABASE_URL: expected sqlite:… or mysql://…, got ${url.protocol}`);
  return {
    kind: 'mariadb',
    host: url.hostname,
    port: url.port || '3306',
    user: decodeURIComponent(url.username || 'root'),
    password: decodeURIComponent(url.password || ''),
    database: url.pathname.slice(1),
    filesDir,
    s3Bucket: env.S3_BUCKET || null,
  };
}

/** The MariaDB client tools take the password from MYSQL_PWD, so it never shows in `ps`. */
function clientArgs(s) {
  return { args: [`--host=${s.host}`, `--port=${s.port}`, `--user=${s.user}`], env: { ...process.env, MYSQL_PWD: s.password } };
}

/** Runs a command; stdout to `outFile` or from `inFile` when given. Rejects with its stderr. */
function run(command, args, { env, outFile, inFile } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: [inFile ? 'pipe' : 'ignore', outFile ? 'pipe' : 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    if (outFile) child.stdout.pipe(fs.createWriteStream(outFile));
    if (inFile) fs.createReadStream(inFile).pipe(child.stdin);
    child.on('error', (e) => reject(new Error(`${command}: ${e.message}`)));
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}: ${stderr.trim()}`))));
  });
}

/** Copies a folder tree, file by file (a photo is written once, renamed into place, and never changed, so a copy under load is consistent per file). */
function copyTree(from, to) {
  let files = 0;
  let bytes = 0;
  if (!fs.existsSync(from)) return { files, bytes };
  for (const entry of fs.readdirSync(from, { withFileTypes: true, recursive: true })) {
    // A photo is written to "<name>.<random>.part" and renamed into place when whole: skip those.
    if (!entry.isFile() || entry.name.endsWith('.part')) continue;
    const source = path.join(entry.parentPath ?? entry.path, entry.name);
    const target = path.join(to, path.relative(from, source));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.copyFileSync(source, target);
    } catch (e) {
      if (e.code === 'ENOENT') continue; // deleted since the listing (an unattached upload swept)
      throw e;
    }
    files++;
    bytes += fs.statSync(target).size;
  }
  return { files, bytes };
}

function parseArgs(argv, flags) {
  const out = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) out._.push(a);
    else if (flags.includes(a.slice(2))) out[a.slice(2)] = argv[i + 1] && !argv[i + 1].startsWith('--') ? argv[++i] : true;
    else throw new Error(`unknown option ${a}`);
  }
  return out;
}

module.exports = { ROOT, settings, clientArgs, run, copyTree, parseArgs };
