'use strict';
/** Build steps shared by `npm start` and the E2E runner: each builds only what is missing (or everything with rebuild). */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');

function run(cmd, args, env = process.env) {
  console.log(`\n> ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`\n${cmd} ${args.join(' ')} failed (exit ${result.status}).`);
    process.exit(result.status || 1);
  }
}

const hasScript = (pkgDir, name) => {
  const file = path.join(root, pkgDir, 'package.json');
  return fs.existsSync(file) && Boolean(JSON.parse(fs.readFileSync(file, 'utf8')).scripts?.[name]);
};

const STEPS = [
  { what: 'shared', output: 'shared/dist/index.js', args: ['run', 'build', '-w', '@yizhan/shared'] },
  { what: 'server', output: 'server/dist/main.js', args: ['run', 'build', '-w', '@yizhan/server'] },
  { what: 'admin pages', output: 'server/admin/dist/index.html', args: ['run', 'build', '-w', '@yizhan/admin'], optional: ['server/admin', 'build'] },
  { what: 'resident h5', output: 'miniapp/dist/h5/index.html', args: ['run', 'build:h5', '-w', '@yizhan/miniapp'], optional: ['miniapp', 'build:h5'] },
];

function buildMissing({ rebuild = false } = {}) {
  for (const step of STEPS) {
    if (step.optional && !hasScript(...step.optional)) continue;
    if (!rebuild && fs.existsSync(path.join(root, step.output))) continue;
    console.log(`building the ${step.what} …`);
    run('npm', step.args);
  }
}

module.exports = { root, run, buildMissing };
