'use strict';
/**
 * A server-sent-events client that behaves like the browser's EventSource as the admin
 * pages use it: it follows `retry:` hints, reconnects when a stream ends, resumes with
 * Last-Event-ID, and — where EventSource would give up on an error answer — tries again
 * after a growing pause, as the admin pages do (server/admin/src/services/events.ts).
 * Counts connections and reconnections; keeps the ids of the notices it received (the
 * `id` inside each event's JSON data; the SSE `id:` is the server's resume cursor).
 */
const http = require('node:http');

function openStream(base, pathWithQuery, { onEvent = () => {}, defaultRetryMs = 3000 } = {}) {
  const url = new URL(base);
  const s = {
    connects: 0,
    reconnects: 0,
    errors: 0,
    lastEventId: '',
    retryMs: defaultRetryMs,
    ids: new Set(),
    open: false,
    closed: false,
    req: null,
    retryHints: 0,
  };
  let failures = 0;

  const connect = () => {
    if (s.closed) return;
    let done = false;
    const retry = (ms) => {
      if (done) return;
      done = true;
      again(ms);
    };
    const headers = { accept: 'text/event-stream' };
    if (s.lastEventId) headers['last-event-id'] = s.lastEventId;
    const req = http.get({ host: url.hostname, port: url.port, path: `/api/v1${pathWithQuery}`, headers, agent: false }, (res) => {
      if (res.statusCode !== 200 || !String(res.headers['content-type']).startsWith('text/event-stream')) {
        res.resume();
        s.errors++;
        return retry(Math.min(30_000, 1000 * 2 ** Math.min(failures++, 5)));
      }
      failures = 0;
      s.connects++;
      s.open = true;
      let buffer = '';
      let event = { type: 'message', data: '', id: null };
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        buffer += chunk;
        let nl;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl).replace(/\r$/, '');
          buffer = buffer.slice(nl + 1);
          if (line === '') {
            if (event.id !== null) s.lastEventId = event.id;
            if (event.data !== '') {
              try {
                const id = JSON.parse(event.data)?.id;
                if (id !== undefined) s.ids.add(String(id));
              } catch {
                /* not JSON */
              }
              onEvent(event);
            }
            event = { type: 'message', data: '', id: null };
            continue;
          }
          if (line.startsWith(':')) continue;
          const colon = line.indexOf(':');
          const field = colon < 0 ? line : line.slice(0, colon);
          const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
          if (field === 'data') event.data += (event.data ? '\n' : '') + value;
          else if (field === 'event') event.type = value;
          else if (field === 'id') event.id = value;
          else if (field === 'retry' && /^\d+$/.test(value)) {
            s.retryMs = Number(value);
            s.retryHints++;
          }
        }
      });
      res.on('end', () => retry(s.retryMs));
      res.on('error', () => retry(s.retryMs));
    });
    req.on('error', () => {
      if (done) return;
      s.errors++;
      retry(Math.min(30_000, 1000 * 2 ** Math.min(failures++, 5)));
    });
    s.req = req;
  };
  let pending = null;
  const again = (ms) => {
    s.open = false;
    if (s.closed || pending) return;
    pending = setTimeout(() => {
      pending = null;
      s.reconnects++;
      connect();
    }, ms);
  };
  connect();
  s.close = () => {
    s.closed = true;
    if (pending) clearTimeout(pending);
    s.req?.destroy();
  };
  return s;
}

module.exports = { openStream };
