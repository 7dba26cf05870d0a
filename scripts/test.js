#!/usr/bin/env node
/**
 * `npm test`: every test of the project, in order, on the real MariaDB, the embedded
 * SQLite and a real Chromium. Each step runs to the end even if an earlier one failed, so one run shows
 * everything that is broken; the exit code is non-zero if any step failed.
 *
 *   npm test                 everything
 *   npm test -- --no-e2e     skip the browser journeys (quicker while developing)
 *
 * The first steps are the lint (npm run lint: ESLint with the layer rules) and Prettier's check (npm run format:check).
 */
'use strict';
const { spawnSync } = require('node:child_process');
const path = require('node:path');
const { parseArgs } = require('node:util');

const root = path.resolve(__dirname, '..');
const { values: args } = parseArgs({ options: { 'no-e2e': { type: 'boolean', default: false } } });
const skipE2e = args['no-e2e'];

const steps = [
  // First: they take seconds and need no build.
  ['lint: ESLint with the layer rules (eslint.config.mjs)', 'npm', ['run', 'lint']],
  ['format: Prettier (npm run format to fix)', 'npm', ['run', 'format:check']],
  ['build shared', 'npm', ['run', 'build', '-w', '@yizhan/shared']],
  ['shared unit tests (state machine, SLA, masks)', 'npm', ['test', '-w', '@yizhan/shared']],
  ['fake WeChat server tests', 'npm', ['test', '-w', '@yizhan/fake-wechat']],
  ['fake WeCom server tests', 'npm', ['test', '-w', '@yizhan/fake-wecom']],
  ['fake WeChat Pay server tests', 'npm', ['test', '-w', '@yizhan/fake-wechatpay']],
  ['server unit + e2e tests (MariaDB)', 'npm', ['test', '-w', '@yizhan/server']],
  // The same e2e suites on the embedded database (issue #8), as Vendure runs them with DB=.
  ['server e2e tests (embedded SQLite)', 'npm', ['test', '-w', '@yizhan/server', '--', 'test/'], { DB: 'sqlite' }],
  ['mini-program unit tests', 'npm', ['test', '-w', '@yizhan/miniapp']],
  ['admin pages unit tests', 'npm', ['test', '-w', '@yizhan/admin']],
  ['mini-program weapp build + package size budget', 'bash', ['-c', 'npm run build:weapp -w @yizhan/miniapp >/dev/null && node scripts/miniapp-size.js']],
  ...(skipE2e ? [] : [['browser E2E: resident h5 and staff admin journeys (Chromium)', process.execPath, ['scripts/e2e.js', '--rebuild']]]),
];

const results = [];
for (const [name, cmd, args, env = {}] of steps) {
  console.log(`\n=== ${name}`);
  const started = Date.now();
  const { status } = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0', ...env } });
  results.push({ name, ok: status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}

console.log('\n=== summary');
for (const r of results) console.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.seconds} s)`);
const failed = results.filter((r) => !r.ok).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
