#!/usr/bin/env node
/**
 * Browser E2E on the real product: builds what is missing, starts the server exactly
 * as `npm start` does (fresh MariaDB database with the demo data, the bundled fake
 * WeChat), checks health, then drives Debian's Chromium through the resident journey
 * (h5 at /h5/), the staff journey (admin pages at /admin/) and the staff side of the
 * mini-program (h5, 390 px). Screenshots go to artifacts/e2e-miniapp, artifacts/e2e-admin
 * and artifacts/e2e-staff. Stops the server and drops the
 * database at the end; exits non-zero if anything failed.
 *
 *   node scripts/e2e.js [--rebuild]
 */
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const { parseArgs } = require('node:util');
const { root, buildMissing } = require('./lib/build');

const PORT = Number(process.env.E2E_PORT || 3950);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const database = `yizhan_e2e_${process.pid}`;
const baseDb = new URL(process.env.DATABASE_URL || 'mysql://root@127.0.0.1:3306/test');
const dbUrl = new URL(baseDb);
dbUrl.pathname = `/${database}`;
const artifacts = path.join(root, 'artifacts');

function sql(statement) {
  spawnSync('mariadb', ['-u', decodeURIComponent(baseDb.username || 'root'), '-h', baseDb.hostname, '-P', baseDb.port || '3306', '-e', statement], {
    stdio: 'inherit',
  });
}

/** Until the server answers healthy; false at the deadline or as soon as `server` has exited. */
async function waitForHealth(deadline, server) {
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      const res = await fetch(`${BASE_URL}/api/v1/health`);
      if (res.status === 200) return true;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

/** True when something already answers on the port: the journeys would test that, not this build. */
async function portTaken() {
  try {
    await fetch(`${BASE_URL}/api/v1/health`, { signal: AbortSignal.timeout(2000) });
    return true;
  } catch {
    return false;
  }
}

async function main() {
  if (await portTaken()) {
    console.error(`${BASE_URL} already answers: stop that server (or set E2E_PORT) so the journeys test this build`);
    process.exit(1);
  }
  buildMissing({ rebuild: parseArgs({ options: { rebuild: { type: 'boolean', default: false } } }).values.rebuild });
  sql(`DROP DATABASE IF EXISTS \`${database}\``);
  // The journeys sign in a dozen times from one address within a few minutes: above the
  // default 10 sign-ins a minute per address meant for one person's phone or browser.
  const serverEnv = {
    ...process.env,
    NODE_ENV: 'development',
    PORT: String(PORT),
    DATABASE_URL: dbUrl.toString(),
    DEMO_DATA: 'true',
    ADMIN_PASSWORD: 'admin123',
    RATE_LIMIT_LOGIN_PER_MIN: '60',
  };
  for (const name of ['WECHAT_APPID', 'WECHAT_SECRET', 'WECHAT_API_BASE']) delete serverEnv[name];
  const server = spawn(process.execPath, [path.join(root, 'server/dist/main.js')], { cwd: root, env: serverEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  server.stdout.on('data', (d) => (log += d));
  server.stderr.on('data', (d) => (log += d));
  const failures = [];
  try {
    if (!(await waitForHealth(Date.now() + 90_000, server)))
      throw new Error(`the server did not become healthy (exit code ${server.exitCode}):\n${log.slice(-3000)}`);
    console.log(`server healthy at ${BASE_URL} (start → health: ok)`);
    const journeys = [
      {
        name: 'resident h5 journey',
        cmd: ['miniapp/e2e/resident-journey.js'],
        env: { STAFF_USERNAME: 'zhuguan', STAFF_PASSWORD: 'demo1234', ARTIFACTS_DIR: path.join(artifacts, 'e2e-miniapp') },
      },
      {
        name: 'staff admin journey',
        cmd: ['server/admin/e2e/staff-journey.js'],
        env: { ADMIN_USERNAME: 'admin', ADMIN_PASSWORD: 'admin123', ARTIFACTS_DIR: path.join(artifacts, 'e2e-admin') },
      },
      // An outage: staff declare and resolve it in the admin pages, the demo resident sees it in the h5.
      {
        name: 'incident journey',
        cmd: ['server/admin/e2e/incident-journey.js'],
        env: { STAFF_USERNAME: 'zhuguan', STAFF_PASSWORD: 'demo1234', ARTIFACTS_DIR: path.join(artifacts, 'e2e-incidents') },
      },
      // A complaint about an agent: to the supervisor, investigated, formally answered, counted on the dashboard.
      {
        name: 'complaint journey',
        cmd: ['server/admin/e2e/complaint-journey.js'],
        env: { STAFF_USERNAME: 'zhuguan', STAFF_PASSWORD: 'demo1234', ARTIFACTS_DIR: path.join(artifacts, 'e2e-complaints') },
      },
      // Last: it ends the duty shifts running now, to have a request in the pool.
      { name: 'staff mini-program journey', cmd: ['miniapp/e2e/staff-journey.js'], env: { ARTIFACTS_DIR: path.join(artifacts, 'e2e-staff') } },
    ];
    for (const journey of journeys) {
      console.log(`\n== ${journey.name}`);
      const result = spawnSync(process.execPath, journey.cmd, {
        cwd: root,
        stdio: 'inherit',
        env: { ...process.env, BASE_URL, ...journey.env },
        timeout: 600_000,
      });
      if (result.status !== 0) failures.push(journey.name);
    }
  } catch (e) {
    failures.push(e.message);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    sql(`DROP DATABASE IF EXISTS \`${database}\``);
  }
  if (failures.length) {
    console.error(`\nE2E failed: ${failures.join('; ')}\n--- server log (last lines) ---\n${log.slice(-4000)}`);
    process.exit(1);
  }
  console.log('\nE2E: every journey passed; screenshots in artifacts/');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
