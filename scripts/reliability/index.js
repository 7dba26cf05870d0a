#!/usr/bin/env node
'use strict';
/**
 * `npm run reliability`: every reliability script at a small scale (about five
 * minutes), one after another, each in its own process with its own database, fake
 * WeChat and server processes (all cleaned up). Prints a summary and writes every
 * figure to artifacts/reliability/results.json; exits non-zero if any invariant broke.
 *
 *   node scripts/reliability/index.js [--only crash,duplicates]
 *
 * Needs the built server (npm run build -w @yizhan/shared && npm run build -w @yizhan/server)
 * and MariaDB on 127.0.0.1:3306 (the db-restart script stops and restarts it for a few seconds).
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const { parseArgs } = require('node:util');

const ARTIFACTS = path.resolve(__dirname, '..', '..', 'artifacts', 'reliability');
const SCRIPTS = [
  { name: 'duplicates', file: 'duplicates.js', args: ['--submissions', '60'] },
  { name: 'two-instances', file: 'two-instances.js', args: ['--routed', '40', '--pooled', '30'] },
  { name: 'crash', file: 'crash.js', args: ['--duration-sec', '40', '--kills', '4'] },
  { name: 'db-restart', file: 'db-restart.js', args: ['--down-ms', '4000'] },
  { name: 'rolling-restart', file: 'rolling-restart.js', args: ['--streams', '100', '--agents', '10', '--rate', '6', '--settle-ms', '3000'] },
  { name: 'table-growth', file: 'table-growth.js', args: ['--days', '6', '--per-day', '12'] },
  { name: 'backup-restore', file: 'backup-restore.js', args: ['--db', 'both'] },
];
const TIME_LIMIT_MS = 6 * 60_000; // per script, in case something hangs

let current = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    // The child cleans up after itself (its own SIGINT handler); wait for it.
    if (current) current.kill(signal);
    else process.exit(130);
  });
}

function runOne(script) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(process.execPath, [path.join(__dirname, script.file), ...script.args], { stdio: 'inherit' });
    current = child;
    const timer = setTimeout(() => {
      console.error(`${script.name}: over ${TIME_LIMIT_MS / 1000} s, interrupting`);
      child.kill('SIGINT');
    }, TIME_LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      current = null;
      resolve({ code: code ?? (signal ? 128 : 1), ms: Date.now() - started });
    });
  });
}

async function main() {
  const only = parseArgs({ options: { only: { type: 'string' } } }).values.only?.split(',') ?? null;
  const chosen = SCRIPTS.filter((s) => !only || only.includes(s.name));
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const started = Date.now();
  const results = {};
  for (const script of chosen) {
    const out = path.join(ARTIFACTS, `${script.name}.json`);
    fs.rmSync(out, { force: true });
    console.log(`\n######## ${script.name}: node scripts/reliability/${script.file} ${script.args.join(' ')}`);
    const { code, ms } = await runOne(script);
    let result;
    try {
      result = JSON.parse(fs.readFileSync(out, 'utf8'));
    } catch {
      result = { name: script.name, ok: false, figures: {}, violations: [`no result written (exit ${code})`] };
    }
    result.exitCode = code;
    result.ok = result.ok && code === 0;
    result.wallSec = Math.round(ms / 100) / 10;
    results[script.name] = result;
  }
  const f = (name) => results[name]?.figures ?? {};
  const summary = {
    writesAcknowledged: (f('crash').writesAcknowledged ?? 0) + (f('db-restart').writesAcknowledged ?? 0),
    writesAckFound: (f('crash').writesAckFound ?? 0) + (f('db-restart').writesAckFound ?? 0),
    serverKills: f('crash').kills,
    noticesWithCredit: (f('crash').noticesWithCredit ?? 0) + (f('two-instances').noticesWithCredit ?? 0),
    noticesDelivered: (f('crash').delivered ?? 0) + (f('two-instances').delivered ?? 0),
    duplicateSends: (f('crash').duplicateSends ?? 0) + (f('two-instances').duplicateSends ?? 0),
    duplicateSendsInFlightAtKill: f('crash').duplicateSendsInFlightAtKill,
    duplicateTickets: (f('crash').duplicateTickets ?? 0) + (f('duplicates').duplicateTickets ?? 0),
    halfWrittenTickets: ['crash', 'db-restart', 'two-instances', 'duplicates'].reduce((a, n) => a + (f(n).halfWrittenTickets ?? 0), 0),
    claimRacesWithOneWinner: f('two-instances').claimRaces === undefined ? undefined : `${f('two-instances').claimWinners}/${f('two-instances').claimRaces}`,
    count503DuringDbOutage: f('db-restart').count503,
    count500: f('db-restart').count500,
    dbOutageMs: f('db-restart').outageMs,
    healthRecoveryMs: f('db-restart').healthRecoveryMs,
    writeRecoveryMs: f('db-restart').writeRecoveryMs,
    crashRestartMs: f('crash').restartMsEach,
    rollingRestartStreams: f('rolling-restart').streams,
    rollingRestartStopMs: f('rolling-restart').stops?.map((s) => s.ms),
    rollingRestartFailedRequests: f('rolling-restart').submissionsFailed,
    rollingRestartStreamReconnections: f('rolling-restart').streamReconnections,
    rollingRestartNoticesMissed: f('rolling-restart').noticesMissedByStreams,
    tableSizesAfterGrowthRun: f('table-growth').tableSizesAfter,
    backupRestoreMariadb:
      f('backup-restore').mariadb &&
      `${f('backup-restore').mariadb.foundAfterRestore}/${f('backup-restore').mariadb.acknowledgedBeforeBackup} requests, ${f('backup-restore').mariadb.photosServed} photos`,
    backupRestoreSqlite:
      f('backup-restore').sqlite &&
      `${f('backup-restore').sqlite.foundAfterRestore}/${f('backup-restore').sqlite.acknowledgedBeforeBackup} requests, ${f('backup-restore').sqlite.photosServed} photos`,
  };
  const ok = chosen.every((s) => results[s.name].ok);
  const output = { ok, finishedAt: new Date().toISOString(), durationSec: Math.round((Date.now() - started) / 1000), summary, results };
  fs.writeFileSync(path.join(ARTIFACTS, 'results.json'), JSON.stringify(output, null, 2) + '\n');

  console.log(`\n######## reliability summary (${output.durationSec} s)`);
  for (const s of chosen)
    console.log(
      `  ${results[s.name].ok ? 'OK    ' : 'FAILED'} ${s.name.padEnd(14)} ${results[s.name].wallSec} s${results[s.name].violations?.length ? ` — ${results[s.name].violations.slice(0, 3).join('; ')}` : ''}`,
    );
  for (const [k, v] of Object.entries(summary)) if (v !== undefined) console.log(`  ${k.padEnd(26)} ${typeof v === 'object' ? JSON.stringify(v) : v}`);
  console.log(`  figures: ${path.relative(process.cwd(), path.join(ARTIFACTS, 'results.json'))}`);
  process.exitCode = ok ? 0 : 1;
}

main().catch((e) => {
  console.error(e.stack);
  process.exit(1);
});
