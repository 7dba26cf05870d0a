'use strict';
/**
 * A tiny round-robin HTTP proxy on loopback, standing in for the load balancer in front
 * of several server instances (nginx, a Kubernetes Service): each request goes to the
 * next backend that is ready; a backend is taken out while its `/api/v1/health/ready`
 * says no (polled every `probeMs`, like a readiness probe) and when a connection to it
 * is refused. A request that failed before any answer came back (connection refused or
 * reset — nothing was processed, or the client's Idempotency-Key makes a repeat safe) is
 * tried once on another backend, like nginx's `proxy_next_upstream error`. Streams
 * (server-sent events) are piped through and end when the backend ends them.
 *
 * Counts what it did: requests, retries on another backend, 502s it had to answer.
 */
const http = require('node:http');

function startProxy({ backends, port = 0, probeMs = 250 }) {
  const state = backends.map((base) => {
    const url = new URL(base);
    return { base, host: url.hostname, port: Number(url.port), ready: true, agent: new http.Agent({ keepAlive: true, maxSockets: 256 }) };
  });
  const stats = { requests: 0, retriedElsewhere: 0, answered502: 0 };
  let next = 0;

  const pick = (except) => {
    for (let i = 0; i < state.length; i++) {
      const b = state[(next + i) % state.length];
      if (b.ready && b !== except) {
        next = (next + i + 1) % state.length;
        return b;
      }
    }
    // Nobody is marked ready: try anyone but the one that just failed.
    return state.find((b) => b !== except) ?? null;
  };

  function forward(req, res, body, backend, retried) {
    const headers = { ...req.headers, 'x-forwarded-for': req.socket.remoteAddress ?? '127.0.0.1' };
    const upstream = http.request({ host: backend.host, port: backend.port, method: req.method, path: req.url, headers, agent: backend.agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
      up.on('error', () => res.destroy());
      res.on('close', () => up.destroy());
    });
    upstream.on('error', (e) => {
      if (res.headersSent) return void res.destroy();
      if (e.code === 'ECONNREFUSED') backend.ready = false;
      const other = !retried && pick(backend);
      if (other && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE'].includes(e.code)) {
        stats.retriedElsewhere++;
        return forward(req, res, body, other, true);
      }
      stats.answered502++;
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ statusCode: 502, code: 'BAD_GATEWAY', message: `proxy: ${e.code ?? e.message}` }));
    });
    upstream.end(body);
  }

  const server = http.createServer((req, res) => {
    stats.requests++;
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const backend = pick(null);
      if (!backend) {
        stats.answered502++;
        res.writeHead(502).end();
        return;
      }
      forward(req, res, Buffer.concat(chunks), backend, false);
    });
  });
  server.keepAliveTimeout = 30_000;

  const probe = setInterval(() => {
    for (const b of state) {
      const req = http.get({ host: b.host, port: b.port, path: '/api/v1/health/ready', agent: false, timeout: 1000 }, (res) => {
        b.ready = res.statusCode === 200;
        res.resume();
      });
      req.on('timeout', () => req.destroy());
      req.on('error', () => (b.ready = false));
    }
  }, probeMs);
  probe.unref();

  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      resolve({
        url: `http://127.0.0.1:${server.address().port}`,
        stats,
        ready: () => state.map((b) => b.ready),
        close: () =>
          new Promise((done) => {
            clearInterval(probe);
            for (const b of state) b.agent.destroy();
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

module.exports = { startProxy };
