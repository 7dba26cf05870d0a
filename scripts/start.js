#!/usr/bin/env node
/**
 * `npm start`: build whatever is missing, then run the server, which serves the API,
 * the admin pages (/admin) and the resident h5 (/h5). With no configuration it uses
 * the embedded database (data/yizhan.sqlite, created on first start), the bundled fake
 * WeChat API, and loads the demo community on first start. DATABASE_URL=mysql://…
 * runs it on MariaDB instead.
 *
 *   npm start               build what is missing, then start
 *   npm start -- --rebuild  rebuild everything first
 */
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { root, buildMissing } = require('./lib/build');

const { values: args } = parseArgs({ options: { rebuild: { type: 'boolean', default: false } } });
buildMissing({ rebuild: args.rebuild });

// Two glibc malloc arenas: libvips' worker threads otherwise each grow their own and
// photo processing leaves the process far larger than it needs (sharp's advice for
// Linux). npm run bench: 20 concurrent 12 MP uploads peak ~450 MB instead of ~580 MB.
const server = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], {
  cwd: root,
  stdio: 'inherit',
  env: { MALLOC_ARENA_MAX: '2', ...process.env },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(signal ? 0 : (code ?? 0)));
