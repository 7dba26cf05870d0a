'use strict';
/**
 * A tiny HTTP load generator on node:http (keep-alive): closed loop at a fixed
 * concurrency, or open loop at a fixed rate (latency measured from the scheduled send
 * time, so a stalled server cannot hide its queueing). Every loop is bounded by a
 * count and a time limit. Loopback only.
 */
const http = require('node:http');
const { performance } = require('node:perf_hooks');

function assertLoopback(base) {
  const host = new URL(base).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') throw new Error(`bench load goes to loopback only, not ${host}`);
}

function client(base, { maxSockets = 256 } = {}) {
  assertLoopback(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const url = new URL(base);
  function request({ method = 'GET', path, headers = {}, body, timeoutMs = 30_000 }) {
    return new Promise((resolve) => {
      const started = performance.now();
      let payload = body;
      const h = { ...headers };
      if (body !== undefined && !Buffer.isBuffer(body) && typeof body !== 'string') {
        payload = JSON.stringify(body);
        h['content-type'] = 'application/json';
      }
      if (payload !== undefined) h['content-length'] = Buffer.byteLength(payload);
      const req = http.request({ host: url.hostname, port: url.port, method, path, headers: h, agent, timeout: timeoutMs }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            // not JSON: the caller reads text
          }
          resolve({ status: res.statusCode, json, text, ms: performance.now() - started, end: performance.now() });
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (e) => resolve({ status: 0, error: e.message, ms: performance.now() - started, end: performance.now() }));
      if (payload !== undefined) req.write(payload);
      req.end();
    });
  }
  return { request, close: () => agent.destroy() };
}

/** Tallies an answer by status; a request that got none by what went wrong ("0 socket hang up"). */
function tally(statuses, r) {
  const key = r.status === 0 && r.error ? `0 ${r.error}` : r.status;
  statuses[key] = (statuses[key] || 0) + 1;
}

/** Closed loop: `concurrency` workers, each sending the next request when the last answered. */
async function closedLoop({ concurrency, count, durationMs, send }) {
  const latencies = [];
  let errors = 0;
  let issued = 0;
  const statuses = {};
  const started = performance.now();
  const deadline = started + durationMs;
  const worker = async () => {
    while (issued < count && performance.now() < deadline) {
      const i = issued++;
      const r = await send(i);
      tally(statuses, r);
      if (r.ok === false || r.status < 200 || r.status >= 300) errors++;
      else latencies.push(r.ms);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - started) / 1000;
  return { latencies, errors, statuses, completed: latencies.length, elapsedSec: elapsed, throughput: latencies.length / elapsed };
}

/** Open loop at `rate` per second for `durationMs` (and at most `count`); latency from the scheduled instant. */
async function openLoop({ rate, durationMs, count = Infinity, send, maxInFlight = 2000 }) {
  const latencies = [];
  let errors = 0;
  let dropped = 0;
  let inFlight = 0;
  const statuses = {};
  const pending = [];
  const started = performance.now();
  const total = Math.min(count, Math.floor((rate * durationMs) / 1000));
  const interval = 1000 / rate;
  for (let i = 0; i < total; i++) {
    const scheduled = started + i * interval;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((r) => setTimeout(r, wait));
    if (inFlight >= maxInFlight) {
      dropped++;
      continue;
    }
    inFlight++;
    pending.push(
      send(i).then((r) => {
        inFlight--;
        tally(statuses, r);
        if (r.ok === false || r.status < 200 || r.status >= 300) errors++;
        else latencies.push(r.end - scheduled);
      }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  return { latencies, errors, dropped, statuses, completed: latencies.length, elapsedSec: elapsed, achievedRate: latencies.length / elapsed };
}

module.exports = { client, closedLoop, openLoop, assertLoopback };
