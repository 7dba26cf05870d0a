'use strict';
/** Small helpers shared by the bench scripts: args, stats, JWT, table output. */
const crypto = require('node:crypto');
const path = require('node:path');
const util = require('node:util');

const ROOT = path.resolve(__dirname, '..', '..', '..');

/** The bench's command line (see index.js); unknown flags are refused. */
function parseArgs(argv) {
  const { values } = util.parseArgs({
    args: argv,
    options: {
      scale: { type: 'string', default: 'full' },
      only: { type: 'string' },
      skip: { type: 'string' },
      'buffer-pool-mb': { type: 'string', default: '0' },
      reseed: { type: 'boolean', default: false },
      lighthouse: { type: 'boolean', default: false },
      label: { type: 'string' },
      port: { type: 'string', default: '3901' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (!['small', 'single', 'full', 'xl'].includes(values.scale)) throw new Error('--scale must be small, single, full or xl');
  return {
    scale: values.scale,
    only: values.only ? values.only.split(',') : null,
    skip: values.skip ? values.skip.split(',') : [],
    bufferPoolMb: Number(values['buffer-pool-mb']),
    reseed: values.reseed,
    lighthouse: values.lighthouse,
    label: values.label,
    port: Number(values.port),
    help: values.help,
  };
}

/** Nearest-rank percentile of an array of numbers (ms). */
function percentile(values, p) {
  if (!values.length) return null;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

function summary(values) {
  if (!values.length) return { n: 0 };
  let sum = 0;
  let max = -Infinity;
  for (const v of values) {
    sum += v;
    if (v > max) max = v;
  }
  return {
    n: values.length,
    mean: round(sum / values.length),
    p50: round(percentile(values, 0.5)),
    p95: round(percentile(values, 0.95)),
    p99: round(percentile(values, 0.99)),
    max: round(max),
  };
}

const round = (x, d = 2) => (x === null || x === undefined ? x : Math.round(x * 10 ** d) / 10 ** d);

const b64url = (buf) => Buffer.from(buf).toString('base64url');
/** HS256 JWT, the same shape the server signs (typ/sub/… claims). */
function signJwt(payload, secret, ttlSec = 6 * 3600) {
  const now = Math.floor(Date.now() / 1000);
  const head = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const body = b64url(JSON.stringify({ ...payload, iat: now, exp: now + ttlSec }));
  const sig = crypto.createHmac('sha256', secret).update(`${head}.${body}`).digest('base64url');
  return `${head}.${body}.${sig}`;
}

/** Deterministic PRNG (mulberry32). */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function log(...parts) {
  const t = new Date().toISOString().slice(11, 19);
  process.stderr.write(`[bench ${t}] ${parts.join(' ')}\n`);
}

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c] ?? '').length)));
  const line = (cells) => cells.map((c, i) => String(c ?? '').padEnd(widths[i])).join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(columns.map((c) => r[c])))].join('\n');
}

module.exports = { ROOT, parseArgs, percentile, summary, round, signJwt, rng, sleep, log, table };
