'use strict';
// Helpers for the fake's own tests (kept outside test/, where node --test would run it as a test file).
const { startFakeWechat } = require('.');

const TEMPLATE = 'tpl_status';
const TEMPLATES = {
  [TEMPLATE]: { thing1: 'thing', time2: 'time', character_string3: 'character_string', phrase4: 'phrase' },
};

/** @param {import('.').FakeWechatOptions} [options] */
function start(options = {}) {
  return startFakeWechat({ templates: TEMPLATES, ...options });
}

/**
 * Call the fake over real HTTP and parse the body as JSON whatever its type.
 * @param {{ url: string }} fake
 * @param {string} path
 * @param {{ method?: string, query?: Record<string, string>, body?: unknown, raw?: string }} [opts]
 */
async function call(fake, path, { method, query, body, raw } = {}) {
  const url = new URL(path, fake.url);
  for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
  const payload = raw ?? (body === undefined ? undefined : JSON.stringify(body));
  const res = await fetch(url, { method: method ?? (payload === undefined ? 'GET' : 'POST'), body: payload });
  const text = await res.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', text, json };
}

async function stableToken(fake, force_refresh = false) {
  const r = await call(fake, '/cgi-bin/stable_token', {
    body: { grant_type: 'client_credential', appid: fake.config.appid, secret: fake.config.secret, force_refresh },
  });
  return r.json.access_token;
}

/** Log a user in through jscode2session; returns the openid. */
async function login(fake, user) {
  const r = await call(fake, '/sns/jscode2session', {
    query: { appid: fake.config.appid, secret: fake.config.secret, js_code: `fake:${user}:${Math.random()}`, grant_type: 'authorization_code' },
  });
  return r.json.openid;
}

function goodData(overrides = {}) {
  return {
    thing1: { value: '厨房水管漏水' },
    time2: { value: '2026-11-23 14:30' },
    character_string3: { value: 'YZ-20261123-0042' },
    phrase4: { value: '已受理' },
    ...overrides,
  };
}

/** POST a subscribe message with a fresh (cached per fake) token. */
async function send(fake, token, message) {
  return call(fake, '/cgi-bin/message/subscribe/send', { query: { access_token: token }, body: message });
}

module.exports = { TEMPLATE, TEMPLATES, start, call, stableToken, login, goodData, send };
