'use strict';
/** Starts the compiled server (server/dist/main.js) on loopback against the bench database, and stops it. */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');
const { ROOT, sleep, log } = require('./util');

const JWT_SECRET = 'yizhan-bench-jwt-secret-yizhan-bench-jwt-secret';

function get(url) {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(2000, () => req.destroy());
  });
}

function rssMb(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : null;
  } catch {
    return null;
  }
}

function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return null;
  }
}

async function startServer({ dbUrl, port, fakeUrl, env = {}, logFile, nodeArgs = [] }) {
  // A server left from an interrupted run would answer the health check for ours.
  if ((await get(`http://127.0.0.1:${port}/api/v1/health`)) !== 0)
    throw new Error(`something already listens on port ${port} (a server from an interrupted run?)`);
  const out = fs.openSync(logFile, 'a');
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_SERVER_NODE_ARGS || '').split(' ').filter(Boolean), ...nodeArgs, path.join(ROOT, 'server/dist/main.js')],
    {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'development',
        // As npm start runs it (scripts/start.js).
        MALLOC_ARENA_MAX: '2',
        PORT: String(port),
        DATABASE_URL: dbUrl,
        DEMO_DATA: 'false',
        JWT_SECRET,
        WECHAT_APPID: 'wxbench',
        WECHAT_SECRET: 'wxbenchsecret',
        WECHAT_API_BASE: fakeUrl,
        FILES_DIR: '/tmp/yizhan-bench-files',
        OUTBOX_POLL_MS: '1000',
        SLA_SCAN_MS: '0',
        // Per-caller limits protect production from one abusive account; the bench is many callers from one host.
        RATE_LIMIT_PER_MIN: '10000000',
        RATE_LIMIT_WRITE_PER_MIN: '1000000',
        RATE_LIMIT_LOGIN_PER_MIN: '1000000',
        ...env,
      },
      stdio: ['ignore', out, out],
    },
  );
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}; see ${logFile}`);
    if ((await get(`${base}/api/v1/health`)) === 200) break;
    await sleep(250);
  }
  if ((await get(`${base}/api/v1/health`)) !== 200) {
    child.kill('SIGTERM');
    throw new Error(`server did not become healthy in 120 s; see ${logFile}`);
  }
  log(`server up at ${base} (pid ${child.pid})`);
  return {
    base,
    pid: child.pid,
    rssMb: () => rssMb(child.pid),
    signal: (name) => child.kill(name),
    /** CPU time (user + system) the server process has used, in ms. */
    cpuMs: () => cpuMs(child.pid),
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const until = Date.now() + 15_000;
      while (child.exitCode === null && Date.now() < until) await sleep(100);
      if (child.exitCode === null) child.kill('SIGKILL');
    },
  };
}

module.exports = { startServer, rssMb, JWT_SECRET };
